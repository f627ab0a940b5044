"""What the recent crawl passes did, as `kliping runs` and `kliping health` show it: each pass
with its totals and HTTP status counts, a line per outlet; each outlet's health across passes
and the drift samples to fix cleaners from. Every line fits 100 columns."""

from __future__ import annotations

from datetime import datetime

from .store import Store

WIDTH = 100  # a terminal of 100 columns holds every line
NO_PASSES = "no passes recorded yet"


def runs_report(store: Store, limit: int) -> str:
    """The last `limit` passes, newest first."""
    runs = store.recent_runs(limit)
    if not runs:
        return NO_PASSES
    lines = [f"{'run':>5}  {'started (UTC)':<19}  {'took':>7}  {'finish':<11} {'new':>6} "
             f"{'failed':>6}  HTTP status:count"]  # fmt: skip
    for run in runs:
        lines.append(_fit(_run_line(run)))
        for name, stats in run["per_outlet"].items():
            lines.append(_fit(f"{'':>7}{name:<12} {stats['new']:>6} new {stats['failed']:>6} "
                              f"failed  {stats.get('health') or '?':<12} "
                              f"{_statuses(stats['status_counts'])}"))  # fmt: skip
    return "\n".join(lines)


def health_report(store: Store, passes: int) -> str:
    """Each outlet's health in the last `passes` passes, oldest first, and the drift samples."""
    runs = store.recent_runs(passes)
    samples = store.drift_samples()
    if not runs:
        return NO_PASSES
    outlets = list(dict.fromkeys(o for run in runs for o in run["per_outlet"]))
    ids = [run["id"] for run in reversed(runs)]
    lines = [f"{'outlet':<12} " + " ".join(f"{'#' + str(i):>12}" for i in ids) + "  latest"]
    for outlet in outlets:
        cells, latest = [], None
        for run in reversed(runs):
            stats = run["per_outlet"].get(outlet)
            cells.append(f"{(stats or {}).get('health') or '-':>12}")
            latest = stats or latest
        reason = (latest or {}).get("health_reason") or ""
        lines.append(f"{outlet:<12} " + " ".join(cells) + f"  {reason}")
    return "\n".join(lines + _sample_lines(samples))


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


def _sample_lines(samples: list[dict]) -> list[str]:
    if not samples:
        return []
    lines = ["\npages to fix cleaners from (drift samples, newest last):"]
    for sample in samples[-10:]:
        lines.append(f"  {sample['outlet']}: {sample['url']}\n    {sample['reason']}")
    return [*lines, "turn one into a fixture: kliping fixture add --from-db URL"]


def _time(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:19] if stamp else "-"
