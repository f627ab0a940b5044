"""The one spider every outlet's spider is: discovery from the outlet's sources (data in its
`cleaners/sites/` file), the choice of what is an article, and split articles. No cleaning here:
the pipelines do that."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, ClassVar
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from cleaners.html import css, parse
from cleaners.merge import later_pages
from cleaners.site import Site, Source
from cleaners.urls import with_query

from ..discovery import MAX_DOCUMENT_BYTES, BadDocument, read_document
from ..health import is_challenge
from ..items import ArticlePages
from ..store import open_store
from .seen import SeenURLs

HTML_TYPES = (b"text/html", b"application/xhtml")
# Discovery documents may be as large as the sitemap protocol allows (50 MiB, decompressed),
# not only DOWNLOAD_MAXSIZE, the cap for pages; read_document caps them again. They get more
# time than a page too: a 50,000-URL sitemap arrives while the crawl turns other outlets' big
# sitemaps into requests, and at 100k articles 13 of 17 were lost to the 30 s page timeout.
DOCUMENT_TIMEOUT = 90  # seconds: three times a page's
DOCUMENT_META = {"download_maxsize": MAX_DOCUMENT_BYTES, "download_warnsize": MAX_DOCUMENT_BYTES,
                 "download_timeout": DOCUMENT_TIMEOUT}  # fmt: skip


class OutletSpider(scrapy.Spider):
    site: ClassVar[Site]

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_domains = list(cls.site.hosts)
        settings = crawler.settings
        spider.max_articles = settings.getint("KLIPING_MAX_ARTICLES")
        spider.since = _since(settings.get("KLIPING_SINCE"))
        spider.max_urls = settings.getint("KLIPING_MAX_SITEMAP_URLS")
        spider.max_depth = settings.getint("KLIPING_MAX_SITEMAP_DEPTH")
        # Stored URLs are asked of the store one at a time (its primary key), never loaded:
        # a pass's memory stays flat however big the archive grows.
        spider.store = open_store(settings.get("KLIPING_DB"))
        spider.seen = SeenURLs()
        spider.scheduled = 0
        return spider

    async def start(self):
        for source in self.site.sources:
            url = _fill_date(source.url)
            yield scrapy.Request(url, callback=self.parse_source, errback=self.source_failed,
                                 cb_kwargs={"source": source, "depth": 0}, dont_filter=True,
                                 priority=10, meta=DOCUMENT_META)  # fmt: skip

    # --- discovery ------------------------------------------------------------------------

    def parse_source(self, response: Response, source: Source, depth: int):
        self.crawler.stats.inc_value("kliping/sources/ok")
        if source.kind == "index":
            self._index_links(response, source)
            return
        try:
            document = read_document(response.body, self.max_urls)
        except BadDocument as error:
            self.crawler.stats.inc_value("kliping/sources/bad")
            self.logger.warning("discovery document %s skipped: %s", response.url, error)
            return
        if document.truncated:
            self.logger.warning("%s lists more than %d URLs; the rest is skipped",
                                response.url, self.max_urls)  # fmt: skip
        if document.kind == "sitemapindex":
            if depth >= self.max_depth:
                return
            for entry in document.entries:
                if source.skip and re.search(source.skip, entry.url):
                    self.crawler.stats.inc_value("kliping/sources/skipped")
                    continue
                if self._recent(entry.date):
                    yield response.follow(entry.url, callback=self.parse_source,
                                          errback=self.source_failed, dont_filter=True,
                                          cb_kwargs={"source": source, "depth": depth + 1},
                                          priority=10, meta=DOCUMENT_META)  # fmt: skip
            return
        self._schedule(
            self.consider(urljoin(response.url, e.url), e.date) for e in document.entries
        )

    def _index_links(self, response: Response, source: Source) -> None:
        root = parse(response.body)
        hrefs = [href.strip() for link in css(source.links)(root) if (href := link.get("href"))]
        self._schedule(self.consider(urljoin(response.url, href), None) for href in hrefs)

    def _schedule(self, batches) -> None:
        """Hand discovered articles to the scheduler at once (its queue is on disk,
        scraper/scheduler.py) rather than yield them: a callback that yields stays suspended,
        holding its response and every entry, until Scrapy has taken its last request — for a
        first pass over a big sitemap, most of the pass."""
        for batch in batches:
            for request in batch:
                self.crawler.engine.crawl(request)

    def source_failed(self, failure):
        self.crawler.stats.inc_value("kliping/sources/failed")
        self.logger.warning("discovery source failed: %s", _failure_reason(failure))

    def is_article_url(self, url: str) -> bool:
        return self.site.is_article_url(url)

    def consider(self, url: str, when: str | None):
        """One discovered URL: an article not yet stored becomes a request."""
        if not self.is_article_url(url):
            self.crawler.stats.inc_value("kliping/skipped_not_article")
            return
        canonical = self.site.article_key(url)
        if not self.seen.add(canonical):
            return
        self.crawler.stats.inc_value("kliping/discovered")
        if self.store.has(canonical):
            self.crawler.stats.inc_value("kliping/already")
            return
        if not self._recent(when):
            self.crawler.stats.inc_value("kliping/skipped_old")
            return
        if self.max_articles and self.scheduled >= self.max_articles:
            self.crawler.stats.inc_value("kliping/skipped_limit")
            return
        self.scheduled += 1
        whole = bool(self.site.whole_article)
        target = with_query(canonical, **self.site.whole_article) if whole else canonical
        # dont_filter: `seen` already holds it once; Scrapy's dupefilter would keep a second
        # fingerprint per article for the whole pass.
        yield scrapy.Request(target, callback=self.parse_article, errback=self.article_failed,
                             cb_kwargs={"canonical": canonical, "pages": [], "whole": whole},
                             dont_filter=True)  # fmt: skip

    def already_done(self, request: scrapy.Request) -> bool:
        """A shared frontier's job for an article that is stored already (its worker died
        between storing it and saying so): not fetched again."""
        canonical = request.cb_kwargs.get("canonical")
        return canonical is not None and self.store.has(canonical)

    def _recent(self, when: str | None) -> bool:
        return not (self.since and when and when[:10] < self.since.isoformat())

    def closed(self, reason: str) -> None:
        self.store.close()

    # --- articles -------------------------------------------------------------------------

    def parse_article(self, response: Response, canonical: str, pages: list, whole: bool):
        content_type = response.headers.get("Content-Type", b"").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            self.crawler.stats.inc_value("kliping/failed")
            self.logger.warning("%s is not an HTML page (%s)", response.url, content_type.decode())
            return
        if is_challenge(response.body):
            self.crawler.stats.inc_value("kliping/challenge")
            self.crawler.stats.inc_value("kliping/failed")
            self.logger.warning("%s answered a challenge page, not the article", response.url)
            return
        pages = [*pages, (response.url, response.text)]
        if not whole and len(pages) == 1:
            rest = self._more_pages(response, canonical)
            if rest:
                yield self._next_page(rest, canonical, pages)
                return
        yield self._item(canonical, pages)

    def parse_next_page(self, response: Response, canonical: str, pages: list, rest: list):
        pages = [*pages, (response.url, response.text)]
        if rest:
            yield self._next_page(rest, canonical, pages)
        else:
            yield self._item(canonical, pages)

    def _next_page(self, rest: list[str], canonical: str, pages: list) -> scrapy.Request:
        return scrapy.Request(rest[0], callback=self.parse_next_page, errback=self.article_failed,
                              cb_kwargs={"canonical": canonical, "pages": pages,
                                         "rest": rest[1:]})  # fmt: skip

    def _more_pages(self, response: Response, canonical: str) -> list[str]:
        return later_pages(response.body, response.url, canonical, self.site)

    def _item(self, canonical: str, pages: list) -> ArticlePages:
        fetched = datetime.now(UTC).isoformat(timespec="seconds")
        return ArticlePages(url=canonical, outlet=self.site.name, pages=pages, fetched_at=fetched)

    def article_failed(self, failure):
        request = failure.request
        kwargs = request.cb_kwargs
        # No whole-article view for this one: fetch the article itself and follow its pages.
        if kwargs.get("whole") and isinstance(failure.value, HttpError) \
                and failure.value.response.status == 404:  # fmt: skip
            yield scrapy.Request(kwargs["canonical"], callback=self.parse_article,
                                 errback=self.article_failed,
                                 cb_kwargs={**kwargs, "whole": False})  # fmt: skip
            return
        self.crawler.stats.inc_value("kliping/failed")
        self.logger.warning("article failed: %s", _failure_reason(failure))


def _failure_reason(failure) -> str:
    if isinstance(failure.value, HttpError):
        response = failure.value.response
        return f"{response.url} answered {response.status}"
    request = getattr(failure, "request", None)
    where = request.url if request else "?"
    return f"{where}: {failure.getErrorMessage() or type(failure.value).__name__}"


def _since(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _fill_date(url: str) -> str:
    today = date.today()
    return url.format(yyyy=f"{today:%Y}", mm=f"{today:%m}", dd=f"{today:%d}") if "{" in url else url
