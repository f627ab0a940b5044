"""What the spiders yield: the raw pages of one article, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticlePages:
    """An article as fetched: its canonical URL and its pages in order (one, or a split article's
    pages, or its whole-article view). The clean pipeline turns it into the article's dict."""

    url: str  # canonical
    outlet: str
    pages: list[tuple[str, str]] = field(default_factory=list)  # [(page URL, html)]
    fetched_at: str = ""
