"""`kliping import`: web archives into the store, each article once, as the crawler would store it.

The same choices as the crawler: the outlet by host, its article-URL rules (no tag, section,
about pages), the cleaner's own refusal of pages that are not articles, canonical URLs, and one
article per canonical URL however often the archive captured it. Split articles: the whole-article
view is taken where the archive has it; else the parts the archive holds are merged in page order.
Parts wait (compressed, on disk: archive/parts.py) until the end of the import, since an archive
keeps no order; everything else is cleaned and stored as it streams past. Memory stays flat: what
is stored is asked of the store, not remembered; only the URLs of pages in the cleaners' hands
and the digests of the refused ones are held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaners import CleanError, NoArticle, site_for_url
from cleaners.merge import clean_pages, later_pages
from cleaners.site import Site
from cleaners.sites import article_key, page_of

from ..clean_pool import CleanPool
from ..spiders.seen import SeenURLs
from ..store import DEFAULT_DB
from .parts import Page, PendingParts
from .reader import Capture, ReadCounts, WarcFile

GENERIC = "generic"  # the outlet name of pages of other hosts (--all)
COUNTERS = ("pages", "new", "already", "not_article", "failed")


@dataclass
class ImportReport:
    """Per outlet: pages seen, articles stored new, already stored, not articles, failed."""

    outlets: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    )
    read: ReadCounts = field(default_factory=ReadCounts)
    other_hosts: int = 0

    def count(self, outlet: str, key: str) -> None:
        self.outlets[outlet][key] += 1

    @property
    def stored(self) -> int:
        return sum(c["new"] for c in self.outlets.values())

    def table(self) -> str:
        """A row of counts per outlet, then what was read and skipped, as `kliping import` ends."""
        header = ("outlet", *COUNTERS)
        rows = [header] + [
            (outlet, *(str(counts[k]) for k in COUNTERS))
            for outlet, counts in sorted(self.outlets.items())
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
        ]
        read = self.read
        lines.append(
            f"records read {read.records:,}; HTML pages {read.pages:,}; skipped: "
            f"{read.not_html:,} not HTML, {read.not_ok:,} not 2xx, {read.too_big:,} too big, "
            f"{self.other_hosts:,} other hosts, {read.bad_records:,} damaged records"
            + (f" ({len(read.damaged_files)} files cut short)" if read.damaged_files else "")
        )
        return "\n".join(lines)


class Importer:
    """Streams captures into `store`: `outlets` limits to those outlets (names), `keep_all`
    keeps pages of hosts without a site cleaner through the generic path."""

    def __init__(
        self, store, *, outlets: Iterable[str] = (), keep_all: bool = False, workers: int = 1
    ) -> None:
        self.store = store
        self._pool = CleanPool(workers, clean_job)
        self.only = set(outlets)
        self.keep_all = keep_all
        self.report = ImportReport()
        self._parts = PendingParts()
        # Settled in this import and not in the store: canonical URLs out to the cleaners (a
        # pool's few batches) and, as 8-byte digests, those the cleaners refused (a small share).
        # What was stored is the store's to say: an archive of millions holds no set of them.
        self._cleaning: set[str] = set()
        self._refused = SeenURLs()

    def run(self, paths: Sequence[Path], progress: Callable[[WarcFile, int], None] | None = None):
        try:
            for path in paths:
                warc = WarcFile(path, self.report.read)
                for capture in warc.captures():
                    self.take(capture)
                    if progress:
                        progress(warc, self.report.stored)
            self.finish()
        finally:
            self._pool.close()
            self._parts.close()
        return self.report

    def take(self, capture: Capture) -> None:
        site = site_for_url(capture.url)
        if not self._wanted(site, capture.url):
            return
        outlet = site.name if site else GENERIC
        self.report.count(outlet, "pages")
        canonical = article_key(capture.url)
        if self._settled(canonical):
            self.report.count(outlet, "already")
            return
        number = page_of(capture.url)
        split = number is None and site and later_pages(capture.body, capture.url, canonical, site)
        page = (capture.url, capture.date, capture.body, capture.headers)
        if number == "all" or (number is None and not split):
            self._parts.drop(canonical)  # the whole view makes parts moot
            self._store(outlet, canonical, [page])
            return
        if not self._parts.add(canonical, number or "1", outlet, page):
            self.report.count(outlet, "already")  # the first capture of a page wins

    def _settled(self, canonical: str) -> bool:
        return (
            canonical in self._cleaning or canonical in self._refused or self.store.has(canonical)
        )

    def finish(self) -> None:
        """The split articles: each from the pages the archive held, in page order."""
        for canonical, outlet, pages in self._parts.articles():
            if pages:
                self._store(outlet, canonical, pages)
        for result in self._pool.drain():
            self._save(*result)

    def _wanted(self, site: Site | None, url: str) -> bool:
        if site is None:
            self.report.other_hosts += not self.keep_all
            return self.keep_all and not self.only
        if self.only and site.name not in self.only:
            self.report.other_hosts += 1
            return False
        if not site.is_article_url(url):
            self.report.count(site.name, "pages")
            self.report.count(site.name, "not_article")
            return False
        return True

    def _store(self, outlet: str, canonical: str, pages: list[Page]) -> None:
        self._cleaning.add(canonical)
        self._pool.submit((outlet, canonical, pages))
        for result in self._pool.ready():
            self._save(*result)

    def _save(self, outlet: str, canonical: str, pages, outcome: str, record) -> None:
        self._cleaning.discard(canonical)
        if outcome != "ok":
            self._refused.add(canonical)
            self.report.count(outlet, outcome)
            return
        raw = [(url, body, headers) for url, _, body, headers in pages]
        saved = self.store.save(record, raw, fetched_at=pages[0][1] or None)
        self.report.count(outlet, "new" if saved == "new" else "already")


def clean_job(job: tuple[str, str, list[Page]]):
    """One article cleaned (in a worker process when there are several): the job back with
    `ok` and the article's dict, or the counter its failure goes to."""
    outlet, canonical, pages = job
    raw = [(url, body) for url, _, body, _ in pages]
    try:
        article = clean_pages(raw, url=canonical, outlet=None if outlet == GENERIC else outlet)
    except NoArticle:
        return (*job, "not_article", None)
    except CleanError:
        return (*job, "failed", None)
    record = article.to_dict()
    record["outlet"] = record.get("outlet") or outlet
    return (*job, "ok", record)


@dataclass
class ImportOptions:
    """What one import does. `outlets` empty means every outlet kliping knows; `keep_all` also
    keeps pages of other hosts (generic cleaner)."""

    paths: list[Path]
    db: str = DEFAULT_DB
    outlets: list[str] = field(default_factory=list)
    keep_all: bool = False
    workers: int = 1


def import_archives(
    options: ImportOptions, progress: Callable[[WarcFile, int], None] | None = None
) -> ImportReport:
    """The archives into `options.db`, the store lock held (a PostgreSQL store has none to take).
    Raises scraper.lock.Locked or scraper.store.StoreError."""
    from ..lock import StoreLock
    from ..store import open_store

    with StoreLock(options.db), open_store(options.db) as store:
        importer = Importer(store, outlets=options.outlets, keep_all=options.keep_all,
                            workers=options.workers)  # fmt: skip
        return importer.run(options.paths, progress)
