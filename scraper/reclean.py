"""Re-clean the stored raw pages with today's cleaners, without a re-crawl.

The parent streams the articles from the store (keyset pages, `iter_articles`) and writes the
changed texts in transactions of BATCH; the cleaning runs in `workers` processes
(`scraper.clean_pool`), at most a few batches in flight, so memory stays flat whatever the
store's size. Results are written in the store's order, so N workers leave the store exactly as
one does.
"""

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


def reclean_job(job: tuple[str, str | None, list]) -> tuple[str, dict | None]:
    """One stored article cleaned again (in a worker process when there are several): its URL
    and the new article's dict, or None when the cleaners refuse it."""
    from cleaners import CleanError
    from cleaners.merge import clean_pages

    url, outlet, pages = job
    try:
        return url, clean_pages(pages, url=url, outlet=outlet).to_dict()
    except CleanError:
        return url, None


def reclean(
    store,
    outlet: str | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    workers: int = 1,
) -> RecleanResult:
    """Re-clean every stored article (of one outlet) in `workers` processes. `progress(seen,
    total, changed)` is called after each batch written."""
    from .clean_pool import CleanPool

    result = RecleanResult()
    total = store.count(outlet)
    batch: list[tuple[str, dict]] = []

    def take(url: str, article: dict | None) -> None:
        result.seen += 1
        if article is None:
            result.failed += 1
            return
        batch.append((url, article))
        if len(batch) >= BATCH:
            result.changed += store.update_texts(batch)
            batch.clear()
            if progress:
                progress(result.seen, total, result.changed)

    with CleanPool(workers, reclean_job) as pool:
        for stored in store.iter_articles(outlet):
            url = stored["url"]
            pool.submit((url, stored["outlet"], store.raw_pages(url)))
            for done in pool.ready():
                take(*done)
        for done in pool.drain():
            take(*done)
    result.changed += store.update_texts(batch)
    return result
