"""What the generic path makes of one pass's paragraphs: trafilatura's glued fallback is no
reading, a dated brief under its dateline is a story, and the kicker and standfirst above the
text are no paragraphs of it."""

from __future__ import annotations

import copy
import re

from . import html as dom
from .lines import is_short_news
from .textmode import GENERIC_DATELINES
from .textutil import collapse

KICKER_WORDS = 3
# `BONTANG – …`, `JAKARTA - …`: a city in capitals and a dash, as regional sites open a story.
CITY_DASH = r"[A-Z]{3,}(?:\s[A-Z]{3,}){0,2}\s?[-–—]\s"
DATELINES = (*GENERIC_DATELINES, CITY_DASH)


def glued(paragraphs: list[str], title: str | None) -> bool:
    """trafilatura's last resort when its recall pass finds no text: the article element's
    whole text as one line, the headline glued to the byline, the date and the story (`Kereta
    Tambahan Mulai Dijual Kamis, 5 Maret 2026 07:30 PURWOKERTO – …`), a breadcrumb before it
    (`News Foto News Ratusan Layang-layang …`). No reading of the page."""
    if not title or len(title.split()) < KICKER_WORDS:
        return False
    return any(title in p and p != title for p in paragraphs)


def dated_brief(paragraphs: list[str], dateline: str | None = None) -> bool:
    """A breaking-news item of a sentence or two that opens with a dateline (`SUKABUMI,
    KOMPAS.com - Gempa …`, `PURWOKERTO – PT KAI …`): a story, though too short for
    `looks_like_article`, on a dated page with a headline (the caller's judgement). Without its
    dateline a sentence may be a video's or a gallery's caption."""
    patterns = ((dateline,) if dateline else ()) + DATELINES
    return is_short_news(paragraphs) and any(re.match(p, paragraphs[0]) for p in patterns)


def without_kicker(paragraphs: list[str]) -> list[str]:
    """A section label set above the headline (`Bisnis`, `Hukum & Kriminal`) read as the first
    line: a few words and no sentence, right before the dateline lead."""
    if len(paragraphs) < 2 or len(paragraphs[0].split()) > KICKER_WORDS:
        return paragraphs
    if paragraphs[0][-1:] in '.!?"”' or not any(
        re.match(p, paragraphs[1]) for p in GENERIC_DATELINES
    ):
        return paragraphs
    return paragraphs[1:]


def without_standfirst(paragraphs: list[str], description: str | None) -> list[str]:
    """The standfirst above the body is the description, not a paragraph: a first line that is
    the page's description, with the dateline lead right after it."""
    standfirst = description and len(paragraphs) > 1 and paragraphs[0] == collapse(description)
    if standfirst and any(re.match(p, paragraphs[1]) for p in GENERIC_DATELINES):
        return paragraphs[1:]
    return paragraphs


def in_page_order(paragraphs: list[str], page_text: str) -> list[str]:
    """The paragraphs in the order the page prints them (trafilatura sets a photo story's lead
    line before the captions it follows); a line not found keeps its place after the one before."""
    keys, last = [], -1
    for paragraph in paragraphs:
        found = page_text.find(paragraph[:ORDER_PREFIX])
        last = found if found >= 0 else last
        keys.append(last)
    order = sorted(range(len(paragraphs)), key=lambda i: (keys[i], i))
    return [paragraphs[i] for i in order]


ORDER_PREFIX = 60  # characters of a paragraph looked for in the page's text


def shown_text(tree) -> str:
    """The page's text as a reader sees it, for `in_page_order`: a saved carousel's hidden
    clones of its slides (`aria-hidden`, `slick-cloned`) put its last slide before its first."""
    shown = copy.deepcopy(tree)
    hidden = [e for e in shown.iter() if isinstance(e.tag, str) and _hidden(e)]
    for element in hidden:
        dom.remove(element)
    return collapse(shown.text_content())


def _hidden(element) -> bool:
    return element.get("aria-hidden") == "true" or "cloned" in (element.get("class") or "")
