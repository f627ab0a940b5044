"""One crawl pass as a library call: take the store lock, record the run, crawl, record the
outcome. `kliping crawl`, `kliping demo` and the scheduler's children all come through here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .crawl import OutletReport
from .store import DEFAULT_DB

KEEP_LOGS = 100  # pass logs kept in the log folder; older ones are pruned


@dataclass
class CrawlOptions:
    """What one pass does. `outlets` empty means every outlet; `max_articles` 0 means no limit."""

    outlets: list[str] = field(default_factory=list)
    db: str = DEFAULT_DB
    mirror: str | None = None
    max_articles: int = 0
    since: str | None = None  # YYYY-MM-DD: articles dated before are skipped
    log_dir: str | None = None  # default: logs/ beside the store

    def outlet_names(self) -> list[str]:
        from cleaners import SITES

        return list(dict.fromkeys(self.outlets)) or [s.name for s in SITES]


@dataclass
class PassResult:
    """What a pass did. `unrecorded` is why the run's outcome could not be written, if it could
    not (the articles are stored already)."""

    run_id: int
    db: Path | str  # a SQLite file, or a PostgreSQL URL
    log_file: Path
    reason: str  # finished, interrupted, or the spiders' finish reasons joined
    reports: list[OutletReport]
    unrecorded: str | None = None

    @property
    def store_failed(self) -> bool:
        return any(r.finish_reason == "store_error" for r in self.reports)

    @property
    def interrupted(self) -> bool:
        return self.reason == "interrupted"

    def unhealthy(self) -> list[OutletReport]:
        from .health import UNHEALTHY

        return [r for r in self.reports if r.health in UNHEALTHY]


def crawl_pass(
    options: CrawlOptions,
    progress: Callable[[list[OutletReport]], None] | None = None,
) -> PassResult:
    """One pass into `options.db`, the store lock held. Raises scraper.lock.Locked when another
    pass holds it, scraper.store.StoreError when the run cannot even be recorded."""
    from .lock import StoreLock

    with StoreLock(options.db):
        return _locked_pass(options, progress)


def _locked_pass(options: CrawlOptions, progress) -> PassResult:
    from .crawl import crawl_settings, run_crawl
    from .store import StoreError, is_postgres_url, open_store

    # A PostgreSQL URL stays a string (a Path would fold its "//").
    db = options.db if is_postgres_url(options.db) else Path(options.db)
    outlets = options.outlet_names()
    log_file = log_file_for(db, options.log_dir)
    with open_store(db) as store:
        run_id = store.start_run(outlets, asdict(options))
    settings = crawl_settings(
        db, options.mirror, options.max_articles, options.since, log_file, run_id
    )
    reports = run_crawl(outlets, settings, progress=progress)
    result = PassResult(run_id, db, log_file, finish_reason(reports), reports)
    try:
        with open_store(db) as store:
            store.finish_run(run_id, result.reason, {r.outlet: r.as_dict() for r in reports})
    except StoreError as error:  # disk full at the very end
        result.unrecorded = str(error)
    return result


def finish_reason(reports: list[OutletReport]) -> str:
    reasons = {r.finish_reason for r in reports}
    if "shutdown" in reasons:
        return "interrupted"
    return "finished" if reasons <= {"finished"} else ",".join(sorted(reasons))


def log_file_for(db: Path | str, log_dir: str | None) -> Path:
    """A fresh log file for a pass, the oldest pruned beyond KEEP_LOGS: beside a SQLite file;
    for a PostgreSQL store, logs/ here."""
    if log_dir:
        folder = Path(log_dir)
    else:
        folder = db.parent / "logs" if isinstance(db, Path) else Path("logs")
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("crawl-*.log"))[:-KEEP_LOGS]:
        old.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return folder / f"crawl-{stamp}.log"
