"""The line classifier: what one line is, by the catalogue's patterns, and the metadata in it."""

from __future__ import annotations

import re

from .catalogue import (
    AD,
    AD_SALES,
    AGENCY,
    ALL_RIGHTS,
    BYLINE_NO_COLON,
    CAPS_LABEL,
    CAPTION_AGENCY_FIRST,
    CAPTION_CREDIT_THEN_TEXT,
    CAPTION_ENDS_WITH_CREDIT,
    CAPTION_FOTO,
    CAPTION_GETTY,
    CAPTION_LABEL,
    COMMENT_PROMPT,
    CREDIT_AGENCY_FIRST,
    CREDIT_DASH,
    CREDIT_DOMAIN_TAIL,
    CREDIT_LINE_PARENS,
    CREDIT_ONLY,
    DATE_STAMP,
    DOMAIN,
    DOMAIN_CREDIT,
    EMBED_PLACEHOLDER,
    END,
    END_MARK,
    FIELD,
    FIELD_KEYS,
    INFOGRAPHIC,
    INITIALS,
    LAPORAN,
    OFFICE_WORD,
    OWN_APP,
    OWN_PROMO,
    PAGE_MARKER,
    PHOTO_LABEL,
    PLACE_DATE,
    PLAYER_FALLBACK,
    POST_NAV,
    POSTED_BY,
    POSTED_ON,
    PROMO,
    PROMO_LEAD,
    PROMPT,
    READ_ALSO,
    READ_ALSO_SENTENCE,
    RELATED,
    RELATIVE_TIME,
    REPUBLISHED,
    REPUBLISHED_READ,
    REPUBLISHED_SHORT,
    RESERVED_MARKS,
    REUSE_NOTICE,
    RULE_LINE,
    SEND_US,
    SIGNED_NAME_FIRST,
    SIGNED_NAME_ONLY,
    SIGNED_PAIR,
    SIGNED_TAIL,
    SIGNOFF_LINE,
    SIGNOFF_TAIL,
    STORY_CREDIT_LEAD,
    STORY_CREDIT_TAIL,
    TAXONOMY,
    TRIGGER,
    VIDEO_PROMO,
    VISITOR_COUNTER,
)  # fmt: skip
from .plugs import OWN_SITE_LINES
from .promos import AD_MARK_TAIL
from .rule import Captured, Kind, Rule
from .stamps import is_dated_label_line

# --- thresholds (characters, unless said) ---------------------------------------------------
LONG = 260  # longer lines are paragraphs or captions, never a label, byline or link line
SHORT = 200  # a read-also, photo label, related heading or trailer line is no longer than this
FIELD_LINE = 160  # a `Key: value | Key: value` metadata line is no longer than this
FIELD_WORDS = 8  # a field value of more words is a sentence (`Sumber: …` as text), not a name
CREDIT_LINE = 120  # a photo credit alone on its line is no longer than this
CAPTION_TAIL = 160  # a caption's credit is looked for in this many last characters
PLACE_DATE_LINE = 60  # a place and a date alone on a line are no longer than this
# A CMS login before the post's date (`Administrator | 12 Januari 2026`): the info line, no byline.
LOGIN_LEAD = re.compile(
    r"^(?:admin(?:istrator)?|operator(?:\s+desa)?|webmaster)\s*[|•·,–-]\s*", re.I
)
# An outlet's domain opening a line, and what separates it from the rest (`Kompas.com - `, glued
# as a page's header prints it: `Kompas.comSelasa, 1 Desember 2026`).
DOMAIN_LEAD = re.compile(
    r"^(?:[\w-]+\.)+(?:com|co\.id|id|net|tv)(?-i:(?![a-z.]))\s*[-–—|,:]?\s*", re.I
)


# Where one field of a byline line ends and the next begins when nothing but a space (or a
# comma, a semicolon, a slash) parts them: `Penulis: A Editor: B`, `Penulis : A, Editor : B`,
# `Editor : A / Reporter : B`, `Pewarta: A/Editor: B`; never inside a key (`Ditulis oleh: A`, `Laporan Reporter: A`,
# `Teks dan Foto: A`). `Pewarta: ALestariEditor: B`: a capitalised key glued to the name before
# it (two <span>s).
_KEYS = "|".join(sorted(FIELD_KEYS, key=len, reverse=True))
_NEXT_FIELD = re.compile(
    r"(?:\s*[,;/]?\s+(?<!ditulis )(?<!laporan )(?<!teks dan )(?<!teks & )|\s*[,;/]\s*"
    rf"|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))(?=(?:{_KEYS})\s*:)",
    re.I,
)
# The outlet's rights line closing a byline line (`Pewarta: A | Editor: B | COPYRIGHT © ANTARA
# 2025`, `Editor: BCopyright © …` of glued spans): the trailer, no field.
_RIGHTS_AFTER = re.compile(r"\s*(?:[|•·]\s*)?(?:©|\(c\)\s|copyright\b|hak\s+cipta\b)", re.I)


_TIME = re.compile(r"^(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?$", re.I)


def _field_line(line: str, captured: Captured) -> bool:
    """`Sumber: Reuters | Editor: Handoyo`, `Penulis: A Editor: B`, `Laporan Wartawan
    Tribunnews.com, A | Editor: B`: every part a key: value (or a reporter's line)."""
    if len(line) > FIELD_LINE:
        return False
    if line[:1] in "([" and line[-1:] in ")]":
        # `(Rep: Wahyu Setiawan)`: a byline closing the story in brackets (not a credit's
        # `(Foto: …)`, `(Video: …)`: those are captions)
        inner = FIELD.match(line[1:-1])
        if not inner or not FIELD_KEYS[inner["key"].lower()]:
            return False
        line = line[1:-1]
    if (rights := _RIGHTS_AFTER.search(line, 1)) and FIELD.match(line):
        line = line[: rights.start()]
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s{2,}", line) if p.strip()]
    parts = [q.strip() for p in parts for q in _NEXT_FIELD.split(p) if q.strip()]
    # `Kamis, 11 Desember 2025 | 10:05 WIB | Penulis: A`: the date and time are not fields.
    parts = [p for p in parts if not DATE_STAMP.match(p) and not _TIME.match(p)]
    fields = [_field(p) for p in parts]
    if not fields or not all(fields):
        return False
    for _, value in fields:
        if len(value.split()) > FIELD_WORDS:  # a sentence, not a name: "Sumber: …" as text
            return False
    for key, value in fields:
        captured.add(key, value)
    return True


def _field(part: str) -> tuple[str | None, str] | None:
    if match := FIELD.match(part):
        key = match["key"].lower()
        value = match["value"]
        if key in _FILED_FROM:
            value = _without_place(value)  # `Laporan: Fadli Siregar, Binjai`: where it was filed
        return FIELD_KEYS[key], value
    if (match := LAPORAN.match(part)) and _a_name(name := match["name"] or match["named"]):
        return "authors", name
    return None


def _signoff(line: str, captured: Captured) -> bool:
    if named := SIGNED_NAME_FIRST.match(line):  # (Rina Ayu/Tribunnews.com)
        captured.add("signed", named["names"])
        return True
    if (named := SIGNED_NAME_ONLY.match(line)) and _a_name(named["name"]):  # (Andi Baso)
        captured.add("signed", named["name"])
        return True
    office = line[:1] == "(" and line[-1:] == ")" and "/" not in line and len(line) <= 60
    if office and OFFICE_WORD.match(line[1:]):
        captured.add("source", line[1:-1])  # `(Humas DPRD)`: a press office's release
        return True
    if (pair := SIGNED_PAIR.match(line)) and _writer_and_office(pair["a"], pair["b"]):
        office_first = bool(OFFICE_WORD.match(pair["a"])) and not OFFICE_WORD.match(pair["b"])
        writer, where = (pair["b"], pair["a"]) if office_first else (pair["a"], pair["b"])
        captured.add("signed", writer)
        if OFFICE_WORD.match(where):
            captured.add("source", where)  # a press office's release
        return True
    match = SIGNOFF_LINE.match(line)
    if not match:
        return False
    parts = [p.strip() for p in match["inner"].split("/")]
    if len(parts) > 1 and DOMAIN.match(parts[0]):  # (Tribunnews.com/NAME): the writer
        captured.add("signed", ", ".join(p for p in parts[1:] if not DOMAIN.match(p)))
    elif all(INITIALS.match(p) for p in parts if p.strip("*")):  # (ant/rin), (*/red)
        captured.add("initials", match["inner"])
    return True


# Keys whose value names a writer and where they file from: `Laporan: A, Binjai`,
# `Kontributor: A, Kab. Karo`, `Laporan: A dan B, Medan` (writers are joined by `dan` there;
# `A, B dan C` keeps its names: the last part is no place of capitalised words).
_FILED_FROM = frozenset(("laporan", "kontributor", "koresponden"))
_PLACE_AFTER = re.compile(r"\s*[,/]\s*(?:[A-Z][\w.'’-]*)(?:\s[A-Z][\w.'’-]*){0,2}\s*$")


def _without_place(value: str) -> str:
    """`Fadli Siregar, Binjai`, `Zahrul/Depok` → the name: the place a line ends with, after a
    comma or a slash."""
    return _PLACE_AFTER.sub("", value)


# Words that open a bracket or a `Laporan …,` line without being a person's name.
_NOT_A_NAME = frozenset(("sumber", "foto", "dok", "ilustrasi", "keuangan", "kinerja", "tahunan",
                         "akhir", "utama", "khusus", "bersambung", "advertorial", "rilis"))  # fmt: skip


def _a_name(name: str) -> bool:
    first = name.split()[0].lower() if name.split() else ""
    return (
        bool(first)
        and first not in FIELD_KEYS
        and first not in _NOT_A_NAME
        and not (OFFICE_WORD.match(name))
    )


def _writer_and_office(a: str, b: str) -> bool:
    """`Muhammad Fauzan` / `Humas ITS`: a name of two words or more beside an office or an
    outlet; not a photo credit (`…/Antara`), a domain's sign-off (`Tribunnews.com/Rina Ayu`), nor
    codes or places (`Ant/Z-2`, `Jakarta/Bandung`)."""
    if re.fullmatch(AGENCY, b) or any(INITIALS.match(p) or DOMAIN.match(p) for p in (a, b)):
        return False
    return len(a.split()) >= 2 or len(b.split()) >= 2


def is_caption(line: str) -> bool:
    # Cheap tests guard each regex: this runs on every paragraph of every page.
    tail = line[-CAPTION_TAIL:]
    foto = "oto" in tail or "OTO" in tail  # Foto:, FOTO:
    if "/" not in line and "(" not in line:  # every caption form but two has one
        return ":" in line and bool(
            CAPTION_GETTY.match(line) or (foto and CAPTION_FOTO.search(tail))
        )
    ends_credit = line[-1] == ")" or line[-1].isalpha()  # a credit ends ")" or with an agency
    return bool(
        (len(line) <= CREDIT_LINE and (CREDIT_ONLY.match(line) or DOMAIN_CREDIT.match(line)))
        or (len(line) <= CREDIT_LINE and CREDIT_LINE_PARENS.match(line))
        or (":" in line and CAPTION_GETTY.match(line))
        or (line[-1] == ")" and CAPTION_LABEL.match(line))
        or (CREDIT_DASH.search(line) and CAPTION_CREDIT_THEN_TEXT.search(line))
        or (foto and CAPTION_FOTO.search(tail))
        or (ends_credit and CAPTION_ENDS_WITH_CREDIT.search(tail))
        or ("/" in tail and CAPTION_AGENCY_FIRST.search(tail))
    )


def strip_credit(line: str) -> str:
    """A caption without the photo credit at its end: `Warga … Minggu (23/11/2025). (Foto:
    Dedi/Patrazone)` → `Warga … Minggu (23/11/2025).`; empty when it is only a credit."""
    if lead := STORY_CREDIT_LEAD.match(line):
        line = line[lead.end() :]
    if (len(line) <= CREDIT_LINE and (CREDIT_ONLY.match(line) or DOMAIN_CREDIT.match(line))) or (
        PHOTO_LABEL.match(line) and len(line) <= CREDIT_LINE
    ):
        return ""
    start = max(0, len(line) - CAPTION_TAIL)
    credits = (CAPTION_FOTO, CAPTION_ENDS_WITH_CREDIT, CREDIT_AGENCY_FIRST, CREDIT_DOMAIN_TAIL,
               STORY_CREDIT_TAIL)  # fmt: skip
    for pattern in credits:
        if match := pattern.search(line, start):
            # `… WIB. Foto: X/detikcom`: the sentence's full stop is the caption's, not the credit's
            end = match.start() + (line[match.start()] == ".")
            line = line[:end].rstrip(" -–—|,;")
    return line


def republished(line: str) -> re.Match[str] | None:
    """A republishing note in any of its forms; its `source` group names the origin outlet."""
    return REPUBLISHED.match(line) or REPUBLISHED_SHORT.match(line) or REPUBLISHED_READ.match(line)


def is_boilerplate(line: str) -> bool:
    """Lines that carry nothing worth keeping, wherever they stand."""
    short = len(line) <= SHORT
    return bool(
        AD.match(line)
        or PROMO.match(line)
        or (len(line) <= LONG and (AD_SALES.match(line) or TAXONOMY.match(line)))
        or SEND_US.match(line)
        or any(pattern.match(line) for pattern in OWN_SITE_LINES)
        or EMBED_PLACEHOLDER.match(line)
        or DATE_STAMP.match(line)  # the page's date alone on a line: not a paragraph
        or PAGE_MARKER.match(line)
        or VISITOR_COUNTER.match(line)
        or RELATIVE_TIME.match(line)
        or RULE_LINE.match(line)
        or PLAYER_FALLBACK.match(line)
        or (short and READ_ALSO.match(line) and not _a_sentence(line))
        or (short and PHOTO_LABEL.match(line))
        or (short and INFOGRAPHIC.match(line))
        or (short and VIDEO_PROMO.match(line))
        or (short and OWN_APP.match(line))
        or (len(line) <= LONG and REUSE_NOTICE.match(line))
        or (len(line) <= LONG and COMMENT_PROMPT.match(line))
        or (len(line) <= LONG and POST_NAV.match(line))
        or (len(line) <= LONG and PROMPT.match(line))
    )


def _a_sentence(line: str) -> bool:
    """`Simak pula bagaimana warga …`: a real sentence opening with a read-also label's words."""
    return bool(READ_ALSO_SENTENCE.match(line)) and not OWN_PROMO.search(line)


def _may_be_labelled(line: str) -> bool:
    if not line[:1].isalpha():
        return True
    return TRIGGER.match(line) is not None or any(mark in line for mark in RESERVED_MARKS)


def classify(line: str, captured: Captured, extra: tuple[Rule, ...] = ()) -> Kind:
    """What `line` is; metadata found in it is added to `captured`."""
    for rule in extra:
        if kind := rule.apply(line, captured):
            return kind
    if line[:1] == "*" and (bare := line.lstrip("* ")) and bare[:1].isalpha():
        line = bare  # `*Ikuti berita terkini …`: a footnote's star before a prompt
    if len(line) <= PLACE_DATE_LINE and line[-1:].isdigit() and PLACE_DATE.match(line):
        return Kind.DROP  # `Wonosobo, 14 Maret 2016`: the page's date, not a paragraph
    if is_dated_label_line(line):
        return Kind.DROP  # `Senin, 05 Desember 2016 13:20 WIB | Kampar`: the page's date line
    lead = (
        (DOMAIN_LEAD.match(line) or LOGIN_LEAD.match(line))
        if len(line) <= PLACE_DATE_LINE
        else None
    )
    if lead and DATE_STAMP.match(line[lead.end() :]):
        return Kind.DROP  # `Kompas.com - 01/12/2026, 10:22 WIB`: the outlet's name and a date
    if not line or not _may_be_labelled(line):
        return Kind.DROP if line and is_caption(line) else Kind.TEXT
    if PROMO_LEAD.match(line):
        return Kind.DROP
    if len(line) > LONG:  # a paragraph: only a republishing note or a caption is this long
        if match := republished(line):
            captured.add("source", match["source"])
            return Kind.DROP
        return Kind.DROP if is_caption(line) else Kind.TEXT
    if _field_line(line, captured):
        return Kind.META
    if match := POSTED_BY.match(line) or POSTED_ON.match(line):
        captured.add("by", match["name"] or "")
        return Kind.META
    if match := BYLINE_NO_COLON.match(line) or LAPORAN.match(line):
        # "Oleh X", "Ditulis oleh X", "Diposting oleh X": whoever posted it, no role named
        name = match["name"] or match.groupdict().get("named") or ""  # LAPORAN's two forms
        if line[:1] in "Oo" and OFFICE_WORD.match(name):
            captured.add("by", name)  # `Oleh Tim Redaksi`, `Oleh Humas Pemkab X`: a desk's line
            return Kind.META
        if not _a_name(name):
            return Kind.TEXT  # `Laporan Keuangan Daerah, …`: a report, not a reporter
        captured.add("by" if line[:1] in "DdOo" else "authors", name)
        return Kind.META
    if match := republished(line):
        captured.add("source", match["source"])
        return Kind.DROP
    if _signoff(line, captured) or END_MARK.match(line):
        return Kind.SIGNOFF
    if len(line) <= SHORT and RELATED.match(line):
        return Kind.RELATED
    if len(line) <= SHORT and (END.match(line) or ALL_RIGHTS.match(line)):
        return Kind.END
    if is_boilerplate(line) or is_caption(line):
        return Kind.DROP
    return Kind.TEXT


def signed_tail(line: str) -> tuple[str, str] | None:
    """`… dalam perkara ini. (Tribunnews.com/Fah)` → (`… dalam perkara ini.`, `Fah`); None for
    other lines, and for a caption (`LABEL IN CAPS - …`) whose credit looks the same."""
    if line[-1:] not in ").":
        return None
    match = SIGNED_TAIL.search(line)
    if not match or CAPS_LABEL.match(line):
        return None
    return line[: match.start()].rstrip(), match["names"] or match["before"]


# `… kata dia. (Penulis: Rina Ayu)`, `(Kontributor: X)`, `(Rep: X, Red: Y)`: a byline in brackets
# glued after the last sentence (a Blogger post "Diposting oleh Admin" signs its writer so).
_FIELD_TAIL = re.compile(
    r"(?<=[.!?\"”’])\s*\((?P<inner>(?:penulis|reporter|pewarta|wartawan|kontributor|jurnalis|rep)"
    r"\s*:\s*[^()]{2,80})\)\.?$",
    re.I,
)


def field_tail(line: str, captured: Captured) -> str | None:
    """The last paragraph without the bracketed byline glued to it, its fields to `captured`;
    None when it has none."""
    match = _FIELD_TAIL.search(line) if line[-1:] in ")." else None
    if not match or not _field_line(match["inner"], captured):
        return None
    return line[: match.start()].rstrip()


# `… kata dia. (Muhammad Fauzan)`, `(Fauzan/WL)`, `(Dedi/Patrazone)`, `(Fauzan/Warta Lamongan)`: the writer's
# name, or name and the outlet's initials or name, glued in brackets after the last sentence.
_NAME_TAIL = re.compile(
    r"(?<=[.!?\"”’])\s*\((?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){0,3})"
    r"(?:\s?/\s?(?P<outlet>[A-Z]{2,6}|[A-Z][a-z]+(?:\.com)?(?:\s[A-Z][a-z]+){0,2}))?\)\.?$"
)
_ORG_WORDS = frozenset(("kementerian", "badan", "dinas", "komisi", "pemerintah", "bank", "polres",
                        "polda", "kepolisian", "universitas", "pengadilan", "kejaksaan", "mahkamah",
                        "dewan", "partai", "lembaga", "sumber", "foto", "ilustrasi", "istimewa"))  # fmt: skip


def name_tail(line: str) -> tuple[str, str] | None:
    """The last paragraph without its writer's bracketed name, and the name; None when it has
    none (an organisation, a wire agency or a photo word in brackets is no writer)."""
    match = _NAME_TAIL.search(line) if line[-1:] in ").," else None
    if not match:
        return None
    name = match["name"]
    if match["outlet"] and OFFICE_WORD.match(match["outlet"]):
        return None  # `(Budi/Humas Pemkab)`: a press office's release, read as a pair elsewhere
    if re.fullmatch(AGENCY, name) or name.split()[0].lower() in _ORG_WORDS or not _a_name(name):
        return None
    if "/" not in match.group() and len(name.split()) < 2:
        return None  # `(Jakarta)`, `(Bersambung)`: one word alone is no signature
    return line[: match.start()].rstrip(), name


def strip_signoff_tail(line: str, captured: Captured | None = None) -> str:
    """`… kata dia. (tfq/gil)` → `… kata dia.`, the codes to `captured`."""
    if line[-1:] not in ").;]":
        return line
    if match := AD_MARK_TAIL.search(line):
        return line[: match.start()]
    if not (match := SIGNOFF_TAIL.search(line)):
        return line
    if captured is not None:
        captured.add("initials", match.group().strip(" .()[]"))
    return line[: match.start()]
