"""The drift check's baseline across passes, with real crawl processes on a loopback mirror: a pass
killed with SIGKILL leaves a partial, skewed set of articles, which must not make the next pass
call the outlet's usual articles drifted; a pass that finished is a baseline, and a later pass
whose articles differ from it is still reported degraded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from conftest import REPO, kliping, stored_count

from scraper.health import MIN_HISTORY
from scraper.mirror import MirrorServer, Reply, mirror_key
from scraper.mirror.build import build_mirror
from scraper.store import Store

OUTLET = "cnnindonesia"  # about half of its articles carry a byline, the others none


class HoldingMirror(MirrorServer):
    """A mirror that can hold back the answer for one URL, keeping a pass busy until released."""

    def __init__(self, root) -> None:
        super().__init__(root)
        self.held: str | None = None
        self.released = threading.Event()

    def answer(self, path: str, accepts_gzip: bool) -> tuple[Reply, str | None]:
        reply = super().answer(path, accepts_gzip)
        if self.held and path.lstrip("/").lower() == self.held.lower():
            self.released.wait(120)
        return reply


@pytest.fixture(scope="module")
def outlet_mirror(tmp_path_factory):
    """The mirror, and which of its articles a crawl stores with a byline and which without."""
    info = build_mirror(tmp_path_factory.mktemp("mirror"), outlets=[OUTLET], synthetic=12)
    reference = tmp_path_factory.mktemp("reference") / "k.db"
    with HoldingMirror(info.root) as server:
        done = kliping("crawl", OUTLET, "--mirror", server.base, "--db", str(reference))
        assert done.returncode == 0, done.stderr
        with Store(reference) as store:
            stored = list(store.iter_articles())
        assert {a["url"] for a in stored} == set(info.articles)
        bylined = {a["url"] for a in stored if a["authors"]}
        bare = sorted(a["url"] for a in stored if not a["authors"])
        # The skew this file is about needs both kinds, enough bylines for a baseline.
        assert len(bylined) >= MIN_HISTORY and len(bare) >= 2, (len(bylined), len(bare))
        yield server, bylined, bare
        server.released.set()


def first_pass_without(server: HoldingMirror, bare: list[str]):
    """The pages without a byline answer 404 this pass (the set it stores is all bylines)."""
    for url in bare:
        server.replace(url, "<html><body>Not found</body></html>", status=404)


def restore(server: HoldingMirror, bare: list[str]) -> None:
    for url in bare:
        server.replace(url, None)
    server.held = None
    server.released.set()


def test_a_killed_pass_does_not_skew_the_next_passes_drift_verdict(outlet_mirror, tmp_path):
    server, bylined, bare = outlet_mirror
    db = tmp_path / "k.db"
    server.released.clear()
    first_pass_without(server, bare[1:])
    server.held = mirror_key(bare[0])  # the pass waits on this page: it is killed meanwhile
    args = [sys.executable, "-m", "scraper", "crawl", OUTLET, "--mirror", server.base,
            "--db", str(db)]  # fmt: skip
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not (stored_count(db) == len(bylined) and server.hits_for(bare[0])):
            assert time.monotonic() < deadline and process.poll() is None, "the pass never waited"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        restore(server, bare)
    with Store(db) as store:
        # What the killed pass left: bylines only, as if this outlet always had one.
        assert {a["url"] for a in store.iter_articles()} == bylined
        assert store.recent_runs(1)[0]["ended_at"] is None

    restart = kliping("crawl", OUTLET, "--mirror", server.base, "--db", str(db))
    assert restart.returncode == 0, restart.stderr
    with Store(db) as store:
        assert store.count() == len(bylined) + len(bare)
        assert store.drift_samples(OUTLET) == []
        assert store.recent_runs(1)[0]["per_outlet"][OUTLET]["health"] == "ok"
        # The restart finished: the set is whole again, the killed pass's articles count too.
        assert store.outlet_profile(OUTLET)["count"] == len(bylined) + len(bare)


def test_a_finished_pass_is_a_baseline_and_real_drift_is_still_reported(outlet_mirror, tmp_path):
    server, bylined, bare = outlet_mirror
    db = tmp_path / "k.db"
    first_pass_without(server, bare)
    try:
        first = kliping("crawl", OUTLET, "--mirror", server.base, "--db", str(db))
    finally:
        restore(server, bare)
    assert first.returncode == 0, first.stderr
    with Store(db) as store:
        assert {a["url"] for a in store.iter_articles()} == bylined
        assert store.recent_runs(1)[0]["finish_reason"] == "finished"

    # The same set as the killed pass left above, but a finished pass's: every article had a
    # byline, so the new ones without are drift.
    second = kliping("crawl", OUTLET, "--mirror", server.base, "--db", str(db))
    assert second.returncode == 5, second.stderr
    assert f"{OUTLET} degraded" in second.stderr.strip().splitlines()[-1]
    with Store(db) as store:
        samples = store.drift_samples(OUTLET)
        assert sorted(s["url"] for s in samples) == bare
        assert all(s["reason"].startswith("no authors") for s in samples)
        assert store.count() == len(bylined) + len(bare)
