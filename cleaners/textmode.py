"""Text mode: the rules applied to text already pulled out of a page (like the seeds).

The text is split at its dateline (`KONTAN.CO.ID - …`, `PYONGYANG | MEDIAPESAN…`): above it is
the page's header (date, section, headline, standfirst, byline, lead caption), from it on the body.
"""

from __future__ import annotations

import re

from .article import Article
from .dates import parse_date
from .lines import CITY_OUTLET, Line, build_body
from .metadata import apply_captured
from .rules import Captured, Kind, classify
from .site import Site
from .textutil import collapse

# Datelines of any outlet: `OUTLET.COM -`, `Jakarta, Kompas.com -`, `JAKARTA (ANTARA) -`,
# `CITY | OUTLET`.
GENERIC_DATELINES = (
    r"[A-Z][A-Za-z0-9-]*(?:\.[A-Za-z]{2,}){1,2}\s?[-–—,]",
    r"[A-Z][A-Za-z .'-]{1,30},\s?[A-Za-z0-9-]+(?:\.[A-Za-z]{2,}){1,2}\s?[-–—]",
    r"[A-Z][A-Za-z .'-]{1,30}\s\([A-Za-z]+\)\s?[-–—]",
    CITY_OUTLET,
)
HEADER_LINES = 12  # a dateline further down than this is not the start of the body


def clean_text(text: str, site: Site | None = None) -> Article:
    lines = [collapse(line) for line in text.splitlines()]
    start = _body_start(lines, site)
    header, rest = (lines[:start], lines[start:]) if start is not None else _split_headline(lines)
    article = Article(outlet=site.name if site else None, method="text")
    captured = Captured()
    _read_header(header, article, captured)
    body = build_body(
        [Line(line) for line in rest if line],
        rules=site.rules if site else (),
        dateline=site.dateline if site else None,
        title=article.title,
        captured=captured,
        signoff=site.signoff if site else None,
    )
    apply_captured(article, body.captured)
    article.paragraphs = body.paragraphs
    return article


def _body_start(lines: list[str], site: Site | None) -> int | None:
    patterns = ((site.dateline,) if site and site.dateline else ()) + GENERIC_DATELINES
    nonblank = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    for i in nonblank:
        if any(re.match(p, lines[i]) for p in patterns) and len(lines[i].split()) > 4:
            return i
    return None


def _split_headline(lines: list[str]) -> tuple[list[str], list[str]]:
    """No dateline: a first line that reads as a headline and stands alone is the header."""
    nonblank = [i for i, line in enumerate(lines) if line]
    if len(nonblank) > 1:
        first = nonblank[0]
        if _title_like(lines[first]) and first + 1 < len(lines) and not lines[first + 1]:
            return lines[: first + 1], lines[first + 1 :]
    return [], lines


_ENDS_SENTENCE = re.compile(r"[.!?,;:\"”'’)]$")
# Above the body, short slash-separated initials in parentheses end a photo caption.
HEADER_CREDIT = re.compile(r"\((?:[A-Za-z]{1,8}\s?/\s?)+[A-Za-z]{1,8}\)\.?$")
# ... and a line of names joined by slashes is a photo credit: `Tribunnews.com/Herudin`.
HEADER_CREDIT_LINE = re.compile(
    r"^[\w.'-]+(?:\s[\w.'-]+){0,3}(?:\s?/\s?[\w.'-]+(?:\s[\w.'-]+){0,3})+$"
)


def _title_like(line: str) -> bool:
    return 2 <= len(line.split()) <= 25 and not _ENDS_SENTENCE.search(line)


def _read_header(header: list[str], article: Article, captured: Captured) -> None:
    """Sort the header's lines into metadata; captions and the page's own date go away."""
    titles, prose = [], []
    for line in (h for h in header if h):
        kind = classify(line, captured)
        if kind is not Kind.TEXT or HEADER_CREDIT.search(line) or HEADER_CREDIT_LINE.match(line):
            continue  # boilerplate, a byline, a photo credit, a caption ending in `(mp/kdl)`
        if len(line.split()) <= 6 and parse_date(line):
            continue  # the page header's date of today, not the article's
        label = len(line.split()) == 1 and not _ENDS_SENTENCE.search(line)  # a section: `Nasional`
        (titles if label or _title_like(line) else prose).append(line)
    if titles:
        article.title = titles[-1]
        article.section = titles[0] if len(titles) > 1 else None
    if prose:
        article.description = prose[0]
