"""Drift samples in SQL, shared by the backends: pages whose cleaning looked wrong, kept
compressed with the reason, so a changed layout can become a fixture (``kliping fixture add``)."""

from __future__ import annotations

from typing import Any

from .codecs import compress_html, decompress_html, now_utc
from .schema import DRIFT_FIELDS


class DriftQueries:
    """The drift-sample methods of :class:`~scraper.store.base.Store`."""

    def add_drift_sample(
        self,
        outlet: str,
        url: str,
        reason: str,
        raw_html: str | bytes | None,
        run_id: int | None = None,
    ) -> int:
        blob = compress_html(raw_html)
        with self._write() as conn:
            return self._insert_id(
                conn,
                "INSERT INTO drift_samples (run_id, outlet, url, reason, raw_html, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, outlet, url, reason, blob, now_utc()),
            )

    def drift_samples(
        self, outlet: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(DRIFT_FIELDS)} FROM drift_samples"
        params: list[Any] = []
        if outlet is not None:
            sql += " WHERE outlet = ?"
            params.append(outlet)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        samples = []
        for row in rows:
            sample = dict(zip(DRIFT_FIELDS, row, strict=True))
            sample["raw_html"] = decompress_html(sample["raw_html"])
            samples.append(sample)
        return samples
