"""Two small pipelines: clean the pages into an article, then keep it in the store."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DropItem

from cleaners import CleanError
from cleaners.merge import clean_pages

from .items import ArticlePages
from .store import Store, StoreError


class CleanPipeline:
    """ArticlePages in; the article's dict (metadata + text) out, raw pages kept beside it."""

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticlePages):
            return item
        try:
            article = clean_pages(item.pages, url=item.url, outlet=item.outlet)
        except CleanError as error:
            self.stats.inc_value("kliping/failed")
            self.stats.inc_value("kliping/failed/no_article")
            raise DropItem(f"{item.url}: {error}") from None
        self.stats.inc_value(f"kliping/cleaned/{article.method}")
        data = article.to_dict()
        data["_raw_pages"] = item.pages
        data["_fetched_at"] = item.fetched_at
        return data


class StorePipeline:
    """One transaction per article: a crash loses at most the article in hand."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = Store(self.crawler.settings.get("KLIPING_DB"))

    def close_spider(self) -> None:
        if self.store:
            self.store.close()

    def process_item(self, item):
        if not isinstance(item, dict) or "_raw_pages" not in item:
            return item
        raw = item.pop("_raw_pages")
        fetched_at = item.pop("_fetched_at", None)
        try:
            outcome = self.store.save(item, raw, fetched_at=fetched_at or None)
        except StoreError as error:
            # Disk full or the like: stop the crawl, keep what is stored.
            self.crawler.stats.set_value("kliping/store_error", str(error))
            asyncio.ensure_future(self.crawler.engine.close_spider_async(reason="store_error"))
            raise DropItem(str(error)) from None
        self.crawler.stats.inc_value(f"kliping/stored/{outcome}")
        return item
