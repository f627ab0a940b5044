"""`kliping reclean --workers N`: N processes clean, the parent streams from the store and writes,
and the store ends exactly as with one worker. On a real store: the demo's (a real crawl of the
bundled fixtures), its texts made stale as an older cleaner would have left them."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing

from conftest import kliping

from cleaners.article import METADATA_FIELDS
from scraper.store import Store


def _rows(db) -> list[tuple]:
    """Every article and its story features, without the write time (each run writes its own)."""
    with closing(sqlite3.connect(db)) as conn:
        columns = [
            r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "updated_at"
        ]
        articles = conn.execute(
            f"SELECT {', '.join(columns)} FROM articles ORDER BY url"
        ).fetchall()
        features = conn.execute("SELECT * FROM story_features ORDER BY url").fetchall()
    return articles + features


def _texts(db) -> dict[str, tuple]:
    with Store(db) as store:
        return {a["url"]: tuple(a.get(k) for k in (*METADATA_FIELDS, "text"))
                for a in store.iter_articles()}  # fmt: skip


def test_two_workers_reclean_the_demo_store_exactly_as_one(tmp_path):
    demo = kliping("demo", "--dir", str(tmp_path / "demo"), timeout=600)
    assert demo.returncode == 0, demo.stderr[-2000:]
    db = tmp_path / "demo" / "kliping.db"
    fresh = _texts(db)
    assert len(fresh) >= 15
    with Store(db) as store:  # what an older cleaner left: a stale text and title everywhere
        stale = [(url, {**dict(zip((*METADATA_FIELDS, "text"), values, strict=True)),
                        "title": "judul lama", "text": "teks lama\n"})
                 for url, values in fresh.items()]  # fmt: skip
        assert store.update_texts(stale) == len(fresh)
    copies = {}
    for workers in (1, 2):
        copies[workers] = tmp_path / f"w{workers}.db"
        with closing(sqlite3.connect(db)) as src, closing(sqlite3.connect(copies[workers])) as dst:
            src.backup(dst)
        result = kliping("reclean", "--db", str(copies[workers]), "--workers", str(workers))
        assert result.returncode == 0, result.stderr
        assert f"{len(fresh)} articles recleaned: {len(fresh)} changed" in result.stdout
        assert _texts(copies[workers]) == fresh  # today's cleaners again, as the crawl stored
    assert _rows(copies[1]) == _rows(copies[2])


def test_reclean_workers_default_to_the_cores_and_refuse_zero(tmp_path):
    db = tmp_path / "k.db"
    with Store(db):
        pass
    refused = kliping("reclean", "--db", str(db), "--workers", "0")
    assert refused.returncode == 2 and "--workers" in refused.stderr
    assert "Traceback" not in refused.stderr
    helped = kliping("reclean", "--help")
    assert f"here {os.cpu_count()}" in helped.stdout
