"""`kliping runs` and `kliping health`: what the last passes did, and which outlets need care."""

from __future__ import annotations

import argparse

from . import CliError, add_command, add_db, open_store

WIDTH = 100  # a terminal of 100 columns holds every line

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
    limit = _positive("--limit", args.limit)
    with open_store(args.db) as store:
        runs = store.recent_runs(limit)
    if not runs:
        print("no passes recorded yet")
        return 0
    print(f"{'run':>5}  {'started (UTC)':<19}  {'took':>7}  {'finish':<11} {'new':>6} {'failed':>6}"
          "  HTTP status:count")  # fmt: skip
    for run in runs:
        print(_fit(_run_line(run)))
        for name, stats in run["per_outlet"].items():
            print(_fit(f"{'':>7}{name:<12} {stats['new']:>6} new {stats['failed']:>6} failed  "
                       f"{stats.get('health') or '?':<12} {_statuses(stats['status_counts'])}"))  # fmt: skip
    return 0


def _run_line(run: dict) -> str:
    stats = run["per_outlet"].values()
    counts: dict[int, int] = {}
    for s in stats:
        for status, n in (s.get("status_counts") or {}).items():
            counts[int(status)] = counts.get(int(status), 0) + n
    new, failed = sum(s["new"] for s in stats), sum(s["failed"] for s in stats)
    return (f"{run['id']:>5}  {_time(run['started_at']):<19}  "
            f"{_took(run['started_at'], run['ended_at']):>7}  "
            f"{run['finish_reason'] or 'running?':<11} {new:>6} {failed:>6}  {_statuses(counts)}")  # fmt: skip


def _statuses(counts: dict) -> str:
    return " ".join(f"{k}:{counts[k]}" for k in sorted(counts, key=int)) or "-"


def _took(started: str | None, ended: str | None) -> str:
    from datetime import datetime

    if not started or not ended:
        return "-"
    try:
        seconds = int(
            (datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()
        )
    except ValueError:
        return "?"
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    return (
        f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
    )


def _fit(line: str) -> str:
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def run_health(args: argparse.Namespace) -> int:
    passes = _positive("--passes", args.passes)
    with open_store(args.db) as store:
        runs = store.recent_runs(passes)
        samples = store.drift_samples()
    if not runs:
        print("no passes recorded yet")
        return 0
    outlets = list(dict.fromkeys(o for run in runs for o in run["per_outlet"]))
    ids = [run["id"] for run in reversed(runs)]
    print(f"{'outlet':<12} " + " ".join(f"{'#' + str(i):>12}" for i in ids) + "  latest")
    for outlet in outlets:
        cells, latest = [], None
        for run in reversed(runs):
            stats = run["per_outlet"].get(outlet)
            cells.append(f"{(stats or {}).get('health') or '-':>12}")
            latest = stats or latest
        reason = (latest or {}).get("health_reason") or ""
        print(f"{outlet:<12} " + " ".join(cells) + f"  {reason}")
    _print_samples(samples)
    return 0


def _print_samples(samples: list[dict]) -> None:
    if not samples:
        return
    print("\npages to fix cleaners from (drift samples, newest last):")
    for sample in samples[-10:]:
        print(f"  {sample['outlet']}: {sample['url']}\n    {sample['reason']}")
    print("turn one into a fixture: kliping fixture add --from-db URL")


def _time(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:19] if stamp else "-"
