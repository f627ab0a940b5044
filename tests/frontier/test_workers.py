"""Many `kliping crawl` workers on one shared frontier (a real redis-server) and one store, against
the loopback mirror: one pass shared, each page fetched once, nothing lost to a SIGKILL, the
per-site delay held across workers, and the errors people see."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import REPO, kliping, stored_count
from redisserver import RedisServer, binary

from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import Store, open_store


def start_worker(server, db, frontier: str, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "scraper", "crawl", "--mirror", server.base, "--db", str(db),
            "--frontier", frontier, *extra]  # fmt: skip
    return subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def finish(worker: subprocess.Popen) -> tuple[int, str, str]:
    out, err = worker.communicate(timeout=300)
    return worker.returncode, out, err


def total_new(stdout: str) -> int:
    return int(next(ln for ln in stdout.splitlines() if ln.startswith("total")).split()[2])


def page_hits(server) -> dict[str, int]:
    """Requests per mirrored URL, robots.txt aside (each worker reads it for itself)."""
    return {k: n for k, n in server.hits.items() if not k.endswith("/robots.txt")}


def test_two_workers_share_one_pass_each_page_fetched_once(mirror, frontier, tmp_path):
    info, server = mirror
    server.reset_hits()
    db = tmp_path / "k.db"
    workers = [start_worker(server, db, frontier) for _ in range(2)]
    results = [finish(w) for w in workers]
    for code, _, err in results:
        assert code == 0, err[-2000:]
    with Store(db) as store:
        stored = [a["url"] for a in store.iter_articles()]
    assert sorted(stored) == sorted(info.articles)  # every article, once
    assert sum(total_new(out) for _, out, _ in results) == len(info.articles)
    # (How the work splits depends on when each worker is up; the delay test checks a split.)
    hits = page_hits(server)
    assert {k: n for k, n in hits.items() if n > 1} == {}  # articles, sitemaps, feeds: once

    # The next pass on the same frontier: incremental, no article page asked for again.
    server.reset_hits()
    code, out, err = finish(start_worker(server, db, frontier))
    assert code == 0, err[-2000:]
    assert total_new(out) == 0
    for url in info.articles:
        assert server.hits_for(url) + server.hits_for(url + "?page=all") == 0, url


def test_worker_killed_midway_loses_nothing(frontier, tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=150)
    db = tmp_path / "k.db"
    leased = frontier + "?lease=3"  # a dead worker's requests are free again after 3 s
    with MirrorServer(info.root) as server:
        victim, survivor = (start_worker(server, db, leased) for _ in range(2))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(db) < 40:
            time.sleep(0.05)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        killed_at = stored_count(db)
        assert 0 < killed_at < len(info.articles), "the kill came mid-pass"
        code, _, err = finish(survivor)
        assert code == 0, err[-2000:]
        # The survivor took back what the dead worker held once its leases ran out.
        with Store(db) as store:
            assert store.count() == len(info.articles)
        # And the next pass finds nothing left to do, nothing stored twice.
        code, out, err = finish(start_worker(server, db, leased))
        assert code == 0, err[-2000:]
        assert total_new(out) == 0
    with Store(db) as store:
        urls = [a["url"] for a in store.iter_articles()]
        assert sorted(urls) == sorted(info.articles)
        assert store.integrity_check() == []


@pytest.mark.slow
def test_next_pass_takes_what_a_lone_killed_worker_held(frontier, tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=300)
    db = tmp_path / "k.db"
    leased = frontier + "?lease=3"
    with MirrorServer(info.root) as server:
        victim = start_worker(server, db, leased)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(db) < 60:
            time.sleep(0.05)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        assert 0 < stored_count(db) < len(info.articles), "the kill came mid-pass"
        code, _, err = finish(start_worker(server, db, leased))
        assert code == 0, err[-2000:]
    with Store(db) as store:
        assert sorted(a["url"] for a in store.iter_articles()) == sorted(info.articles)


def test_site_delay_holds_across_workers(frontier, tmp_path):
    """Two workers (through `scrapy crawl`, to set the delay a loopback mirror otherwise drops)
    on one outlet: the mirror sees its requests per host at least the delay apart."""
    info = build_mirror(tmp_path / "mirror", synthetic=300)
    with MirrorServer(info.root) as server:
        _two_polite_workers(server, frontier, tmp_path)


def _two_polite_workers(server, frontier: str, tmp_path: Path) -> None:
    delay = 0.3
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "scrapy", "crawl", "tribunnews",
               "-s", f"KLIPING_DB={db}", "-s", f"KLIPING_MIRROR={server.base}",
               "-s", f"KLIPING_FRONTIER={frontier}", "-s", f"DOWNLOAD_DELAY={delay}",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY_JITTER=0"]  # fmt: skip
    workers = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
    for worker in workers:
        _, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
        taken = re.search(r"'frontier/taken': (\d+)", err)
        assert taken and int(taken.group(1)) >= 5, "both workers fetched a share"
    by_host: dict[str, list[float]] = defaultdict(list)
    for when, key in server.arrivals:
        by_host[key.split("/")[0]].append(when)
    times = by_host["www.tribunnews.com"]
    assert len(times) >= 20
    gaps = [b - a for a, b in zip(sorted(times), sorted(times)[1:], strict=False)]
    # Redis spaces the starts by the delay. On a loaded machine one arrival can come late, which
    # shortens the gap after it and lengthens the one before by as much, so a pair of gaps is
    # still two delays. Without the shared delay, two workers' interleaved requests give
    # pairs of about one delay.
    pairs = [a + b for a, b in pairwise(gaps)]
    assert min(gaps) >= delay * 0.5, sorted(gaps)[:5]
    assert min(pairs) >= 2 * delay * 0.85, sorted(pairs)[:5]
    with Store(db) as store:
        assert store.count("tribunnews") > 0


def test_bad_frontier_url_is_usage_error(tmp_path):
    for bad in ("http://127.0.0.1:6379/0", "redis://", "redis://host:port/0",
                "redis://127.0.0.1:6379/zero", "redis://127.0.0.1:6379/0?lease=soon"):  # fmt: skip
        result = kliping("crawl", "--db", str(tmp_path / "k.db"), "--frontier", bad)
        assert result.returncode == 2, (bad, result.stderr)
        assert result.stderr.count("\n") == 1 and "--frontier" in result.stderr, result.stderr
    assert not (tmp_path / "k.db").exists()


def test_unreachable_redis_is_one_line_exit_7(tmp_path):
    import socket

    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = kliping("crawl", "--db", str(tmp_path / "k.db"), "--frontier",
                     f"redis://127.0.0.1:{port}/0")  # fmt: skip
    assert result.returncode == 7, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # failed once in eight runs on a loaded machine, cause not yet known
def test_redis_gone_mid_pass_is_exit_7_and_the_next_pass_completes(redis_server, tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=150)
    db = tmp_path / "k.db"
    with MirrorServer(info.root) as server, RedisServer(binary()) as doomed:
        worker = start_worker(server, db, doomed.url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(db) < 40:
            time.sleep(0.05)
        doomed.process.kill()
        code, _, err = finish(worker)
        assert code == 7, err[-2000:]
        assert err.count("\n") == 1 and "went away mid-pass" in err, err
        assert 0 < stored_count(db) < len(info.articles)
        redis_server.client().flushall()  # another Redis, empty: the next pass rediscovers
        code, _, err = finish(start_worker(server, db, redis_server.url))
        assert code == 0, err[-2000:]
    with Store(db) as store:
        assert sorted(a["url"] for a in store.iter_articles()) == sorted(info.articles)


def test_workers_share_the_store_lock_a_plain_crawl_does_not(mirror, frontier, tmp_path):
    from scraper.lock import StoreLock

    _, server = mirror
    db = tmp_path / "k.db"
    with StoreLock(db, worker=True):  # another worker of the frontier holds the store
        plain = kliping("crawl", "--mirror", server.base, "--db", str(db))
        assert plain.returncode == 6 and "shared frontier" in plain.stderr, plain.stderr
        code, _, err = finish(start_worker(server, db, frontier, "tribunnews"))
        assert code == 0, err[-2000:]
    with StoreLock(db):  # a plain crawl holds it
        code, _, err = finish(start_worker(server, db, frontier, "kontan"))
        assert code == 6 and "another crawl" in err, err


def test_workers_on_one_postgres_store(mirror, frontier, pg_server, tmp_path):
    info, server = mirror
    server.reset_hits()
    db = pg_server.database()
    logs = tmp_path / "logs"
    # Four outlets: a worker holds three connections per outlet, and the test server takes 100.
    outlets = ["tribunnews", "kontan", "riau24", "mediapesan"]
    workers = [start_worker(server, db, frontier, *outlets, "--log-dir", str(logs))
               for _ in range(2)]  # fmt: skip
    for code, _, err in (finish(w) for w in workers):
        assert code == 0, err[-2000:]
    hosts = ("tribunnews.com", "kontan.co.id", "riau24.com", "mediapesan")
    wanted = sorted(u for u in info.articles if any(h in u for h in hosts))
    with open_store(db) as store:
        stored = [a["url"] for a in store.iter_articles()]
        assert sorted(stored) == wanted
        assert all(store.raw_pages(url) for url in stored)
    assert {k: n for k, n in page_hits(server).items() if n > 1} == {}
