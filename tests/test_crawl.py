"""The crawler against a real local server serving a mirror built from fixtures/: real Scrapy
processes, a real SQLite store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, kliping, stored_count

from cleaners.article import METADATA_FIELDS
from cleaners.fixtures import split_fixtures
from cleaners.sites import article_key
from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import Store


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    info = build_mirror(tmp_path_factory.mktemp("mirror"))
    with MirrorServer(info.root) as server:
        yield info, server


def crawl(server, db: Path, *extra: str) -> subprocess.CompletedProcess:
    result = kliping("crawl", "--mirror", server.base, "--db", str(db), *extra)
    assert result.returncode == 0, result.stderr
    return result


def expected(fixture_dir: str) -> tuple[str, dict]:
    folder = Path(fixture_dir)
    meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return (folder / "expected.txt").read_text(encoding="utf-8"), meta


def test_every_article_stored_once_with_expected_text(mirror, tmp_path):
    info, server = mirror
    db = tmp_path / "k.db"
    result = crawl(server, db)
    assert "total" in result.stdout
    with Store(db) as store:
        stored = {a["url"]: a for a in store.iter_articles()}
        assert set(stored) == set(info.articles)
        for url, fixture_dir in info.articles.items():
            if fixture_dir is None:
                continue
            text, meta = expected(fixture_dir)
            assert stored[url]["text"] == text, url
            assert {k: stored[url][k] for k in meta} == meta, url
            assert store.raw_pages(url), url
        for url in info.non_articles:
            assert url not in stored


def test_second_crawl_requests_no_article_and_stores_nothing(mirror, tmp_path):
    info, server = mirror
    db = tmp_path / "k.db"
    crawl(server, db)
    server.reset_hits()
    result = crawl(server, db)
    for url in info.articles:
        assert server.hits_for(url) == 0, url
        assert server.hits_for(url + "?page=all") == 0, url
    with Store(db) as store:
        assert store.count() == len(info.articles)
    total = next(line for line in result.stdout.splitlines() if line.startswith("total"))
    assert total.split()[2] == "0"  # new
    assert total.split()[3] == str(len(info.articles))  # already stored


def test_split_article_without_whole_view_is_followed_and_merged(mirror, tmp_path):
    info, server = mirror
    split = [u for u, d in info.articles.items() if d and f"{u}?page=2" in info.pages]
    assert split, "the fixtures hold split articles"
    # Tempo and CNN Indonesia have no whole view at all: their `?page_num=N` and `/slug/N`
    # pages (Site.page_param) are followed.
    splits = split_fixtures()
    no_view = [f.url for f in splits]
    assert no_view and all(f.pages[1].url in info.pages for f in splits)
    for url in split:
        server.replace(url + "?page=all", b"<html><body>Not found</body></html>", status=404)
    try:
        db = tmp_path / "k.db"
        crawl(server, db, "tribunnews", "kontan", *{f.outlet for f in splits})
        with Store(db) as store:
            for url in split + no_view:
                text, meta = expected(info.articles[url])
                stored = store.get(url)
                assert stored["text"] == text
                assert {k: stored[k] for k in meta} == meta, url
                assert len(store.raw_pages(url)) > 1  # pages followed, not the whole view
            assert all(article_key(a["url"]) == a["url"] for a in store.iter_articles())
    finally:
        for url in split:
            server.replace(url + "?page=all", None)


def test_max_articles_limits_a_run(mirror, tmp_path):
    _, server = mirror
    db = tmp_path / "k.db"
    crawl(server, db, "kontan", "--max-articles", "1")
    with Store(db) as store:
        assert store.count("kontan") == 1


def test_scrapy_feed_export_gives_clean_articles(mirror, tmp_path):
    info, server = mirror
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "kontan", "-O", str(out),
         "-s", f"KLIPING_DB={tmp_path / 'k.db'}", "-s", f"KLIPING_MIRROR={server.base}"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kontan = {u for u in info.articles if "kontan.co.id" in u}
    assert {r["url"] for r in rows} == kontan
    assert all(list(r) == [*METADATA_FIELDS, "text"] for r in rows)


def test_crawl_killed_midway_restarts_to_every_article_once(tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=400)
    db = tmp_path / "k.db"
    with MirrorServer(info.root) as server:
        args = [sys.executable, "-m", "scraper", "crawl", "--mirror", server.base, "--db", str(db)]
        process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(db) < 50:
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        killed_at = stored_count(db)
        assert 0 < killed_at < len(info.articles), "the kill came mid-crawl"
        crawl(server, db)  # healthy: the killed pass's partial set is no drift baseline
    with Store(db) as store:
        assert store.count() == len(info.articles)
        assert store.integrity_check() == []


def test_demo_runs_offline_to_the_end(tmp_path):
    result = kliping("demo", "--dir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    assert "next, try:" in result.stdout and "kliping runs --db" in result.stdout
    lines = (tmp_path / "demo" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 15
    assert "total" in result.stdout and "exported" in result.stdout


def test_reclean_rebuilds_texts_from_the_raw_pages(mirror, tmp_path):
    info, server = mirror
    db = tmp_path / "k.db"
    crawl(server, db, "kontan")
    url = next(u for u in info.articles if "kontan.co.id" in u)
    with Store(db) as store:
        good = store.get(url)
        stale = {k: good[k] for k in (*METADATA_FIELDS, "text")}
        stale["text"] = "teks lama dari pembersih yang sudah diperbaiki\n"
        assert store.update_text(url, stale)
    result = kliping("reclean", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 changed" in result.stdout
    with Store(db) as store:
        assert store.get(url)["text"] == good["text"]


def test_export_writes_every_format(mirror, tmp_path):
    _, server = mirror
    db = tmp_path / "k.db"
    crawl(server, db, "riau24")
    for fmt, out in (("jsonl", "a.jsonl"), ("csv", "a.csv"), ("txt", "txt")):
        result = kliping("export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / out))
        assert result.returncode == 0, result.stderr
    rows = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(list((tmp_path / "txt").rglob("*.txt"))) >= 3


def test_since_skips_older_articles(mirror, tmp_path):
    _, server = mirror
    db = tmp_path / "k.db"
    crawl(server, db, "tribunnews", "--since", "2100-01-01")
    with Store(db) as store:
        assert store.count() == 0
