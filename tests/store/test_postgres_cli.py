"""`--db postgresql://...` wherever a store is taken: a real crawl of the loopback mirror into a
real PostgreSQL server, then the commands that read it (export, runs, health, reclean)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import kliping
from pgserver import PostgresServer

from cleaners.article import METADATA_FIELDS
from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import open_store


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    info = build_mirror(tmp_path_factory.mktemp("mirror"))
    with MirrorServer(info.root) as server:
        yield info, server


def test_crawl_export_runs_health_reclean_on_postgres(
    mirror, pg_server: PostgresServer, tmp_path: Path
) -> None:
    info, server = mirror
    db = pg_server.database()
    # Nothing crawled yet: the read commands refuse the empty database instead of setting it up.
    refused = kliping("runs", "--db", db)
    assert refused.returncode == 6 and "not a kliping store" in refused.stderr, refused.stderr

    log_dir = tmp_path / "logs"
    crawled = kliping("crawl", "riau24", "kontan", "--mirror", server.base, "--db", db,
                      "--log-dir", str(log_dir))  # fmt: skip
    assert crawled.returncode == 0, crawled.stderr
    assert list(log_dir.glob("crawl-*.log"))
    wanted = {u for u in info.articles if "riau24.com" in u or "kontan.co.id" in u}
    with open_store(db) as store:
        assert {a["url"] for a in store.iter_articles()} == wanted
        assert all(store.raw_pages(url) for url in wanted)

    again = kliping("crawl", "riau24", "kontan", "--mirror", server.base, "--db", db,
                    "--log-dir", str(log_dir))  # fmt: skip
    assert again.returncode == 0, again.stderr
    total = next(line for line in again.stdout.splitlines() if line.startswith("total"))
    assert total.split()[2] == "0"  # incremental: nothing new

    out = tmp_path / "a.jsonl"
    exported = kliping("export", "--db", db, "--format", "jsonl", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert {json.loads(line)["url"] for line in out.read_text().splitlines()} == wanted

    runs = kliping("runs", "--db", db)
    assert runs.returncode == 0, runs.stderr
    assert "riau24" in runs.stdout and "kontan" in runs.stdout
    health = kliping("health", "--db", db)
    assert health.returncode == 0, health.stderr
    assert "riau24" in health.stdout

    url = next(u for u in sorted(wanted) if "kontan.co.id" in u)
    with open_store(db) as store:
        good = store.get(url)
        stale = {k: good[k] for k in (*METADATA_FIELDS, "text")}
        stale["text"] = "teks lama\n"
        assert store.update_text(url, stale)
    recleaned = kliping("reclean", "--db", db)
    assert recleaned.returncode == 0, recleaned.stderr
    assert "1 changed" in recleaned.stdout
    with open_store(db) as store:
        assert store.get(url)["text"] == good["text"]
