"""The scheduled crawl: passes recorded, health per outlet, drift samples, the store lock, and a
clean stop on SIGTERM — against a real local mirror server, with real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import KLIPING, REPO, kliping, stored_count

from scraper.lock import StoreLock
from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import Store


@pytest.fixture
def mirror(tmp_path):
    info = build_mirror(tmp_path / "mirror")
    with MirrorServer(info.root) as server:
        yield info, server


def test_schedule_runs_two_passes_and_records_both(mirror, tmp_path):
    _, server = mirror
    db = tmp_path / "k.db"
    result = kliping("schedule", "--every", "1s", "--passes", "2", "kontan", "--mirror",
                     server.base, "--db", str(db))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("pass ") >= 2
    with Store(db) as store:
        runs = store.recent_runs(5)
    assert len(runs) == 2
    assert all(run["finish_reason"] == "finished" for run in runs)
    newest, oldest = runs
    assert oldest["per_outlet"]["kontan"]["new"] > 0
    assert newest["per_outlet"]["kontan"]["health"] == "idle"
    listing = kliping("runs", "--db", str(db))
    assert listing.returncode == 0 and "kontan" in listing.stdout


def test_blocked_outlet_is_reported_while_the_others_crawl(mirror, tmp_path):
    info, server = mirror
    kontan_hosts = {u.split("/")[2] for u in info.articles if "kontan.co.id" in u}
    for host in kontan_hosts | {"www.kontan.co.id"}:
        server.set_host_status(host, 403)
    db = tmp_path / "k.db"
    result = kliping("crawl", "kontan", "riau24", "--mirror", server.base, "--db", str(db))
    assert result.returncode == 5, result.stderr
    assert "kontan blocked" in result.stderr
    with Store(db) as store:
        assert store.count("kontan") == 0
        assert store.count("riau24") == len([u for u in info.articles if "riau24" in u])
        outlets = store.recent_runs(1)[0]["per_outlet"]
    assert outlets["kontan"]["health"] == "blocked"
    assert outlets["riau24"]["health"] == "ok"
    health = kliping("health", "--db", str(db))
    assert "blocked" in health.stdout and "ok" in health.stdout


def test_changed_layout_is_degraded_and_kept_as_a_drift_sample(mirror, tmp_path):
    info, server = mirror
    url = next(u for u, d in info.articles.items() if d and "/patrazone/" in d)
    page = Path(info.articles[url], "page.html").read_text(encoding="utf-8")
    # A new theme: every class renamed, so the site selectors find nothing any more.
    changed = page.replace('class="', 'class="article-body-v2 x-')
    server.replace(url, changed)
    db = tmp_path / "k.db"
    result = kliping("crawl", "patrazone", "--mirror", server.base, "--db", str(db))
    assert result.returncode == 5, result.stderr
    assert "patrazone degraded" in result.stderr
    with Store(db) as store:
        samples = store.drift_samples("patrazone")
        assert [s["url"] for s in samples] == [url]
        assert "generic" in samples[0]["reason"] and "article-body-v2" in samples[0]["raw_html"]
    fixtures = tmp_path / "fixtures"
    added = kliping("fixture", "add", "--from-db", url, "--db", str(db), "--fixtures",
                    str(fixtures), "--name", "changed-layout")  # fmt: skip
    assert added.returncode == 0, added.stderr
    folder = fixtures / "pages" / "patrazone" / "changed-layout"
    assert "article-body-v2" in (folder / "page.html").read_text(encoding="utf-8")
    assert (folder / "expected.txt").read_text(encoding="utf-8").strip()
    assert '"method": "generic"' in (folder / "expected.json").read_text(encoding="utf-8")


def test_a_second_crawl_during_a_pass_is_refused(tmp_path):
    db = tmp_path / "k.db"
    with StoreLock(db):  # the lock a running pass holds
        result = kliping("crawl", "kontan", "--db", str(db), "--mirror", "http://127.0.0.1:9")
    assert result.returncode == 6
    assert result.stderr.count("\n") == 1 and "another crawl" in result.stderr
    assert not db.exists() or Store(db).count() == 0


def test_sigterm_mid_pass_keeps_the_store_and_records_an_interrupted_run(tmp_path):
    info = build_mirror(tmp_path / "mirror", synthetic=600)
    db = tmp_path / "k.db"
    with MirrorServer(info.root) as server:
        process = subprocess.Popen(
            [*KLIPING, "crawl", "--mirror", server.base, "--db", str(db)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored_count(db) < 30:
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    with Store(db) as store:
        assert store.integrity_check() == []
        stored = store.count()
        assert 0 < stored < len(info.articles)
        last = store.recent_runs(1)[0]
        assert last["finish_reason"] == "interrupted"
        assert {s["health"] for s in last["per_outlet"].values()} == {"interrupted"}
    health = kliping("health", "--db", str(db))
    assert " ok " not in health.stdout and "interrupted" in health.stdout


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_schedule_stopped_by_a_signal_exits_130(mirror, tmp_path, signum):
    """The installed `kliping schedule`, stopped between passes as a service manager would."""
    _, server = mirror
    db = tmp_path / "k.db"
    command = [*KLIPING, "schedule", "--every", "1h",
               "kontan", "--mirror", server.base, "--db", str(db)]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        lines = []
        for line in process.stdout:  # the first pass ends, then it waits an hour
            lines.append(line)
            if "pass 1 ended" in line:
                break
        assert any("pass 1 ended: ok" in line for line in lines), lines
        process.send_signal(signum)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, (out, err)
    assert "schedule stopped" in out and signal.Signals(signum).name in out
    assert "Traceback" not in err
    with Store(db) as store:
        assert store.recent_runs(5)[0]["finish_reason"] == "finished"
