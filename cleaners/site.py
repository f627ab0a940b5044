"""The shape of an outlet's cleaner: selectors and rules, no code. See `cleaners/sites/`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from .rules import Rule
from .urls import canonical_url, page_number

Selectors = tuple[str, ...]  # CSS selectors, tried in order: the first that matches wins

# Pagination links of an article split over pages, as most CMSs mark them.
PAGE_LINKS: Selectors = (
    "div.pagination a", "div.paging a", "div#pagingArticle a", "div.page-links a",
    "nav.pagination a", "ul.pagination a",
)  # fmt: skip


PATH_PAGE = "/"  # Site.page_param of an outlet numbering pages in the path: `/slug/2`
_PATH_PAGE = re.compile(r"/(\d{1,3})/?$")  # a page number ends the path


@dataclass(frozen=True)
class Source:
    """Where the crawler discovers an outlet's articles. `url` may hold `{yyyy}`, `{mm}`,
    `{dd}` (today's date) for index pages."""

    kind: Literal["sitemap", "news_sitemap", "feed", "index"]
    url: str
    links: str = "a"  # index pages: CSS selector of the article links
    # Sitemap indexes: regex of child sitemaps not followed (a sitemap of static pages, of
    # categories or of authors lists no articles).
    skip: str | None = None


@dataclass(frozen=True)
class Site:
    """One outlet: which hosts are its, where each field is on its pages, what to drop."""

    name: str
    hosts: tuple[str, ...]  # registrable domains; every sub-domain matches
    home: str
    publication: str | None = None  # the name it prints (`Kontan.co.id`); None: `name`
    # Where the fields are (metadata from JSON-LD and meta tags comes first, these second).
    title: Selectors = ("h1",)
    body: Selectors = ()
    date: Selectors = ()
    date_meta: tuple[str, ...] = ()  # the outlet's own meta names for the date
    byline: Selectors = ()  # elements whose text is "Penulis: A | Editor: B" or a name list
    authors: Selectors = ()
    editor: Selectors = ()
    section: Selectors = ()
    tags: Selectors = ()
    description: Selectors = ()
    image: Selectors = ()
    caption: Selectors = ()
    # What is not the article.
    drop: Selectors = ()  # removed from the body before it is read
    end: Selectors = ()  # the body ends where the first of these begins
    end_comments: tuple[str, ...] = ()  # ... or at an HTML comment with this text
    largest_block: bool = False  # no body selector known: take the <article>/largest text block
    # Text rules of the outlet, on top of the shared catalogue (cleaners/rules/).
    dateline: str | None = None  # regex of the dateline lead, to repair `CITYOUTLETWord` glue
    # Regex of a sign-off that ends the last paragraph (`… kata dia. (Ant/Z-2)`, `[ded]`):
    # cut off, its named groups (`authors`, `editor`, `source`) to metadata, the body ends.
    signoff: str | None = None
    rules: tuple[Rule, ...] = ()
    # For the crawler.
    article_url: str = r".*"  # regex a URL path must match to be an article
    not_article_url: str | None = None  # regex of paths that never are (tag, video, ...)
    whole_article: dict[str, str] = field(default_factory=dict)  # e.g. {"page": "all"}
    sources: tuple[Source, ...] = ()
    news_sitemap_children: bool = False  # its sitemap index lists Google News sitemaps
    # Pagination links of a split article, followed when there is no whole-article view.
    page_links: Selectors = PAGE_LINKS
    # The query key numbering those pages (`?page=2`, `?page_num=2`), or PATH_PAGE: a last path
    # segment of digits (`/slug/2`).
    page_param: str = "page"

    @property
    def publication_name(self) -> str:
        return self.publication or self.name

    def owns(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def article_key(self, url: str) -> str:
        """The canonical URL of the article a page of it belongs to (its page number dropped):
        the store's key, whichever page was found."""
        if self.page_param == PATH_PAGE:
            parts = urlsplit(canonical_url(url, keep_page=False))
            return urlunsplit(parts._replace(path=_PATH_PAGE.sub("", parts.path) or "/"))
        return canonical_url(url, keep_page=False, page_key=self.page_param)

    def page_of(self, url: str) -> str | None:
        """The page number a URL names (`2`, `all`), None for the article itself."""
        if self.page_param == PATH_PAGE:
            found = _PATH_PAGE.search(urlsplit(url).path)
            return found[1] if found else None
        return page_number(url, self.page_param)

    def is_article_url(self, url: str) -> bool:
        """Whether `url` is one of the outlet's article pages by its URL rules (not a tag,
        section, video or static page): the one check the crawler and the archive import share."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not self.owns(parts.hostname or ""):
            return False
        if self.page_param == PATH_PAGE:  # page 2 of an article is the article's
            parts = urlsplit(self.article_key(url))
        path = parts.path or "/"
        if self.not_article_url and re.search(self.not_article_url, path):
            return False
        return re.search(self.article_url, path) is not None
