"""kliping's cleaners: a news page (or text pulled out of one) in, the article and nothing else
out, in the clean-text format, with its byline, editor, wire source and dates as metadata.

    >>> from cleaners import clean_html
    >>> article = clean_html(page, url="https://www.kontan.co.id/news/…")
    >>> print(article.to_text())

Usable without Scrapy.
"""

from __future__ import annotations

from .article import Article
from .errors import CleanError, NoArticle, NotAnArticle, NotAPage
from .sites import SITES, site_for_url, site_named

__all__ = [
    "SITES",
    "Article",
    "CleanError",
    "NoArticle",
    "NotAPage",
    "NotAnArticle",
    "clean_html",
    "clean_text",
    "site_for_url",
    "site_named",
]

GENERIC = "generic"  # outlet name that forces the generic path


def clean_html(html: str | bytes, url: str | None = None, outlet: str | None = None) -> Article:
    """Clean one HTML page. The outlet's cleaner is chosen by `outlet` (a name or host; `generic`
    forces the fallback) or else by the host of `url`. Raises NotAPage or NoArticle."""
    from .engine import clean_site
    from .generic import clean_generic
    from .guard import UntrustedBody
    from .html import parse
    from .metadata import read_meta

    if not (html.strip() if isinstance(html, str | bytes) else html):
        raise NotAPage("the page is empty")
    site = _resolve(outlet, url)
    article, drift = None, None
    if site:
        root = parse(html)
        meta = read_meta(root)
        _refuse_non_article(root, meta)
        try:
            article = clean_site(root, site, meta, url)
        except UntrustedBody as untrusted:  # the selectors matched the wrong element
            drift = str(untrusted)
    if article is None:  # another site, or the outlet's selectors found no body
        article = clean_generic(html, url, site, check_kind=site is None)
    if article is None or not article.paragraphs:
        raise NoArticle("no article text found in the page")
    article.drift = drift
    return _with_language(article)


def _refuse_non_article(root, meta) -> None:
    from .pagekind import not_article_reason

    if reason := not_article_reason(root, meta):
        raise NotAnArticle(f"no article text: {reason}")


def clean_text(text: str, outlet: str | None = None) -> Article:
    """Clean text already pulled out of a page: headline found when it has one, boilerplate
    removed or moved to metadata, datelines repaired, one paragraph a line."""
    from .textmode import clean_text as run

    if not text.strip():
        raise NotAPage("the text is empty")
    site = _resolve(outlet, None)
    article = run(text, site)
    if not article.paragraphs:
        raise NoArticle("no article text found in the text")
    return _with_language(article)


def _with_language(article: Article) -> Article:
    from .metadata.language import text_language

    article.language = text_language(article.paragraphs)
    return article


def _resolve(outlet: str | None, url: str | None):
    if outlet:
        if outlet.lower() == GENERIC:
            return None
        site = site_named(outlet)
        if site is None:
            names = ", ".join(s.name for s in SITES)
            raise ValueError(f"unknown outlet {outlet!r} (known: {names}, {GENERIC})")
        return site
    return site_for_url(url)
