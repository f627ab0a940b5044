"""What keeps a pass's memory flat in the number of articles: the request queue on disk (in a
folder of the pass's own, removed at the end), known URLs asked of the store, and the pass's
seen set as digests. Real crawls of a real mirror; the figures themselves are in bench/."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO, stored_count

from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.spiders.seen import SeenURLs


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
