"""The line classifier: what one line is, by the catalogue's patterns, and the metadata in it."""

from __future__ import annotations

import re

from .catalogue import (
    AD,
    ALL_RIGHTS,
    BYLINE_NO_COLON,
    CAPTION_CREDIT_THEN_TEXT,
    CAPTION_ENDS_WITH_CREDIT,
    CAPTION_FOTO,
    CAPTION_GETTY,
    CAPTION_LABEL,
    CREDIT_DASH,
    CREDIT_ONLY,
    DATE_STAMP,
    DOMAIN,
    DOMAIN_CREDIT,
    END,
    FIELD,
    FIELD_KEYS,
    LAPORAN,
    PAGE_MARKER,
    PHOTO_LABEL,
    PROMO,
    PROMO_LEAD,
    PROMPT,
    READ_ALSO,
    RELATED,
    REPUBLISHED,
    RESERVED_MARKS,
    SIGNOFF_LINE,
    SIGNOFF_TAIL,
    TRIGGER,
)  # fmt: skip
from .rule import Captured, Kind, Rule

# --- thresholds (characters, unless said) ---------------------------------------------------
LONG = 260  # longer lines are paragraphs or captions, never a label, byline or link line
SHORT = 200  # a read-also, photo label, related heading or trailer line is no longer than this
FIELD_LINE = 160  # a `Key: value | Key: value` metadata line is no longer than this
FIELD_WORDS = 8  # a field value of more words is a sentence (`Sumber: …` as text), not a name
CREDIT_LINE = 120  # a photo credit alone on its line is no longer than this
CAPTION_TAIL = 160  # a caption's credit is looked for in this many last characters


def _field_line(line: str, captured: Captured) -> bool:
    """`Sumber: Reuters | Editor: Handoyo`, `Penulis: A | Editor: B`: every part a key: value."""
    if len(line) > FIELD_LINE:
        return False
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s{2,}", line) if p.strip()]
    parts = [p for p in parts if not DATE_STAMP.match(p)]  # `Kamis, 11 Desember 2025 | Penulis: A`
    matches = [FIELD.match(p) for p in parts]
    if not matches or not all(matches):
        return False
    for m in matches:
        if len(m["value"].split()) > FIELD_WORDS:  # a sentence, not a name: "Sumber: …" as text
            return False
    for m in matches:
        captured.add(FIELD_KEYS[m["key"].lower()], m["value"])
    return True


def _signoff(line: str, captured: Captured) -> bool:
    match = SIGNOFF_LINE.match(line)
    if not match:
        return False
    parts = [p.strip() for p in match["inner"].split("/")]
    if len(parts) > 1 and DOMAIN.match(parts[0]):  # (Tribunnews.com/NAME): the writer
        captured.add("authors", ", ".join(p for p in parts[1:] if not DOMAIN.match(p)))
    return True


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
        or (":" in line and CAPTION_GETTY.match(line))
        or (line[-1] == ")" and CAPTION_LABEL.match(line))
        or (CREDIT_DASH.search(line) and CAPTION_CREDIT_THEN_TEXT.search(line))
        or (foto and CAPTION_FOTO.search(tail))
        or (ends_credit and CAPTION_ENDS_WITH_CREDIT.search(tail))
    )


def is_boilerplate(line: str) -> bool:
    """Lines that carry nothing worth keeping, wherever they stand."""
    short = len(line) <= SHORT
    return bool(
        AD.match(line)
        or PROMO.match(line)
        or DATE_STAMP.match(line)  # the page's date alone on a line: not a paragraph
        or PAGE_MARKER.match(line)
        or (short and READ_ALSO.match(line))
        or (short and PHOTO_LABEL.match(line))
        or (len(line) <= LONG and PROMPT.match(line))
    )


def _may_be_labelled(line: str) -> bool:
    if not line[:1].isalpha():
        return True
    return TRIGGER.match(line) is not None or any(mark in line for mark in RESERVED_MARKS)


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
    if len(line) <= SHORT and RELATED.match(line):
        return Kind.RELATED
    if len(line) <= SHORT and (END.match(line) or ALL_RIGHTS.match(line)):
        return Kind.END
    if is_boilerplate(line) or is_caption(line):
        return Kind.DROP
    return Kind.TEXT


def strip_signoff_tail(line: str) -> str:
    """`… kata dia. (tfq/gil)` → `… kata dia.`"""
    return SIGNOFF_TAIL.sub("", line) if line[-1:] in ").;" and "(" in line else line
