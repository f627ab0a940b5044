"""Stories: articles grouped by shared names (MinHash LSH candidates, exact check, union-find).

Thresholds (measured on the fixtures and the hand-written rewrites in ``tests/data/stories/``, by
``python -m bench.stories_thresholds``; the
figures are in ``scraper/stories/README.md``):

- two articles are one story when the exact Jaccard of their name-token sets is at least
  :data:`NAME_JACCARD` (0.24). Rewrites of the seed story score 0.26-0.58; the closest
  same-topic pair in the fixtures (two Christmas rail reports) 0.22.
- an article with fewer than :data:`MIN_NAMES` name tokens (a very short text) joins a story only
  as an exact duplicate (the same clean text under another URL): too few names to tell stories apart.
- the same text under two URLs (same content hash) is always one story.
- grouping is transitive (union-find): A~B and B~C put A, B and C in one story even when A and C
  score below the threshold; a story's ``similarity`` column shows how far each member is.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import numpy as np

from .minhash import NUM_PERM, candidate_pairs

__all__ = ["MIN_NAMES", "NAME_JACCARD", "Record", "Story", "StoryArticle", "group"]

NAME_JACCARD = 0.24
MIN_NAMES = 5
_ESTIMATE_MARGIN = 0.12
# Members compared when a story's per-article similarity is worked out (keeps big stories linear).
_SIMILARITY_SAMPLE = 50

# Wire agencies and syndication origins, as `source` metadata spells them (lower-cased keys).
WIRES = {
    "antara": "Antara", "antaranews": "Antara", "antaranews.com": "Antara", "afp": "AFP",
    "reuters": "Reuters", "xinhua": "Xinhua", "ap": "AP", "associated press": "AP",
    "kompas.com": "Kompas.com", "kompas": "Kompas.com", "bernama": "Bernama", "anadolu": "Anadolu",
}  # fmt: skip


@dataclass(frozen=True)
class Record:
    """What grouping needs of one stored article."""

    url: str
    outlet: str | None
    title: str | None
    published: str | None
    source: str | None
    content_hash: str
    names: frozenset[str]
    signature: bytes


@dataclass(frozen=True)
class StoryArticle:
    url: str
    outlet: str | None
    title: str | None
    published: str | None
    source: str | None
    similarity: float  # mean name Jaccard to the story's other members (1.0 alone)

    def to_dict(self) -> dict:
        return {
            "url": self.url, "outlet": self.outlet, "title": self.title,
            "published": self.published, "source": self.source,
            "similarity": round(self.similarity, 3),
        }  # fmt: skip


@dataclass(frozen=True)
class Story:
    id: str
    articles: list[StoryArticle] = field(default_factory=list)  # earliest first
    wire: str | None = None  # a wire agency one of the articles names as its source

    @property
    def earliest(self) -> StoryArticle:
        return self.articles[0]

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles if a.outlet})

    def to_dict(self) -> dict:
        return {
            "id": self.id, "size": len(self.articles), "title": self.earliest.title,
            "earliest": {"url": self.earliest.url, "outlet": self.earliest.outlet,
                         "published": self.earliest.published},
            "wire": self.wire, "outlets": self.outlets,
            "articles": [a.to_dict() for a in self.articles],
        }  # fmt: skip


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def group(
    records: Sequence[Record], *, threshold: float = NAME_JACCARD, max_days: float | None = None
) -> list[Story]:
    """Every record in exactly one story; stories biggest first, then newest first.

    ``max_days``: when set, two articles published further apart than this are never linked
    directly (off by default: the seed story spans two years, see README).
    """
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    for i, j in _exact_duplicates(records):
        union(i, j)
    for i, j in _linked_pairs(records, threshold, max_days):
        union(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        members[find(i)].append(i)
    stories = [_story(records, idx) for idx in members.values()]
    stories.sort(key=lambda s: (-len(s.articles), _neg_time(s.earliest.published)))
    return stories


def _exact_duplicates(records: Sequence[Record]) -> Iterable[tuple[int, int]]:
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        j = first.setdefault(record.content_hash, i)
        if j != i:
            yield j, i


def _linked_pairs(
    records: Sequence[Record], threshold: float, max_days: float | None
) -> Iterable[tuple[int, int]]:
    usable = [i for i, r in enumerate(records) if len(r.names) >= MIN_NAMES]
    if len(usable) < 2:
        return
    matrix = np.frombuffer(b"".join(records[i].signature for i in usable), dtype="<u4")
    matrix = matrix.reshape(-1, NUM_PERM)
    pairs = candidate_pairs(matrix)
    # The MinHash estimate first (vectorised): pairs far below the threshold never reach the
    # exact check. Its error at J = 0.25 is ~0.04 (128 permutations); the margin is 3 of those.
    estimate = np.zeros(len(pairs))
    for start in range(0, len(pairs), 65536):
        chunk = pairs[start : start + 65536]
        estimate[start : start + len(chunk)] = (matrix[chunk[:, 0]] == matrix[chunk[:, 1]]).mean(1)
    pairs = pairs[estimate >= threshold - _ESTIMATE_MARGIN]
    for a, b in pairs.tolist():
        i, j = usable[a], usable[b]
        if jaccard(records[i].names, records[j].names) < threshold:
            continue
        if max_days is not None and _days_apart(records[i], records[j]) > max_days:
            continue
        yield i, j


def _story(records: Sequence[Record], idx: list[int]) -> Story:
    chosen = [records[i] for i in idx]
    chosen.sort(key=lambda r: (r.published is None, _utc(r.published), r.url))
    sample = chosen[:_SIMILARITY_SAMPLE]
    articles = [
        StoryArticle(r.url, r.outlet, r.title, r.published, r.source, _similarity(r, sample))
        for r in chosen
    ]
    story_id = hashlib.sha1(chosen[0].url.encode("utf-8")).hexdigest()[:12]
    return Story(id=story_id, articles=articles, wire=_wire(chosen))


def _similarity(record: Record, sample: list[Record]) -> float:
    others = [o for o in sample if o.url != record.url]
    if not others:
        return 1.0
    if len(record.names) < MIN_NAMES:  # joined as an exact duplicate
        return max(1.0 if o.content_hash == record.content_hash else 0.0 for o in others)
    return sum(jaccard(record.names, o.names) for o in others) / len(others)


def _wire(records: list[Record]) -> str | None:
    for record in records:  # earliest first
        wire = WIRES.get((record.source or "").strip().lower())
        if wire:
            return wire
    return None


@lru_cache(maxsize=65536)
def _utc(published: str | None) -> float:
    if not published:
        return 0.0
    try:
        return datetime.fromisoformat(published).timestamp()
    except ValueError:
        return 0.0


def _neg_time(published: str | None) -> float:
    return -_utc(published)


def _days_apart(a: Record, b: Record) -> float:
    if not a.published or not b.published:
        return 0.0
    return abs(_utc(a.published) - _utc(b.published)) / 86400
