"""Crawl runs in SQL, shared by the backends: one row per run, one per outlet of a run with its
counters, HTTP status counts and health (what ``kliping runs`` and ``kliping health`` read)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .codecs import dumps, now_utc, status_keys
from .schema import RUN_COUNTERS, RUN_OUTLET_FIELDS

_UPSERT_OUTLET = (
    f"INSERT INTO run_outlets (run_id, outlet, {', '.join(RUN_COUNTERS)}, status_counts, health,"
    f" health_reason, extra) VALUES ({', '.join('?' * (len(RUN_COUNTERS) + 6))})"
    " ON CONFLICT (run_id, outlet) DO UPDATE SET "
    + ", ".join(
        f"{key} = excluded.{key}"
        for key in (*RUN_COUNTERS, "status_counts", "health", "health_reason", "extra")
    )
)


def _outlet_row(run_id: int, outlet: str, stats: dict[str, Any]) -> tuple[Any, ...]:
    extra = {k: v for k, v in stats.items() if k not in RUN_OUTLET_FIELDS}
    return (
        run_id,
        outlet,
        *(int(stats.get(key) or 0) for key in RUN_COUNTERS),
        dumps(stats.get("status_counts") or {}),
        stats.get("health"),
        stats.get("health_reason"),
        dumps(extra) if extra else None,
    )


def _outlet_stats(row: tuple[Any, ...]) -> dict[str, Any]:
    stats = dict(zip(RUN_COUNTERS, row[: len(RUN_COUNTERS)], strict=True))
    status, health, health_reason, extra = row[len(RUN_COUNTERS) :]
    stats["status_counts"] = status_keys(json.loads(status))
    stats["health"] = health
    stats["health_reason"] = health_reason
    if extra:
        stats.update(json.loads(extra))
    return stats


class RunQueries:
    """The run methods of :class:`~scraper.store.base.Store` over a backend's connection."""

    _rowid: str

    def start_run(self, outlets: Iterable[str], args: Any = None) -> int:
        with self._write() as conn:
            return self._insert_id(
                conn,
                "INSERT INTO runs (started_at, outlets, args) VALUES (?, ?, ?)",
                (now_utc(), dumps(list(outlets)), dumps(args)),
            )

    def finish_run(
        self, run_id: int, finish_reason: str, per_outlet: dict[str, dict[str, Any]]
    ) -> None:
        """Known keys: ``discovered``, ``new``, ``already``, ``site``, ``generic``, ``failed``
        (ints, default 0), ``status_counts`` (dict), ``health``, ``health_reason``; any other key
        is kept as JSON in ``extra`` and given back by :meth:`recent_runs`."""
        rows = [_outlet_row(run_id, outlet, stats) for outlet, stats in per_outlet.items()]
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE runs SET ended_at = ?, finish_reason = ? WHERE id = ?",
                (now_utc(), finish_reason, run_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(run_id)
            if rows:
                conn.executemany(_UPSERT_OUTLET, rows)

    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        outlet_sql = (
            f"SELECT outlet, {', '.join(RUN_COUNTERS)}, status_counts, health, health_reason,"
            f" extra FROM run_outlets WHERE run_id = ? ORDER BY {self._rowid}"
        )
        with self._read() as conn:
            runs = conn.execute(
                "SELECT id, started_at, ended_at, finish_reason, outlets, args FROM runs"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            result = []
            for run_id, started, ended, reason, outlets, args in runs:
                rows = conn.execute(outlet_sql, (run_id,)).fetchall()
                result.append(
                    {
                        "id": run_id,
                        "started_at": started,
                        "ended_at": ended,
                        "finish_reason": reason,
                        "outlets": json.loads(outlets),
                        "args": json.loads(args) if args is not None else None,
                        "per_outlet": {row[0]: _outlet_stats(tuple(row[1:])) for row in rows},
                    }
                )
            return result
