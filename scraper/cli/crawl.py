"""`kliping crawl [OUTLET ...]`: one crawl pass into the store, a summary at the end."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..passes import CrawlOptions, PassResult
from . import (
    EXIT_FRONTIER,
    EXIT_INTERRUPTED,
    EXIT_STORE,
    EXIT_UNHEALTHY,
    EXIT_USAGE,
    CliError,
    add_command,
    add_db,
)


def add_options(parser: argparse.ArgumentParser) -> None:
    from cleaners import SITES

    names = [s.name for s in SITES]
    parser.add_argument("outlets", nargs="*", metavar="OUTLET",
                        help=f"outlets to crawl (default: all of {', '.join(names)})")  # fmt: skip
    add_db(parser)
    parser.add_argument("--mirror", metavar="BASE",
                        help="send https://HOST/PATH?Q to BASE/HOST/PATH?Q (replays, tests, demo)")  # fmt: skip
    parser.add_argument("--max-articles", type=int, default=0, metavar="N",
                        help="at most N new articles per outlet in this run (default 0: no "
                        "limit)")  # fmt: skip
    parser.add_argument(
        "--since", metavar="DATE", help="skip articles dated before DATE (YYYY-MM-DD)"
    )
    parser.add_argument("--frontier", metavar="redis://HOST:PORT/DB",
                        help="share the pass with other workers: the queue and seen-set in Redis")  # fmt: skip
    parser.add_argument("--log-dir", metavar="DIR",
                        help="where the pass's log file goes (default: logs/ beside the store)")  # fmt: skip


EXAMPLES = """\
examples:
  kliping crawl                                 all outlets into data/kliping.db
  kliping crawl kontan tribunnews --db news.db --max-articles 50 --since 2025-07-01
  kliping crawl --mirror http://127.0.0.1:8000  replay a saved mirror

exit codes: 5 an outlet blocked, unreachable or degraded; 6 the store locked or not writable;
130 interrupted (what was stored is kept)."""


def add_parser(sub) -> None:
    parser = add_command(sub, "crawl", "crawl the outlets into the store (one pass)",
                         "One polite crawl pass: discover each outlet's new articles, fetch, "
                         "clean and store them, then print a summary per outlet.", EXAMPLES)  # fmt: skip
    add_options(parser)
    parser.set_defaults(run=run)


def options_from(args: argparse.Namespace) -> CrawlOptions:
    """The pass's options, after every one was checked (bad ones: CliError, exit 2)."""
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
    check_frontier(args.frontier)
    return CrawlOptions(outlets=list(args.outlets), db=args.db, mirror=args.mirror,
                        max_articles=args.max_articles, since=args.since, log_dir=args.log_dir,
                        frontier=args.frontier)  # fmt: skip


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
    return run_pass(options_from(args))


def run_pass(options: CrawlOptions) -> int:
    """Crawl, print the summary; the exit code says how the pass went."""
    from ..crawl import ProgressLine
    from ..lock import Locked
    from ..passes import crawl_pass
    from ..store import StoreError

    try:
        result = crawl_pass(options, progress=ProgressLine())
    except (Locked, StoreError) as error:
        raise CliError(str(error), EXIT_STORE) from None
    if sys.stderr.isatty():  # end the progress line
        sys.stderr.write("\n")
    return report(result)


def report(result: PassResult) -> int:
    from ..crawl import summary_table

    print(summary_table(result.reports))
    print(f"store: {result.db}  log: {result.log_file}")
    if result.unrecorded:
        raise CliError(f"the run could not be recorded in the store: {result.unrecorded}",
                       EXIT_STORE)  # fmt: skip
    if any(r.finish_reason == "frontier_lost" for r in result.reports):
        raise CliError("the frontier's Redis went away mid-pass; what was stored is kept, the "
                       f"next pass takes up the rest (see {result.log_file})", EXIT_FRONTIER)  # fmt: skip
    if result.store_failed:
        raise CliError(f"the store could not be written ({result.db}); see {result.log_file}",
                       EXIT_STORE)  # fmt: skip
    if result.interrupted:
        raise CliError("interrupted: the pass stopped early; what was stored is kept",
                       EXIT_INTERRUPTED)  # fmt: skip
    unhealthy = [f"{r.outlet} {r.health}" for r in result.unhealthy()]
    if unhealthy:
        raise CliError("unhealthy outlets: " + ", ".join(unhealthy) + " (see kliping health)",
                       EXIT_UNHEALTHY)  # fmt: skip
    return 0
