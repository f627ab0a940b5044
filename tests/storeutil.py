"""Reading a store from outside while a crawl writes it (tests that kill or stop crawls)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def stored_count(db: Path) -> int:
    """Rows in the store, read-only; 0 while it does not exist yet or is busy."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
