"""What goes through the crawl: the raw pages the spiders yield, then the cleaned article the
pipelines pass on (dataclass items, the Scrapy items convention)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaners import Article
from cleaners.site import Site


@dataclass
class ArticlePages:
    """An article as fetched: its canonical URL and its pages in order (one, or a split article's
    pages, or its whole-article view). The clean pipeline turns it into a CleanedArticle."""

    url: str  # canonical
    outlet: str
    pages: list[tuple[str, str]] = field(default_factory=list)  # [(page URL, html)]
    fetched_at: str = ""


@dataclass
class CleanedArticle:
    """An article after cleaning, with what the store keeps beside it: the raw pages (so the
    text can be rebuilt) and the fetch time. `article` is None when no page held article text;
    `failure` then says why, for the drift watch to keep the page."""

    url: str  # canonical
    site: Site | None
    raw_pages: list[tuple[str, str]]
    fetched_at: str = ""
    article: Article | None = None
    failure: str | None = None

    @property
    def outlet(self) -> str:
        return self.site.name if self.site else ""

    def to_dict(self) -> dict[str, Any]:
        """The article's fields (metadata + text), as stored and as feed exports give them."""
        if self.article is None:
            raise ValueError(f"{self.url}: no article ({self.failure})")
        return self.article.to_dict()
