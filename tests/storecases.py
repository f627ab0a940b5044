"""Helpers of the store tests: a full article, and reading a store behind its back (sqlite3 for a
file, psycopg for a PostgreSQL URL) to check what the columns really hold."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from cleaners.article import Article

URL = "https://internasional.kontan.co.id/news/kim-jong-un-dukung-penuh-rusia"


def make_article(url: str | None = URL, outlet: str = "kontan", **changes: Any) -> dict:
    """A full Article.to_dict(): every metadata field set to something other than its default."""
    fields = {
        "paragraphs": [
            "KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un “mendukung penuh” Rusia.",
            "Pesan itu disampaikan di Hari Nasional Rusia.",
        ],
        "title": "Kim Jong Un Dukung Penuh Rusia",
        "url": url,
        "outlet": outlet,
        "published": "2025-06-13T10:30:00+07:00",
        "updated": "2025-06-13T11:00:00+07:00",
        "authors": ["Yunita Rahmayanti", "Burung Hantu"],
        "editor": "Handoyo",
        "source": "Reuters",
        "section": "Internasional",
        "tags": ["Korea Utara", "Rusia"],
        "description": "Kim Jong Un mengatakan Korea Utara memberi dukungan penuh.",
        "language": "id",
        "images": [{"url": "https://img.kontan.co.id/a.jpg", "caption": "Kim – di Pyongyang"}],
        "method": "site",
    }
    fields.update(changes)
    return Article(**fields).to_dict()


def iso_utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0
    return parsed


def behind_the_back(target: str, sql: str, params: tuple = ()) -> list[tuple]:
    """Run ``sql`` (``?`` placeholders) on the store's database with its own connection."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)
            rows = cursor.fetchall() if cursor.description else []
            return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]
    conn = sqlite3.connect(target)
    try:
        rows = conn.execute(sql, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()
