"""From candidate lines to body paragraphs: the shared rules applied in page order.

Used by the site engine (lines are the body's blocks), the generic path (lines of trafilatura's
text) and text mode (lines of the input). The body ends at a sign-off or a trailer block; after
that only metadata lines (`Sumber: …`) are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .promo_lead import cut_leading_promo
from .rules import (
    Captured,
    Kind,
    Rule,
    classify,
    field_tail,
    is_caption,
    signed_tail,
    strip_signoff_tail,
)
from .rules.catalogue import AD_IN_LINE, GLUED_PROMO
from .rules.classify import name_tail

# `PYONGYANG | MEDIAPESAN`: a city and the outlet in capitals, the form most likely to be glued.
CITY_OUTLET = r"[A-Z][A-Z .,'-]{1,40}\s?\|\s?[A-Z0-9][A-Z0-9.]+?"


@dataclass(slots=True)
class Line:
    text: str
    heading: bool = False
    link_density: float = 0.0
    image_caption: bool = False  # the markup says: a caption under an in-body image
    item: bool = False  # a list item or table cell: never joined to the line before or after


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    captured: Captured = field(default_factory=Captured)


def build_body(
    lines: list[Line],
    *,
    rules: tuple[Rule, ...] = (),
    dateline: str | None = None,
    title: str | None = None,
    captured: Captured | None = None,
    structured: bool = False,
    signoff: str | None = None,
) -> Body:
    """The body's paragraphs and the metadata found on the way. `structured` lines come from a
    page's markup, so their link density is known: a related block inside the body is skipped
    (its heading dropped, its links being link-dense) and the body goes on; in plain text such
    a block ends the body."""
    body = Body(captured=captured or Captured())
    in_trailer = False
    joins = False  # the last paragraph may take the next line's text (not a heading)
    signed = None  # a line dropped as a caption by its `(Outlet.com/NAME)` credit: if no text
    # follows, it was the last paragraph with the writer's sign-off glued to it
    label_at = -1  # the paragraph the line before made, when it was a short label
    for at, line in enumerate(lines):
        text = line.text
        if line.link_density > 0.7 and not in_trailer:
            if label_at == at - 1 and body.paragraphs and _is_label(body.paragraphs[-1]):
                body.paragraphs.pop()  # `<b>Kanal</b><br><a>…</a><br><a>…</a>`: its links' label
            label_at = -1
            continue  # a link list: navigation, related articles
        kind = Kind.DROP if line.image_caption else classify(text, body.captured, rules)
        if kind is Kind.DROP and not line.image_caption and (rest := cut_leading_promo(text)):
            text, kind = rest, Kind.TEXT  # `Dapatkan update berita … Kompas.com. Harga …`
        if kind is Kind.RELATED and _report_section(lines, at):
            kind = Kind.TEXT  # `<h3>Rekomendasi</h3><p>Kami mendorong …</p>`: the story's own
        if kind is Kind.RELATED and structured:
            continue  # its links are link-dense lines, skipped above
        if kind is Kind.DROP and not body.paragraphs and (line.image_caption or is_caption(text)):
            body.captured.add("caption", text)  # the lead photo's, standing at the top
        if in_trailer or kind is not Kind.TEXT:
            if kind is Kind.DROP and not in_trailer and not line.image_caption and body.paragraphs:
                signed = signed_tail(text) or signed
            in_trailer = in_trailer or kind in (Kind.SIGNOFF, Kind.END, Kind.RELATED)
            continue
        core = text.strip("| ")  # `| Headline | |`: its layout-table row, flattened
        if title and (core == title or core.startswith(title + " | ")):
            continue  # the headline repeated at the top of the body, or its layout-table row
        text = cut_glued_promo(text, body.captured)
        if text != line.text and (left := classify(text, body.captured, rules)) is not Kind.TEXT:
            in_trailer = left in (
                Kind.SIGNOFF,
                Kind.END,
                Kind.RELATED,
            )  # `ADVERTISEMENT Penulis: X`
            continue
        # the outlet's own sign-off first: its groups name the wire (`(Ant/E-3)`: Antara)
        text, ended = _cut_signoff(text, signoff, body.captured)
        if not ended:
            text, ended = _cut_signoff(strip_signoff_tail(text, body.captured), signoff,
                                       body.captured)  # fmt: skip
        if _LEFTOVER.match(text):
            continue  # `|` left between two promos cut out of a line: no text
        own_line = line.heading or line.item
        if joins and not own_line and continues(body.paragraphs[-1], text):
            body.paragraphs[-1] += " " + text  # one sentence, split by an ad slot
        else:
            body.paragraphs.append(text)
            label_at = at
        joins = not own_line
        in_trailer = ended
        signed = None  # text went on: that line was a caption
    _sign_off_last(body, signed)
    body.paragraphs = repair_dateline(body.paragraphs, dateline)
    return body


# A report's section heading that is also a widget's label: followed by its own prose, no links.
REPORT_SECTION = re.compile(r"^rekomendasi\s*:?$", re.I)
SECTION_WORDS = 12  # words of the line after it: a paragraph's sentence, not a teaser's headline
SECTION_LINKS = 0.2  # link density of that line at most


def _report_section(lines: list[Line], at: int) -> bool:
    """`Rekomendasi` over the story's own sentences (an NGO's report: `Temuan Utama`,
    `Rekomendasi`), not over a related block's headlines."""
    if not REPORT_SECTION.match(lines[at].text) or at + 1 >= len(lines):
        return False
    after = lines[at + 1]
    return (
        not after.item
        and after.link_density <= SECTION_LINKS
        and len(after.text.split()) >= SECTION_WORDS
        and after.text[-1:] in '.!?"”'
    )


LABEL_WORDS = 3  # a side column's label over its links (`Kanal`, `Menu Utama`)


def _is_label(text: str) -> bool:
    """A few words and no sentence: a list's label, not a paragraph."""
    return len(text.split()) <= LABEL_WORDS and text[-1:] not in '.!?:"”’)' and "," not in text


def _sign_off_last(body: Body, dropped: tuple[str, str] | None) -> None:
    """The writer's `(Outlet.com/NAME)` glued to the last paragraph: cut off, the name to the
    metadata. `dropped`: such a line the classifier took for a caption, and no text after it."""
    if dropped:
        body.paragraphs.append(dropped[0])
    elif body.paragraphs and (cut := field_tail(body.paragraphs[-1], body.captured)):
        body.paragraphs[-1] = cut  # `… sekali. (Penulis: X)`
        return
    elif body.paragraphs and (
        dropped := signed_tail(body.paragraphs[-1]) or name_tail(body.paragraphs[-1])
    ):
        body.paragraphs[-1] = dropped[0]
    if dropped:
        body.captured.add("signed", dropped[1])
    elif len(body.paragraphs) > 1 and _caps_signoff(body.paragraphs[-1], body.captured):
        body.paragraphs.pop()  # `ISTMAN MP`, `MAYA AYU | ANTARA`: print's sign-off


# A name in capitals alone closing the story: the writer, as print sets it (Tempo's `ISTMAN MP`);
# several writers and the wire they used, parted by `|` (`HAMDAN C. ISMAIL | ANTARA`).
_CAPS_PART = r"[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,3}"
_CAPS_NAME = re.compile(rf"^{_CAPS_PART}(?:\s?\|\s?{_CAPS_PART})*$")
_WIRES = frozenset(("ANTARA", "REUTERS", "AFP", "AP", "XINHUA", "BLOOMBERG", "ANADOLU", "YONHAP",
                    "KYODO", "BBC", "CNN", "DPA", "TASS", "SPUTNIK"))  # fmt: skip


def _caps_signoff(line: str, captured: Captured) -> bool:
    """Whether `line` is such a sign-off; its names to the authors, its wire to the source."""
    if not _CAPS_NAME.match(line):
        return False
    parts = [p.strip() for p in line.split("|")]
    if len(parts) == 1 and len(line.split()) < 2:
        return False  # one word alone is a heading or a shout, not a signature
    for part in parts:
        captured.add("source" if part in _WIRES else "authors", part)
    return True


# What stands between two promos of one line, once they are cut out.
_LEFTOVER = re.compile(r"^[|•·/,;:\-–—]+$")
# A sentence does not end so: `… akan`, `… Samosir`, `… 17.00`, `… kata dia,`.
_OPEN_END = re.compile(r"[\w,]$")
# Words no Indonesian sentence ends with: a line ending so was cut mid-sentence.
_NEVER_LAST = frozenset((
    "dan", "atau", "yang", "di", "ke", "dari", "untuk", "dengan", "pada", "akan", "bahwa",
    "karena", "oleh", "dalam", "para", "serta", "namun", "tetapi", "sehingga", "agar", "bagi",
    "sejak", "hingga", "antara",
))  # fmt: skip


def continues(previous: str, text: str) -> bool:
    """Whether `text` goes on the sentence `previous` left open: the halves of one paragraph
    an ad slot (`ADVERTISEMENT`, `SCROLL TO CONTINUE WITH CONTENT`) stood between. A line that
    starts with a lower-case letter after one with no closing punctuation; or any letter after
    a word no sentence ends with."""
    if not _OPEN_END.search(previous) or not text[:1].isalpha():
        return False
    return text[0].islower() or previous.rsplit(None, 1)[-1].casefold() in _NEVER_LAST


def cut_glued_promo(text: str, captured: Captured) -> str:
    """The line without a promo glued after its last sentence, in flat text where no markup
    says where it begins: `… kata dia. Artikel ini telah tayang di … dengan judul …`, `… .
    Dapatkan update berita pilihan …`. What follows the sentence must be boilerplate by itself."""
    if "ADVERTISEMENT" in text or "SCROLL TO" in text:  # `… daya beli ADVERTISEMENT masyarakat`
        text = " ".join(AD_IN_LINE.sub(" ", text).split())
    for match in GLUED_PROMO.finditer(text):
        if classify(text[match.end() :], captured) in (Kind.DROP, Kind.RELATED):
            return text[: match.start()]
    return text


def _cut_signoff(text: str, signoff: str | None, captured: Captured) -> tuple[str, bool]:
    """The line without the outlet's own sign-off at its end, and whether it had one."""
    match = re.search(signoff, text) if signoff else None
    if not match:
        return text, False
    for key, value in match.groupdict().items():
        if value:
            captured.add(key, value)
    return text[: match.start()].rstrip(), True


# Less than this is a menu, an error page or a teaser, not an article. Characters count too:
# Chinese or Japanese text has no spaces between its words.
MIN_WORDS, MIN_CHARS = 25, 150
SENTENCE_WORDS, SENTENCE_CHARS = 8, 40


def looks_like_article(paragraphs: list[str]) -> bool:
    """At least a short news item: enough text, and one line that reads as a sentence."""
    words = sum(len(p.split()) for p in paragraphs)
    chars = sum(len(p) for p in paragraphs)
    sentence = any(
        len(p.split()) >= SENTENCE_WORDS or (len(p) >= SENTENCE_CHARS and " " not in p)
        for p in paragraphs
    )
    return (words >= MIN_WORDS or (chars >= MIN_CHARS and words < chars / 20)) and sentence


def is_short_news(paragraphs: list[str]) -> bool:
    """A breaking-news item of one or two sentences (`JAKARTA, KOMPAS.com - Gempa bermagnitudo
    5,2 mengguncang …, Senin (1/12/2025) pukul 10.05 WIB.`): too short for `looks_like_article`,
    yet a story when the page is a dated article (the site engine's judgement, `body`)."""
    return 0 < len(paragraphs) <= 2 and any(
        len(p.split()) >= SENTENCE_WORDS and p[-1:] in '.!?"”' for p in paragraphs
    )


def repair_dateline(paragraphs: list[str], dateline: str | None) -> list[str]:
    """`PYONGYANG | MEDIAPESANPemimpin` → `PYONGYANG | MEDIAPESAN – Pemimpin`; a dateline in a
    line of its own is joined to the first paragraph with ` – `."""
    if not paragraphs:
        return paragraphs
    pattern = f"(?:{dateline})" if dateline else CITY_OUTLET
    first = paragraphs[0]
    if len(paragraphs) > 1 and re.fullmatch(pattern + r"\s*[-–—:]?", first):
        joiner = " " if first.rstrip()[-1] in "-–—:" else " – "
        return [first.rstrip() + joiner + paragraphs[1], *paragraphs[2:]]
    glued = re.match(rf"^({pattern})(?=[A-Z][a-z])", first)
    if glued:
        return [glued.group(1) + " – " + first[glued.end() :], *paragraphs[1:]]
    return paragraphs
