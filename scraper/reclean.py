"""Re-clean the stored raw pages with today's cleaners, without a re-crawl."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

BATCH = 100  # articles per write transaction: one commit per article would cost more than cleaning


@dataclass
class RecleanResult:
    seen: int = 0
    changed: int = 0
    failed: int = 0  # a failure keeps the stored article as it was

    @property
    def unchanged(self) -> int:
        return self.seen - self.changed - self.failed


def reclean(
    store, outlet: str | None = None, progress: Callable[[int, int, int], None] | None = None
) -> RecleanResult:
    """Re-clean every stored article (of one outlet). `progress(seen, total, changed)` is called
    after each batch written."""
    from cleaners import CleanError
    from cleaners.merge import clean_pages

    result = RecleanResult()
    total = store.count(outlet)
    batch: list[tuple[str, dict]] = []
    for stored in store.iter_articles(outlet):
        result.seen += 1
        try:
            article = clean_pages(store.raw_pages(stored["url"]), url=stored["url"],
                                  outlet=stored["outlet"])  # fmt: skip
        except CleanError:
            result.failed += 1
            continue
        batch.append((stored["url"], article.to_dict()))
        if len(batch) >= BATCH:
            result.changed += store.update_texts(batch)
            batch.clear()
            if progress:
                progress(result.seen, total, result.changed)
    result.changed += store.update_texts(batch)
    return result
