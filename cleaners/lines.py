"""From candidate lines to body paragraphs: the shared rules applied in page order.

Used by the site engine (lines are the body's blocks), the generic path (lines of trafilatura's
text) and text mode (lines of the input). The body ends at a sign-off or a trailer block; after
that only metadata lines (`Sumber: …`) are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import Captured, Kind, Rule, classify, is_caption, strip_signoff_tail

# `PYONGYANG | MEDIAPESAN`: a city and the outlet in capitals, the form most likely to be glued.
CITY_OUTLET = r"[A-Z][A-Z .,'-]{1,40}\s?\|\s?[A-Z0-9][A-Z0-9.]+?"


@dataclass
class Line:
    text: str
    heading: bool = False
    link_density: float = 0.0
    image_caption: bool = False  # the markup says: a caption under an in-body image


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
    for line in lines:
        text = line.text
        if line.link_density > 0.7 and not in_trailer:
            continue  # a link list: navigation, related articles
        kind = Kind.DROP if line.image_caption else classify(text, body.captured, rules)
        if kind is Kind.RELATED and structured:
            continue  # its links are link-dense lines, skipped above
        if kind is Kind.DROP and not body.paragraphs and (line.image_caption or is_caption(text)):
            body.captured.add("caption", text)  # the lead photo's, standing at the top
        if in_trailer or kind is not Kind.TEXT:
            in_trailer = in_trailer or kind in (Kind.SIGNOFF, Kind.END, Kind.RELATED)
            continue
        if title and text == title:
            continue  # the headline repeated at the top of the body
        text, ended = _cut_signoff(strip_signoff_tail(text), signoff, body.captured)
        if text:
            body.paragraphs.append(text)
        in_trailer = ended
    body.paragraphs = repair_dateline(body.paragraphs, dateline)
    return body


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
