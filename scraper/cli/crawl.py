"""`kliping crawl [OUTLET ...]`: one crawl pass into the store, a summary at the end."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from ..store import DEFAULT_DB
from . import EXIT_FRONTIER, EXIT_STORE, EXIT_UNHEALTHY, EXIT_USAGE, CliError

KEEP_LOGS = 100  # pass logs kept in the log folder; older ones are pruned


def add_options(parser: argparse.ArgumentParser) -> None:
    from cleaners import SITES

    names = [s.name for s in SITES]
    parser.add_argument("outlets", nargs="*", metavar="OUTLET",
                        help=f"outlets to crawl (default: all of {', '.join(names)})")  # fmt: skip
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    parser.add_argument("--mirror", metavar="BASE",
                        help="send https://HOST/PATH?Q to BASE/HOST/PATH?Q (replays, tests, demo)")  # fmt: skip
    parser.add_argument("--max-articles", type=int, default=0, metavar="N",
                        help="at most N new articles per outlet in this run")  # fmt: skip
    parser.add_argument(
        "--since", metavar="DATE", help="skip articles dated before DATE (YYYY-MM-DD)"
    )
    parser.add_argument("--frontier", metavar="redis://HOST:PORT/DB",
                        help="share the pass with other workers: the queue and seen-set in Redis")  # fmt: skip
    parser.add_argument("--log-dir", metavar="DIR",
                        help="where the pass's log file goes (default: logs/ beside the store)")  # fmt: skip


def add_parser(sub) -> None:
    parser = sub.add_parser("crawl", help="crawl the outlets into the store (one pass)")
    add_options(parser)
    parser.set_defaults(run=run)


def check_args(args: argparse.Namespace) -> list[str]:
    """The outlets to crawl, after every option was checked (bad ones: CliError, exit 2)."""
    from cleaners import SITES

    names = [s.name for s in SITES]
    unknown = [o for o in args.outlets if o not in names]
    if unknown:
        raise CliError(f"unknown outlet {unknown[0]!r} (known: {', '.join(names)})", EXIT_USAGE)
    if args.since:
        try:
            date.fromisoformat(args.since)
        except ValueError:
            raise CliError(f"--since wants a date like 2025-07-13, not {args.since!r}") from None
    if args.mirror and not args.mirror.startswith(("http://", "https://")):
        raise CliError(f"--mirror wants an http(s) URL, not {args.mirror!r}")
    if args.max_articles < 0:
        raise CliError("--max-articles wants a number of 0 or more")
    check_frontier(getattr(args, "frontier", None))
    return list(dict.fromkeys(args.outlets)) or names


def check_frontier(url: str | None) -> None:
    """A bad --frontier URL is exit 2, a Redis that does not answer exit 7, before any work."""
    if url is None:
        return
    from ..frontier import FrontierError, connect, parse_frontier_url

    try:
        config = parse_frontier_url(url)
    except FrontierError as error:
        raise CliError(str(error), EXIT_USAGE) from None
    try:
        connect(config).close()
    except FrontierError as error:
        raise CliError(str(error), EXIT_FRONTIER) from None


def run(args: argparse.Namespace) -> int:
    from ..lock import Locked, StoreLock

    outlets = check_args(args)
    try:
        with StoreLock(args.db, worker=bool(args.frontier)):
            return crawl_pass(args, outlets)
    except Locked as error:
        raise CliError(str(error), EXIT_STORE) from None


def crawl_pass(args: argparse.Namespace, outlets: list[str]) -> int:
    """One pass, the lock held: record the run, crawl, record the outcome, print the summary."""
    from ..crawl import crawl_settings, print_progress, run_crawl, summary_table
    from ..health import UNHEALTHY
    from ..store import StoreError, is_postgres_url, open_store

    # A PostgreSQL URL stays a string (a Path would fold its "//").
    db = args.db if is_postgres_url(args.db) else Path(args.db)
    log_file = _log_file(db, args.log_dir)
    try:
        with open_store(db) as store:
            run_id = store.start_run(outlets, {k: v for k, v in vars(args).items() if k != "run"})
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    extra = {"KLIPING_FRONTIER": args.frontier} if getattr(args, "frontier", None) else None
    settings = crawl_settings(db, args.mirror, args.max_articles, args.since, log_file, run_id,
                              extra)  # fmt: skip
    reports = run_crawl(outlets, settings, progress=print_progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    reason = _finish_reason(reports)
    unrecorded = None
    try:
        with open_store(db) as store:
            store.finish_run(run_id, reason, {r.outlet: r.as_dict() for r in reports})
    except StoreError as error:  # disk full at the very end: the articles are stored already
        unrecorded = error
    print(summary_table(reports))
    print(f"store: {db}  log: {log_file}")
    if unrecorded:
        raise CliError(f"the run could not be recorded in the store: {unrecorded}", EXIT_STORE)
    if any(r.finish_reason == "frontier_lost" for r in reports):
        raise CliError(f"the frontier's Redis went away mid-pass; what was stored is kept, the "
                       f"next pass takes up the rest (see {log_file})", EXIT_FRONTIER)  # fmt: skip
    store_error = next((r for r in reports if r.finish_reason == "store_error"), None)
    if store_error:
        raise CliError(f"the store could not be written ({db}); see {log_file}", EXIT_STORE)
    if reason == "interrupted":
        raise CliError("interrupted: the pass stopped early; what was stored is kept", 130)
    unhealthy = [f"{r.outlet} {r.health}" for r in reports if r.health in UNHEALTHY]
    if unhealthy:
        raise CliError("unhealthy outlets: " + ", ".join(unhealthy) + " (see kliping health)",
                       EXIT_UNHEALTHY)  # fmt: skip
    return 0


def _finish_reason(reports) -> str:
    reasons = {r.finish_reason for r in reports}
    if "shutdown" in reasons:
        return "interrupted"
    return "finished" if reasons <= {"finished"} else ",".join(sorted(reasons))


def _log_file(db: Path | str, log_dir: str | None) -> Path:
    if log_dir:
        folder = Path(log_dir)
    else:  # beside a SQLite file; for a PostgreSQL store, logs/ here
        folder = db.parent / "logs" if isinstance(db, Path) else Path("logs")
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("crawl-*.log"))[:-KEEP_LOGS]:
        old.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return folder / f"crawl-{stamp}.log"
