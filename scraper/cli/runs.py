"""`kliping runs` and `kliping health`: what the last passes did, and which outlets need care."""

from __future__ import annotations

import argparse

from ..store import DEFAULT_DB
from . import open_store


def add_parser(sub) -> None:
    runs = sub.add_parser("runs", help="list the recent crawl passes")
    runs.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    runs.add_argument("--limit", type=int, default=10, help="how many passes (default 10)")
    runs.set_defaults(run=run_runs)
    health = sub.add_parser("health", help="each outlet's health over the last passes")
    health.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    health.add_argument("--passes", type=int, default=5, help="how many passes (default 5)")
    health.set_defaults(run=run_health)


def run_runs(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        runs = store.recent_runs(args.limit)
    if not runs:
        print("no passes recorded yet")
        return 0
    print(f"{'run':>5}  {'started (UTC)':<20} {'ended':<20} {'finish':<12} outlets")
    for run in runs:
        outlets = ", ".join(
            f"{name} {s['new']} new/{s['failed']} failed {s.get('health') or '?'}"
            for name, s in run["per_outlet"].items()
        )
        print(f"{run['id']:>5}  {_time(run['started_at']):<20} {_time(run['ended_at']):<20} "
              f"{run['finish_reason'] or 'running?':<12} {outlets or '-'}")  # fmt: skip
    return 0


def run_health(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        runs = store.recent_runs(args.passes)
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
