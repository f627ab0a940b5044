"""Split articles: the pages of one article, cleaned one by one and merged in order."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from .article import Article
from .textutil import dedupe
from .urls import canonical_url

PAGINATION_MARKS = (b"paginat", b"paging", b"page-links")  # in every one of site.PAGE_LINKS


def later_pages(body: bytes, url: str, canonical: str, site) -> list[str]:
    """Pages 2…N of a split article, in order, from its first page's pagination links (the
    outlet's `page_links`, numbered by its `page_param`); [] for a page that links to no later
    page of itself. The crawler
    follows them; the archive import waits for them."""
    from .html import css, parse
    from .site import PAGE_LINKS

    if site.page_links == PAGE_LINKS and not any(mark in body for mark in PAGINATION_MARKS):
        return []  # no pagination: spare the parse, the cleaner parses the page anyway
    root = parse(body)
    numbered: dict[int, str] = {}
    for selector in site.page_links:
        for link in css(selector)(root):
            target = urljoin(url, link.get("href") or "")
            number = site.page_of(target)
            later = number is not None and number.isdigit() and int(number) > 1
            if later and site.article_key(target) == canonical:
                numbered[int(number)] = canonical_url(target)
    return [numbered[n] for n in sorted(numbered)]


def clean_pages(
    pages: Sequence[tuple[str, str | bytes]], url: str | None = None, outlet: str | None = None
) -> Article:
    """One article from its pages (`[(page_url, html), …]`, page 1 first): the first page's
    metadata, every page's paragraphs in order, bylines of all pages. `url` is the article's
    canonical URL (the `page` parameter dropped). Raises NoArticle when no page has text."""
    from . import NoArticle, clean_html
    from .sites import article_key

    articles = []
    for page_url, html in pages:
        try:
            articles.append(clean_html(html, url=page_url, outlet=outlet))
        except NoArticle:
            if len(pages) == 1:
                raise
    if not articles:
        raise NoArticle("no page of the article holds article text")
    merged = articles[0]
    for extra in articles[1:]:
        merged.paragraphs += [p for p in extra.paragraphs if p not in merged.paragraphs[:1]]
        merged.authors = dedupe(merged.authors + extra.authors)
        merged.initials = dedupe(merged.initials + extra.initials)
        merged.editor = merged.editor or extra.editor
        merged.source = merged.source or extra.source
        if extra.method == "generic":
            merged.method = "generic"
        merged.drift = merged.drift or extra.drift
    merged.url = article_key(url or pages[0][0])
    return merged
