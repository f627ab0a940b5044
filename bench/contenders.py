"""The extractors under test, each as a timed call and a quality reading of the same call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import trafilatura

from cleaners import Article, CleanError, clean_html

from .scoring import lines

# trafilatura's comments are not article text; its published Scrapinghub figures (0.960 / 0.964)
# are measured without them, and only with this setting does our scorer reproduce them.
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False}


@dataclass
class Output:
    """What a contender gave for one page, ready to compare with the expected text."""

    body: list[str]  # body lines, white space collapsed, headline excluded (kliping)
    title: str | None
    published: str | None  # kliping: ISO 8601 with offset; trafilatura: YYYY-MM-DD
    text: str  # the whole output as printed, searched for boilerplate leaks
    method: str | None = None  # kliping's `site` / `generic`
    authors: list[str] | None = None  # the byline names the contender found

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)


@dataclass(frozen=True)
class Contender:
    name: str
    call: Callable[[str, str | None], object]  # the extraction alone: what speed times
    # call (+ headline and date when asked); None: no article found
    read: Callable[[str, str | None, bool], Output | None]
    headline_in_body: bool  # the text output has no headline slot: a headline line may lead it
    exact_date: bool  # published compared as full ISO (kliping) or by its date part only


def _kliping_call(html: str, url: str | None, outlet: str | None) -> Article | None:
    try:
        return clean_html(html, url=url, outlet=outlet)
    except CleanError:  # NoArticle / NotAPage: the page gave nothing, like trafilatura's None
        return None


def _kliping_read(html: str, url: str | None, meta: bool, outlet: str | None) -> Output | None:
    article = _kliping_call(html, url, outlet)
    if article is None:
        return None
    text = article.to_text()
    doc = text.split("\n")
    body = doc[2:] if article.title else doc  # to_text(): headline, blank line, paragraphs
    body_lines = lines("\n".join(body))
    return Output(
        body_lines, article.title, article.published, text, article.method, article.authors
    )


def _trafilatura_call(
    html: str, url: str | None, precision: bool, options: dict[str, Any] = TRAFILATURA_OPTIONS
) -> str | None:
    return trafilatura.extract(html, url=url, favor_precision=precision, **options)


def _trafilatura_read(
    html: str,
    url: str | None,
    meta: bool,
    precision: bool,
    options: dict[str, Any] = TRAFILATURA_OPTIONS,
) -> Output | None:
    text = _trafilatura_call(html, url, precision, options)
    if not text:
        return None
    doc = trafilatura.extract_metadata(html, default_url=url) if meta else None  # headline, date
    date = doc.date[:10] if doc and doc.date else None
    authors = [a.strip() for a in doc.author.split(";")] if doc and doc.author else []
    return Output(lines(text), doc.title if doc else None, date, text, authors=authors)


def contenders() -> list[Contender]:
    return [
        Contender(
            "kliping-site",
            partial(_kliping_call, outlet=None),
            partial(_kliping_read, outlet=None),
            headline_in_body=False,
            exact_date=True,
        ),
        Contender(
            "kliping-generic",
            partial(_kliping_call, outlet="generic"),
            partial(_kliping_read, outlet="generic"),
            headline_in_body=False,
            exact_date=True,
        ),
        Contender(
            "trafilatura",
            partial(_trafilatura_call, precision=False),
            partial(_trafilatura_read, precision=False),
            headline_in_body=True,
            exact_date=False,
        ),
        Contender(
            "trafilatura-precision",
            partial(_trafilatura_call, precision=True),
            partial(_trafilatura_read, precision=True),
            headline_in_body=True,
            exact_date=False,
        ),
    ]


def library_default() -> Contender:
    """trafilatura.extract with all its own defaults (comments kept): the scorer check's aside."""
    return Contender(
        "trafilatura-library-default",
        partial(_trafilatura_call, precision=False, options={}),
        partial(_trafilatura_read, precision=False, options={}),
        headline_in_body=True,
        exact_date=False,
    )
