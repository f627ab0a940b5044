"""Split articles: the pages of one article, cleaned one by one and merged in order."""

from __future__ import annotations

from collections.abc import Sequence

from .article import Article
from .textutil import dedupe
from .urls import canonical_url


def clean_pages(
    pages: Sequence[tuple[str, str | bytes]], url: str | None = None, outlet: str | None = None
) -> Article:
    """One article from its pages (`[(page_url, html), …]`, page 1 first): the first page's
    metadata, every page's paragraphs in order, bylines of all pages. `url` is the article's
    canonical URL (the `page` parameter dropped). Raises NoArticle when no page has text."""
    from . import NoArticle, clean_html

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
        merged.editor = merged.editor or extra.editor
        merged.source = merged.source or extra.source
        if extra.method == "generic":
            merged.method = "generic"
    merged.url = canonical_url(url or pages[0][0], keep_page=False)
    return merged
