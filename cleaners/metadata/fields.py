"""Every field of an article but its body: JSON-LD, meta tags, then the outlet's markup."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from lxml import html

from .. import html as dom
from ..article import Article
from ..dates import parse_date
from ..rules import Captured
from ..site import Site
from ..textutil import collapse, dedupe
from ..urls import canonical_url
from .head import PageMeta, ld_list, ld_people, ld_text
from .images import images

# Meta names that hold the publication date on any page. Outlets' own names (`date_meta` of
# each Site) are read after these, so known pages of another outlet on the same CMS get their
# date on the generic path too.
DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate", "date",
             "dc.date")  # fmt: skip


@cache
def outlet_date_meta() -> tuple[str, ...]:
    """Every registered outlet's own date meta names, in registry order."""
    from ..sites import SITES  # the registry imports the Site shape, not this module

    return tuple(dict.fromkeys(n for site in SITES for n in site.date_meta))


def read_metadata(
    root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None, body=None, headline=None
) -> Article:
    """Every field but the body: JSON-LD, then meta tags, then the outlet's markup; except the
    title, where the page's visible headline comes first (JSON-LD `headline` and og:title are
    often shortened or SEO-worded; the reader sees the <h1>), unless that is the site's logo.
    `headline`: the headline element, when the caller has looked it up already."""
    ld = meta.ld
    if headline is None:
        headline = dom.select_one(root, site.title, likely=True)
    if headline is not None and _is_site_name(dom.value_of(headline), meta, url):
        headline = None  # an old layout's logo in <h1>: the head knows the headline
    first = lambda selectors: dom.value_of(dom.select_one(root, selectors))  # noqa: E731
    article = Article(
        url=canonical_url(url, switch=site.whole_article) if url else _canonical_from_page(meta),
        outlet=site.name,
        title=dom.value_of(headline) or ld_text(ld.get("headline")) or _og_title(meta),
        published=_date(
            ld.get("datePublished"),
            *(meta.first(n) for n in site.date_meta),
            meta.first(*DATE_META, *outlet_date_meta()),
        )
        or parse_date(first(site.date)),  # the markup only when the head says nothing
        updated=_date(
            ld.get("dateModified"), meta.first("article:modified_time", "og:updated_time")
        ),
        authors=ld_people(ld.get("author")) or _texts(root, site.authors),
        editor=(ld_people(ld.get("editor")) or [None])[0] or first(site.editor),
        section=ld_text(ld.get("articleSection"))
        or meta.first("article:section")
        or _last(root, site.section),
        # The page's own tags first: SEO plugins fill JSON-LD keywords with focus keywords.
        tags=_tags(
            meta.all("article:tag") or _texts(root, site.tags) or ld_list(ld.get("keywords"))
        ),
        description=meta.first("description", "og:description")
        or ld_text(ld.get("description"))
        or first(site.description),
        images=images(root, site, meta, url, body, headline),
        method="site",
    )
    if not article.authors and (author := meta.first("author")):
        # `<meta name="author" content="CNN Indonesia">`: the outlet itself is nobody's byline.
        article.authors = [n for n in ld_people(author) if not _is_site_name(n, meta, url)]
    return article


def apply_captured(article: Article, captured: Captured) -> None:
    """Bylines, editors and sources found in the text join what the page's metadata said."""
    article.authors = dedupe(article.authors + captured.authors)
    article.editor = article.editor or captured.editor
    article.source = article.source or captured.source
    if article.images and not article.images[0]["caption"] and captured.caption:
        article.images[0]["caption"] = captured.caption


def _texts(root: html.HtmlElement, selectors: tuple[str, ...]) -> list[str]:
    return dedupe([dom.text_of(e) for e in dom.select(root, selectors)])


def _is_site_name(text: str | None, meta: PageMeta, url: str | None) -> bool:
    if not text:
        return False
    name = text.casefold().removeprefix("www.")
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    site_name = (meta.first("og:site_name") or "").casefold()
    return name in {site_name, host, host.split(".")[0]} - {""}


def _og_title(meta: PageMeta) -> str | None:
    """og:title without the ` - Site` / ` | Site` some outlets append."""
    title, site_name = meta.first("og:title"), meta.first("og:site_name")
    if title and site_name:
        title = re.sub(rf"\s[-|–]\s{re.escape(site_name)}$", "", title, flags=re.I)
    return title


def _tags(tags: list[str]) -> list[str]:
    """`#Pupuk Subsidi` is the tag `Pupuk Subsidi`."""
    return dedupe([collapse(t.lstrip("#")) for t in tags])


def _last(root: html.HtmlElement, selectors: tuple[str, ...]) -> str | None:
    found = [t for t in (dom.text_of(e) for e in dom.select(root, selectors)) if t]
    return found[-1] if found else None


def _date(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if parsed := parse_date(candidate):
            return parsed
    return None


def _canonical_from_page(meta: PageMeta) -> str | None:
    url = meta.first("og:url") or ld_text(meta.ld.get("url"))
    return canonical_url(url) if url and url.startswith("http") else None
