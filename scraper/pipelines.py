"""Three small pipelines: clean the pages into an article, watch it for layout drift, store it."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DropItem

from cleaners import CleanError, NotAnArticle, site_named
from cleaners.merge import clean_pages

from .health import drift_reason
from .items import ArticlePages, CleanedArticle
from .store import Store, StoreError, open_store


class CleanPipeline:
    """ArticlePages in; a CleanedArticle out, the raw pages kept beside it. A page with no
    article text goes on as a failure, for the drift watch to keep."""

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticlePages):
            return item
        site = site_named(item.outlet)
        cleaned = CleanedArticle(item.url, site, item.pages, item.fetched_at)
        try:
            cleaned.article = clean_pages(item.pages, url=item.url, outlet=item.outlet)
        except NotAnArticle as error:  # an about or tag page the URL rules let through
            self.stats.inc_value("kliping/not_article")
            raise DropItem(f"{item.url}: {error}") from None
        except CleanError as error:
            self.stats.inc_value("kliping/failed")
            self.stats.inc_value("kliping/no_article")
            cleaned.failure = str(error)
            return cleaned
        self.stats.inc_value(f"kliping/cleaned/{cleaned.article.method}")
        return cleaned


class _StoreUser:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = open_store(self.crawler.settings.get("KLIPING_DB"))

    def close_spider(self) -> None:
        if self.store:
            self.store.close()


class DriftPipeline(_StoreUser):
    """An article that suggests the outlet's layout changed (generic fallback, a body far shorter
    than usual, a field the outlet always has missing) is stored as usual, and its raw page is
    also kept as a drift sample, to become a fixture (`kliping fixture add --from-db URL`)."""

    def open_spider(self) -> None:
        super().open_spider()
        self.profile = self.store.outlet_profile(self.crawler.spider.name)
        self.run_id = self.crawler.settings.getint("KLIPING_RUN_ID") or None

    def process_item(self, item):
        if not isinstance(item, CleanedArticle):
            return item
        reason = item.failure or drift_reason(item.article.to_dict(), self.profile)
        if reason:
            if item.article is not None:
                self.crawler.stats.inc_value("kliping/degraded")
            html = item.raw_pages[0][1] if item.raw_pages else None
            try:
                self.store.add_drift_sample(item.outlet, item.url, reason, html, self.run_id)
            except StoreError as error:
                self.crawler.spider.logger.error("drift sample not kept: %s", error)
        if item.article is None:
            raise DropItem(f"{item.url}: {item.failure}")
        return item


class StorePipeline(_StoreUser):
    """One transaction per article: a crash loses at most the article in hand. Passes on the
    article's dict (metadata + text), which is what feed exports write. Each row records its
    run, so a killed pass's articles stay out of the next pass's drift baseline."""

    def open_spider(self) -> None:
        super().open_spider()
        self.run_id = self.crawler.settings.getint("KLIPING_RUN_ID") or None

    def process_item(self, item):
        if not isinstance(item, CleanedArticle):
            return item
        fields = item.to_dict()
        fetched_at = item.fetched_at or None
        try:
            outcome = self.store.save(fields, item.raw_pages, fetched_at, self.run_id)
        except StoreError as error:
            # Disk full or the like: stop the crawl, keep what is stored.
            self.crawler.stats.set_value("kliping/store_error", str(error))
            self._closing = asyncio.ensure_future(
                self.crawler.engine.close_spider_async(reason="store_error")
            )
            raise DropItem(str(error)) from None
        self.crawler.stats.inc_value(f"kliping/stored/{outcome}")
        return fields
