"""The shared Indonesian boilerplate catalogue: one place for every line-level text rule.

Each rule looks at one line (a paragraph of a page, or a line of plain text) and says what it is:
body text, boilerplate to drop, a metadata line (byline, editor, wire source) or the start of the
page's trailer (share, comment, related and footer blocks). Outlets add their own rules in their
site file; the engine, the generic path and text mode all read this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .textutil import collapse, dedupe


class Kind(Enum):
    TEXT = "text"
    DROP = "drop"  # boilerplate: read-also, ads, promos, captions, credits, prompts
    META = "meta"  # a byline/editor/source line: its values go to metadata, the line goes
    SIGNOFF = "signoff"  # the article's last line: after it only metadata lines are read
    RELATED = "related"  # a related-articles heading: its links follow
    END = "end"  # the trailer starts here: share, comments, footer


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --- boilerplate lines (dropped) ------------------------------------------------------------

READ_ALSO = _rx(
    r"^(?:baca\s+(?:juga|selengkapnya|lainnya|berita)|lihat\s+juga|simak\s+(?:juga|video)|"
    r"(?:berita|artikel|topik)\s+terkait\s*:|baca\s*:)\s*:?",
    re.I,
)
_AD_LABEL = (
    r"(?:-\s*)?(?:iklan(?:\s+google)?|advertisement|advertisment|adv|ads|sponsored|"
    r"scroll to continue with content|konten berbayar|konten sponsor)(?:\s*-)?"
)
AD = _rx(rf"^{_AD_LABEL}(?:\s*{_AD_LABEL})*$", re.I)  # labels may stack, even glued
PROMO = _rx(r"^jasa\s+(?:pembuatan\s+)?website\b.{0,40}$", re.I)
PROMPT = _rx(
    r"^(?:ikuti|simak|cek|dapatkan|follow|gabung|klik|download|unduh|join|baca)\b.{0,140}"
    r"\b(?:google news|saluran whatsapp|whatsapp channel|channel whatsapp|telegram|"
    r"breaking news|berita pilihan|update berita|berita terbaru)\b",
    re.I,
)
# Promotions no sentence of an article starts with, whatever their length.
PROMO_LEAD = _rx(
    r"^(?:dapatkan update berita|simak breaking news|ikuti (?:kami|kanal|saluran|channel|"
    r"berita|update)\b|cek berita dan artikel yang lain|mari bergabung di (?:grup|kanal|saluran|"
    r"channel)|(?:ayo |yuk )?gabung(?:lah)? (?:di|ke|dengan) (?:grup|kanal|saluran|channel)|"
    r"follow (?:kami|akun)|klik (?:di ?sini|link) untuk)",
    re.I,
)
# A date and time, as pages print them beside a byline: `Kamis, 11 Desember 2025 - 10:05 WIB`.
DATE_STAMP = _rx(
    r"^(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+)?\d{1,2}\s+[a-z]{3,9}\.?\s+"
    r"\d{4}(?:\s*[,/|-]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:wib|wita|wit))?)?$",
    re.I,
)
REPUBLISHED = _rx(
    r"^artikel ini (?:telah|sudah)?\s*(?:tayang|ditayangkan|terbit|diterbitkan)\s+(?:di|pada)"
    r"\s+(?P<source>[\w.-]+(?:\s[\w.-]+){0,3}?)\s+dengan judul\b",
    re.I,
)
PAGE_MARKER = _rx(r"^(?:halaman\s+)?\d+\s*(?:dari|/|of)\s*\d+(?:\s*halaman)?$|^halaman\s*:?\s*"
                  r"(?:\d+\s*)+(?:selanjutnya|berikutnya)?$|^(?:selanjutnya|sebelumnya|"
                  r"halaman selanjutnya|tampilkan semua|lihat semua|semua halaman)\s*[»>]*$",
                  re.I)  # fmt: skip
PHOTO_LABEL = _rx(r"^(?:foto|teks foto|sumber foto|caption|ilustrasi|dok\.?|dokumentasi)\s*[:.]",
                  re.I)  # fmt: skip

# --- photo captions and credits -------------------------------------------------------------

AGENCY = (
    r"AFP|Reuters|AP(?: Photo)?|ANTARA(?: FOTO)?|Antara|Getty(?: Images)?|SPUTNIK|Sputnik|KCNA|"
    r"kcna|KNS|EPA|Xinhua|Yonhap|Anadolu|Bloomberg|Shutterstock|Istimewa|istimewa|Dok\.?|"
    r"dok\.?|HO|ho|Handout|Foto|foto|FOTO|Instagram|Twitter|Freepik|Unsplash|Pixabay|Kompas(?:\.com)?|Tribunnews(?:\.com)?"
)
_CREDIT_PARENS = _rx(rf"\((?=[^()]*/)(?=[^()]*\b(?:{AGENCY})\b)[^()]{{2,80}}\)")
# "Alexey NIKOLSKY / SPUTNIK / AFP", "KCNA VIA KNS/AFP": names joined by slashes, ending a caption.
_SLASH_CREDIT = (
    rf"[\w.'-]+(?:\s[\w.'-]+){{0,3}}(?:\s?/\s?[\w.'-]+(?:\s[\w.'-]+){{0,3}})*\s?/\s?(?:{AGENCY})"
)
CREDIT_ONLY = _rx(rf"^{_SLASH_CREDIT}$")
CAPTION_ENDS_WITH_CREDIT = _rx(rf"(?:\s{_SLASH_CREDIT}|{_CREDIT_PARENS.pattern})\s*$")
CAPTION_CREDIT_THEN_TEXT = _rx(rf"{_CREDIT_PARENS.pattern}\s[-–—]\s")
# Getty-style "WASHINGTON, DC - JUNI 06: …" and Tribun-style "LABEL IN CAPS – description (credit)".
# "… Pelalawan. Foto: Dok. Humas PUPR" / "… (Foto: Dok. Humas BBKSDA Riau)": a photo credit
# ends the line.
CAPTION_FOTO = _rx(r"(?:^|[\s.(])(?:foto|foto/ilustrasi|sumber foto|ilustrasi foto)\s*:\s*[^():]{2,80}\)?\s*$",
                   re.I)  # fmt: skip
CAPTION_GETTY = _rx(r"^[A-Z][A-Z .,'-]{2,40}\s[-–—]\s[A-Z]{3,9}\s\d{1,2}\s?:")
CAPTION_LABEL = _rx(r"^(?![^-–—]*\.(?:COM|CO\.ID|ID)\b)(?![^-–—]*\|)[A-Z0-9][A-Z0-9 ,.'&/]{2,60}"
                    r"\s[-–—]\s.+\([^()]{2,80}\)$")  # fmt: skip

# --- bylines, editors, sources (to metadata) ------------------------------------------------

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,5}"
_FIELD_KEYS = {
    "penulis": "authors", "reporter": "authors", "pewarta": "authors", "wartawan": "authors",
    "kontributor": "authors", "koresponden": "authors", "oleh": "authors", "ditulis oleh": "authors",
    "editor": "editor", "penyunting": "editor", "redaktur": "editor", "editing": "editor",
    "sumber": "source", "source": "source", "foto": None, "video": None, "grafis": None,
    "fotografer": None, "videografer": None,
}  # fmt: skip
_FIELD = _rx(r"^(?P<key>" + "|".join(sorted(_FIELD_KEYS, key=len, reverse=True)) + r")\s*:\s*(?P<value>.+)$", re.I)  # fmt: skip
BYLINE_NO_COLON = _rx(rf"^(?:Reporter|Penulis|Pewarta|Oleh)\s+(?P<name>{_NAME})$")
LAPORAN = _rx(r"^Laporan\s+(?:Wartawan|Reporter|Koresponden|Kontributor)\s+[^,]{2,60},\s*(?P<name>"
              + _NAME + r")$")  # fmt: skip

# --- sign-offs and the trailer --------------------------------------------------------------

SIGNOFF_LINE = _rx(r"^\(\s*(?P<inner>\*+|[*\w.]+(?:\s?/\s?[*\w. ]+)+|[a-z]{2,4}(?:\s?[,/]\s?[a-z]{2,4})*)\s*\)\.?$")  # fmt: skip
SIGNOFF_TAIL = _rx(r"\s*\(\s*(?:\*+(?:/\w+)?|[a-z]{2,5}(?:\s?/\s?[a-z*]{1,5})+|\*/[a-z]+)\s*\)\.?$")
_DOMAIN = _rx(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv)$", re.I)
# A related/recommended block: in a page, the body may go on after its links.
RELATED = _rx(
    r"^(?:berita\s+lain(?:nya)?\s+terkait\b.*|berita\s+terkait|artikel\s+terkait|topik\s+terkait|"
    r"berita\s+lainnya|baca\s+juga|rekomendasi(?:\s+untuk\s*(?:anda|mu))?|berita\s+terkini|"
    r"berita\s+terpopuler|terpopuler|terbaru|populer|pilihan\s+editor|"
    r"related(?:\s+(?:posts|articles))?)\s*:?$",
    re.I,
)
# The page's trailer: share, comments, footer. Nothing after it is the article.
END = _rx(
    r"^(?:bagikan(?:\s+(?:berita|artikel)(?:\s+ini)?)?|share(?:\s+this)?|tinggalkan\s+(?:ulasan|"
    r"balasan|komentar)|komentar|tulis\s+komentar|alamat\s+email\s+anda\s+tidak\s+akan\s+"
    r"dipublikasikan.*|(?:©|\(c\)|copyright|hak\s+cipta)\b.*|.{0,80}all\s+rights?\s+reserved\.?|"
    r"tags?\s*:.*|topik\s*:.*)\s*:?$",
    re.I,
)


# Wire agencies as sign-offs abbreviate them: `(Ant/E-3)` is Antara's.
WIRE_ABBREVIATIONS = {"ant": "Antara", "ant.": "Antara"}


@dataclass
class Captured:
    """Metadata found in lines that were taken out of the text."""

    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None
    caption: str | None = None  # a lead-photo caption found above the body's first paragraph

    def add(self, key: str | None, value: str) -> None:
        value = collapse(value).strip(" .,;:-–")
        if not key or not value:
            return
        if key == "authors":
            self.authors = dedupe(self.authors + _split_names(value))
        elif key == "editor" and not self.editor:
            self.editor = value
        elif key == "source" and not self.source:
            self.source = WIRE_ABBREVIATIONS.get(value.casefold(), value)
        elif key == "caption" and not self.caption:
            self.caption = collapse(value)


def _split_names(value: str) -> list[str]:
    """Names in a byline value; a part with digits is a date or a count, not a name."""
    parts = (n.strip() for n in re.split(r"\s*(?:,|/|&|\bdan\b)\s*", value))
    return [n for n in parts if n and not any(c.isdigit() for c in n)]


def _field_line(line: str, captured: Captured) -> bool:
    """`Sumber: Reuters | Editor: Handoyo`, `Penulis: A | Editor: B`: every part a key: value."""
    if len(line) > 160:
        return False
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s{2,}", line) if p.strip()]
    parts = [p for p in parts if not DATE_STAMP.match(p)]  # `Kamis, 11 Desember 2025 | Penulis: A`
    matches = [_FIELD.match(p) for p in parts]
    if not matches or not all(matches):
        return False
    for m in matches:
        if len(m["value"].split()) > 8:  # a sentence, not a name: "Sumber: …" as text
            return False
    for m in matches:
        captured.add(_FIELD_KEYS[m["key"].lower()], m["value"])
    return True


def _signoff(line: str, captured: Captured) -> bool:
    match = SIGNOFF_LINE.match(line)
    if not match:
        return False
    parts = [p.strip() for p in match["inner"].split("/")]
    if len(parts) > 1 and _DOMAIN.match(parts[0]):  # (Tribunnews.com/NAME): the writer
        captured.add("authors", ", ".join(p for p in parts[1:] if not _DOMAIN.match(p)))
    return True


def is_caption(line: str) -> bool:
    # Cheap tests guard each regex: this runs on every paragraph of every page.
    tail = line[-160:]
    foto = "oto" in tail or "OTO" in tail  # Foto:, FOTO:
    if "/" not in line and "(" not in line:  # every caption form but two has one
        return ":" in line and bool(
            CAPTION_GETTY.match(line) or (foto and CAPTION_FOTO.search(tail))
        )
    ends_credit = line[-1] == ")" or line[-1].isalpha()  # a credit ends ")" or with an agency
    return bool(
        (len(line) <= 120 and CREDIT_ONLY.match(line))
        or (":" in line and CAPTION_GETTY.match(line))
        or (line[-1] == ")" and CAPTION_LABEL.match(line))
        or (_CREDIT_DASH.search(line) and CAPTION_CREDIT_THEN_TEXT.search(line))
        or (foto and CAPTION_FOTO.search(tail))
        or (ends_credit and CAPTION_ENDS_WITH_CREDIT.search(tail))
    )


_CREDIT_DASH = _rx(r"\)\s[-–—]\s")


def is_boilerplate(line: str) -> bool:
    """Lines that carry nothing worth keeping, wherever they stand."""
    short = len(line) <= 200
    return bool(
        AD.match(line)
        or PROMO.match(line)
        or DATE_STAMP.match(line)  # the page's date alone on a line: not a paragraph
        or PAGE_MARKER.match(line)
        or (short and READ_ALSO.match(line))
        or (short and PHOTO_LABEL.match(line))
        or (len(line) <= 260 and PROMPT.match(line))
    )


LONG = 260  # longer lines are paragraphs or captions, never a label, byline or link line

# The words a non-text line can start with: every pattern above begins with one of them, or
# with a character that is not a letter ("(", "-", "©", a digit). A line that starts
# otherwise can only be a caption; this spares a dozen regexes on most paragraphs.
_TRIGGERS = [
    "baca",
    "lihat",
    "simak",
    "berita",
    "artikel",
    "topik",
    "iklan",
    "advertisement",
    "advertisment",
    "adv",
    "ads",
    "sponsored",
    "scroll",
    "konten",
    "jasa",
    "ikuti",
    "cek",
    "dapatkan",
    "follow",
    "gabung",
    "klik",
    "download",
    "unduh",
    "join",
    "halaman",
    "selanjutnya",
    "sebelumnya",
    "tampilkan",
    "semua",
    "foto",
    "teks",
    "sumber",
    "source",
    "caption",
    "ilustrasi",
    "dok",
    "dokumentasi",
    "rekomendasi",
    "terpopuler",
    "terbaru",
    "populer",
    "pilihan",
    "related",
    "bagikan",
    "share",
    "tinggalkan",
    "komentar",
    "tulis",
    "alamat",
    "copyright",
    "hak",
    "tags",
    "tag",
    "penulis",
    "reporter",
    "pewarta",
    "wartawan",
    "kontributor",
    "koresponden",
    "oleh",
    "ditulis",
    "editor",
    "penyunting",
    "redaktur",
    "editing",
    "video",
    "grafis",
    "fotografer",
    "videografer",
    "laporan",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "mari",
    "ayo",
    "yuk",
]
# A prefix, not a word: labels come glued too ("ADVERTISEMENTSCROLL TO CONTINUE").
TRIGGER = _rx("|".join(sorted(_TRIGGERS, key=len, reverse=True)), re.I)


def _may_be_labelled(line: str) -> bool:
    if not line[:1].isalpha():
        return True
    return TRIGGER.match(line) is not None or "eserved" in line or "ESERVED" in line


def classify(line: str, captured: Captured, extra: tuple[Rule, ...] = ()) -> Kind:
    """What `line` is; metadata found in it is added to `captured`."""
    for rule in extra:
        if kind := rule.apply(line, captured):
            return kind
    if not line or not _may_be_labelled(line):
        return Kind.DROP if line and is_caption(line) else Kind.TEXT
    if PROMO_LEAD.match(line):
        return Kind.DROP
    if len(line) > LONG:  # a paragraph: only a republishing note or a caption is this long
        if match := REPUBLISHED.match(line):
            captured.add("source", match["source"])
            return Kind.DROP
        return Kind.DROP if is_caption(line) else Kind.TEXT
    if _field_line(line, captured):
        return Kind.META
    if match := BYLINE_NO_COLON.match(line) or LAPORAN.match(line):
        captured.add("authors", match["name"])
        return Kind.META
    if match := REPUBLISHED.match(line):
        captured.add("source", match["source"])
        return Kind.DROP
    if _signoff(line, captured):
        return Kind.SIGNOFF
    if len(line) <= 200 and RELATED.match(line):
        return Kind.RELATED
    if len(line) <= 200 and END.match(line):
        return Kind.END
    if is_boilerplate(line) or is_caption(line):
        return Kind.DROP
    return Kind.TEXT


def strip_signoff_tail(line: str) -> str:
    """`… kata dia. (tfq/gil)` → `… kata dia.`"""
    return SIGNOFF_TAIL.sub("", line) if line[-1:] in ").;" and "(" in line else line


@dataclass(frozen=True)
class Rule:
    """An outlet's own line rule: lines matching `pattern` are of `kind`; a named group
    `authors`, `editor` or `source` sends its text to that metadata field."""

    pattern: re.Pattern[str]
    kind: Kind = Kind.DROP

    def apply(self, line: str, captured: Captured) -> Kind | None:
        match = self.pattern.search(line)
        if not match:
            return None
        for key, value in match.groupdict().items():
            if value:
                captured.add(key, value)
        return self.kind


def rule(pattern: str, kind: Kind = Kind.DROP, flags: int = 0) -> Rule:
    return Rule(re.compile(pattern, flags), kind)
