"""What keeps a pass's memory flat in the number of articles: the request queue on disk (in a
folder of the pass's own, removed at the end), known URLs asked of the store, and the pass's
seen set as digests. Real crawls of a real mirror; the figures themselves are in bench/."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import REPO, stored_count
from storecases import make_article

from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.scheduler import sweep_dead_queues
from scraper.spiders.seen import SeenURLs
from scraper.store import open_store
from scraper.store.articles import _PROFILE


def _crawl(base: str, db, logs, tmp) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(tmp)}  # where the pass's queue folder goes
    return subprocess.run([sys.executable, "-m", "scraper", "crawl", "mediapesan", "--mirror",
                           base, "--db", str(db), "--log-dir", str(logs)],
                          capture_output=True, text=True, timeout=300, cwd=REPO, env=env)  # fmt: skip


def _stat(log: str, name: str) -> int:
    found = re.findall(rf"'{re.escape(name)}': (\d+)", log)
    return int(found[-1]) if found else 0


def test_requests_queue_on_disk_in_a_folder_removed_at_the_end(tmp_path):
    info = build_mirror(tmp_path / "mirror", outlets=["mediapesan"], synthetic=60)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    db, logs = tmp_path / "k.db", tmp_path / "logs"
    with MirrorServer(info.root) as server:
        first = _crawl(server.base, db, logs, tmp)
        assert first.returncode == 0, first.stderr
        log = "".join(p.read_text(encoding="utf-8") for p in sorted(logs.glob("*.log")))
        assert stored_count(db) == len(info.articles)
        # Every article request went through the disk queue; none was kept in memory.
        assert _stat(log, "scheduler/enqueued/disk") >= len(info.articles)
        assert _stat(log, "scheduler/enqueued/memory") == 0
        assert _stat(log, "scheduler/unserializable") == 0
        assert not list(tmp.glob("kliping-queue-*"))

        # A second pass asks the store, finds every article there, and requests none.
        server.reset_hits()
        again = _crawl(server.base, db, logs, tmp)
        assert again.returncode == 0, again.stderr
        assert not any(server.hits_for(url) for url in info.articles)
        assert stored_count(db) == len(info.articles)
        assert not list(tmp.glob("kliping-queue-*"))


def test_seen_urls_remember_each_url_once():
    seen = SeenURLs()
    assert seen.add("https://mediapesan.com/a/")
    assert not seen.add("https://mediapesan.com/a/")
    assert seen.add("https://mediapesan.com/b/")
    assert "https://mediapesan.com/a/" in seen
    assert "https://mediapesan.com/c/" not in seen
    assert len(seen) == 2


class _SlowMirror(MirrorServer):
    """The mirror, each answer held back while `slow` is set: a pass that is surely mid-crawl."""

    slow = True

    def answer(self, path: str, accepts_gzip: bool):
        if self.slow:
            time.sleep(0.3)
        return super().answer(path, accepts_gzip)


def _queue_folders(tmp) -> list:
    return sorted(p.name for p in tmp.glob("kliping-queue-*"))


def test_a_killed_pass_leaves_its_queue_folder_and_the_next_pass_sweeps_it(tmp_path):
    info = build_mirror(tmp_path / "mirror", outlets=["mediapesan"], synthetic=20)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    db, logs = tmp_path / "k.db", tmp_path / "logs"
    env = {**os.environ, "TMPDIR": str(tmp)}
    with _SlowMirror(info.root) as server:
        doomed = subprocess.Popen([sys.executable, "-m", "scraper", "crawl", "mediapesan",
                                   "--mirror", server.base, "--db", str(db), "--log-dir",
                                   str(logs)], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 120
        while not (_queue_folders(tmp) and sum(server.hits.values()) >= 3):
            assert doomed.poll() is None, "the pass ended before it could be killed"
            assert time.monotonic() < deadline, "no queue folder appeared"
            time.sleep(0.05)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(30)
        left = _queue_folders(tmp)
        assert left and all(name.startswith(f"kliping-queue-{doomed.pid}-") for name in left)

        # A live process's folder is not touched, whoever made it.
        with subprocess.Popen(["sleep", "300"]) as alive:
            (tmp / f"kliping-queue-{alive.pid}-live").mkdir()
            server.slow = False
            again = _crawl(server.base, db, logs, tmp)
            assert again.returncode == 0, again.stderr
            assert _queue_folders(tmp) == [f"kliping-queue-{alive.pid}-live"]
            alive.kill()
        assert stored_count(db) == len(info.articles)  # what the killed pass had not done
        assert sweep_dead_queues(tmp) == [tmp / f"kliping-queue-{alive.pid}-live"]
        assert _queue_folders(tmp) == []


def _outlet_of(db, copies: int) -> None:
    """A store holding `copies` articles of one outlet, each a few SQLite pages."""
    paragraphs = [f"Paragraf {i} tentang banjir rob di Muara Angke dan warga." * 6
                  for i in range(20)]  # fmt: skip
    with open_store(db) as store:
        store.save(make_article(paragraphs=paragraphs), [("https://kontan.co.id/a", "<p>a</p>")])
    conn = sqlite3.connect(db)
    cols = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    picked = ["url || '/' || i" if c == "url" else "'2025-01-01T' || i" if c == "fetched_at"
              else c for c in cols]  # fmt: skip
    with conn:
        conn.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                     f"WHERE i < {copies}) INSERT INTO articles ({', '.join(cols)}) "
                     f"SELECT {', '.join(picked)} FROM articles, n")  # fmt: skip
    conn.close()


PROFILES = """
import sys
from pathlib import Path
from scraper.store import open_store
from scraper.store.articles import _PROFILE

def anon():
    line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("RssAnon"))
    return int(line.split()[1]) / 1024

stores = [open_store(sys.argv[1]) for _ in range(12)]
before = anon()
profiles = [store.outlet_profile("kontan") for store in stores]
assert all(p["count"] == 200 for p in profiles), profiles
print(anon() - before)
"""


def test_an_outlets_profile_is_read_by_index_and_leaves_no_page_cache_behind(tmp_path):
    # Every pass reads each outlet's profile at its start, on a connection (the drift pipeline's)
    # that it then keeps to the end: one per outlet. Reading it once held ~2 MB per outlet (a
    # full SQLite page cache) for the whole pass, and read every article of the outlet.
    db = tmp_path / "k.db"
    _outlet_of(db, 3000)
    conn = sqlite3.connect(db)
    plan = conn.execute(f"EXPLAIN QUERY PLAN {_PROFILE}", ("kontan", "kontan", 200)).fetchall()
    conn.close()
    assert "articles_outlet_fetched" in str(plan) and "TEMP B-TREE" not in str(plan), plan
    run = subprocess.run([sys.executable, "-c", PROFILES, str(db)], capture_output=True,
                         text=True, timeout=120, cwd=REPO)  # fmt: skip
    assert run.returncode == 0, run.stderr
    grown_mb = float(run.stdout)
    assert grown_mb < 6, f"12 profiles read left {grown_mb:.1f} MB behind"
