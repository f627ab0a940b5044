"""Stories: one story across outlets (and the same article under two URLs), found by MinHash LSH
over the names each article mentions and confirmed by its facts (the day reported on, figures,
laws cited). See ``README.md`` in this folder for the thresholds and the
measurements behind them.

    from scraper.stories import find_stories
    for story in find_stories(store, since="2025-07-01", outlets=["kontan"]):
        story.id, story.earliest, story.wire, [a.url for a in story.articles]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .facts import fact_tokens, parse_facts
from .features import FEATURE_VERSION, name_tokens
from .grouping import MIN_NAMES, NAME_JACCARD, Record, Story, StoryArticle, group, jaccard
from .minhash import signature

__all__ = [
    "FEATURE_VERSION",
    "MIN_NAMES",
    "NAME_JACCARD",
    "Record",
    "Story",
    "StoryArticle",
    "article_features",
    "find_stories",
    "group",
    "jaccard",
    "story_of",
]


def article_features(article: dict[str, Any]) -> tuple[str, bytes, str]:
    """What the store keeps per article: its name tokens (space-joined), their signature, and its
    fact tokens (space-joined; the publication time dates a bare day name)."""
    text = article.get("text") or ""
    names = sorted(name_tokens(text, article.get("outlet")))
    facts = fact_tokens(text, article.get("published"))
    return " ".join(names), signature(names), " ".join(facts)


def record(row: dict[str, Any]) -> Record:
    """A grouping record from a store row (url, outlet, title, published, source, content_hash,
    names, signature, facts)."""
    return Record(
        url=row["url"], outlet=row.get("outlet"), title=row.get("title"),
        published=row.get("published"), source=row.get("source"),
        content_hash=row["content_hash"], names=frozenset((row.get("names") or "").split()),
        signature=row["signature"],
        facts=parse_facts((row.get("facts") or "").split(), row.get("published")),
    )  # fmt: skip


def find_stories(
    store: Any,
    *,
    since: str | None = None,
    outlets: Sequence[str] | None = None,
    threshold: float = NAME_JACCARD,
    max_days: float | None = None,
    retell_days: float | None = None,
    min_articles: int = 1,
) -> list[Story]:
    """The stories among the stored articles published on or after ``since`` (ISO date), of the
    given outlets (all when empty); every article is in exactly one story. With
    ``min_articles``, only the stories told by that many articles or more."""
    rows: Iterable[dict[str, Any]] = store.story_features(since=since, outlets=outlets)
    records = [record(row) for row in rows]
    stories = group(records, threshold=threshold, max_days=max_days, retell_days=retell_days)
    return [s for s in stories if len(s.articles) >= min_articles]


def story_of(stories: Iterable[Story]) -> dict[str, str]:
    """url -> story id, for export."""
    return {a.url: story.id for story in stories for a in story.articles}
