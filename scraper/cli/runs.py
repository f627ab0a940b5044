"""`kliping runs` and `kliping health`: what the last passes did, and which outlets need care."""

from __future__ import annotations

import argparse

from . import CliError, add_command, add_db, open_store

RUNS_EXAMPLES = """\
examples:
  kliping runs                         the last 10 passes of data/kliping.db
  kliping runs --db news.db --limit 3

Each pass: when it ran, how it finished, new and failed articles, the HTTP status counts
(status:count); under it one line per outlet with its health."""

HEALTH_EXAMPLES = """\
examples:
  kliping health                       the last 5 passes of data/kliping.db
  kliping health --db news.db --passes 10

Health: ok, idle (nothing new), blocked (403/429, challenge pages), unreachable (no discovery
source answered), degraded (generic fallback, short bodies, missing fields), interrupted."""


def add_parser(sub) -> None:
    runs = add_command(sub, "runs", "list the recent crawl passes",
                       "What the recent crawl passes did, newest first.", RUNS_EXAMPLES)  # fmt: skip
    add_db(runs)
    runs.add_argument("--limit", type=int, default=10, metavar="N", help="how many passes")
    runs.set_defaults(run=run_runs)
    health = add_command(sub, "health", "each outlet's health over the last passes",
                         "Each outlet's health in the recent passes, and the pages that made an "
                         "outlet degraded (drift samples).", HEALTH_EXAMPLES)  # fmt: skip
    add_db(health)
    health.add_argument("--passes", type=int, default=5, metavar="N", help="how many passes")
    health.set_defaults(run=run_health)


def _positive(flag: str, value: int) -> int:
    if value < 1:
        raise CliError(f"{flag} wants a number of passes of 1 or more, not {value}")
    return value


def run_runs(args: argparse.Namespace) -> int:
    from ..run_reports import runs_report

    limit = _positive("--limit", args.limit)
    with open_store(args.db) as store:
        print(runs_report(store, limit))
    return 0


def run_health(args: argparse.Namespace) -> int:
    from ..run_reports import health_report

    passes = _positive("--passes", args.passes)
    with open_store(args.db) as store:
        print(health_report(store, passes))
    return 0
