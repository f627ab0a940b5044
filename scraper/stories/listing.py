"""Stories and search hits as `kliping stories` and `kliping search` list them: a table to
read, or one JSON object a line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .grouping import Story


def stories_table(stories: list[Story]) -> str:
    """Each story with its earliest report and its articles, one line each and the URL under."""
    if not stories:
        return "no stories (no stored articles match)"
    many = sum(1 for s in stories if len(s.articles) > 1)
    lines = [
        f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}, {many} told by more than one article"
    ]
    for story in stories:
        wire = f"  wire: {story.wire}" if story.wire else ""
        lines.append(f"\nstory {story.id}  {len(story.articles)} article(s){wire}")
        lines.append(f"  first: {story.earliest.outlet or '?'} {story.earliest.published or '?'}")
        for article in story.articles:
            lines.append(f"  {_day(article.published):<10}  {article.outlet or '?':<11} "
                         f"{article.similarity:5.2f}  {_cut(article.title or article.url, 64)}")  # fmt: skip
            lines.append(f"  {'':<10}  {'':<11} {'':5}  {article.url}")
    return "\n".join(lines)


def hits_table(query: str, hits: list[Any]) -> str:
    """Search hits in rank order: date, outlet, title; the URL and the snippet under it."""
    if not hits:
        return f"no articles match {query!r}"
    lines = []
    for rank, hit in enumerate(hits, 1):
        lines.append(f"{rank:>3}. {_day(hit.published):<10}  {hit.outlet or '?':<11} "
                     f"{_cut(hit.title or hit.url, 70)}")  # fmt: skip
        lines.append(f"     {hit.url}")
        lines.append(f"     {hit.snippet}")
    return "\n".join(lines)


def json_lines(items: Iterable[Any]) -> str:
    """One JSON object a line (each item's `to_dict()`), every line ended."""
    return "".join(json.dumps(item.to_dict(), ensure_ascii=False) + "\n" for item in items)


def _day(published: str | None) -> str:
    return (published or "?")[:10]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
