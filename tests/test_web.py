"""`kliping serve` over a demo store, looked at in a real headless Chromium (Debian's package):
search lists the seeds' story, an article shows its text, health names the outlets and draws its
chart, a hostile query stays text, a bad id is 404. Screenshots of each page go to docs/."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from conftest import REPO, kliping

from cleaners import SITES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
DOCS = REPO / "docs"
SEED_OUTLETS = {"kontan", "tribunnews", "riau24", "mediapesan", "patrazone"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    demo = kliping("demo", "--dir", str(folder / "demo"), timeout=600)
    assert demo.returncode == 0, demo.stderr[-2000:]
    db = folder / "demo" / "kliping.db"
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "scraper", "serve", "--db", str(db),
                               "--port", str(port)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health", timeout=2).read()
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    yield base, folder
    server.terminate()
    server.wait(timeout=10)


def browse(site, path: str, shot: str | None = None) -> str:
    """The DOM Chromium renders for `path` (and a screenshot in docs/ when named)."""
    base, folder = site
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={folder / 'chromium'}",
             "--window-size=1200,1000"]  # fmt: skip
    if shot:
        DOCS.mkdir(exist_ok=True)
        subprocess.run([*flags, f"--screenshot={DOCS / shot}", base + path],
                       capture_output=True, timeout=120, check=True)  # fmt: skip
    done = subprocess.run([*flags, "--dump-dom", base + path], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    return done.stdout


def status(site, path: str) -> int:
    try:
        return urllib.request.urlopen(site[0] + path, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def test_latest_lists_articles(site):
    dom = browse(site, "/", shot="latest.png")
    assert dom.count('href="/article/') >= 20


def test_search_lists_the_five_seed_articles(site):
    dom = browse(site, "/search?q=" + quote("Kim Jong Un Rusia"), shot="search.png")
    hits = dom.split('<ol id="hits">')[1].split("</ol>")[0]
    first = hits.split("<li>")[1:6]
    outlets = {o for item in first for o in SEED_OUTLETS if f">{o} ·" in item or f"{o} ·" in item}
    assert outlets == SEED_OUTLETS, hits[:3000]


def test_an_article_shows_its_text_and_metadata(site):
    dom = browse(site, "/article/1", shot="article.png")
    assert '<div class="text" id="text"' in dom and dom.count("<p>") >= 3
    assert 'id="method">site<' in dom or 'id="method">generic<' in dom
    assert "/article/1/raw" in dom


def test_health_names_every_outlet_and_draws_its_chart(site):
    dom = browse(site, "/health", shot="health.png")
    table = dom.split('id="health"')[1].split("</table>")[0]
    for name in (s.name for s in SITES):
        assert f"<td>{name}</td>" in table
    assert "<svg" in dom and 'class="series"' in dom


def test_stories_page(site):
    dom = browse(site, "/stories", shot="stories.png")
    assert 'class="story"' in dom


def test_hostile_query_is_shown_as_text(site):
    evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    dom = browse(site, "/search?q=" + quote(evil))
    assert "<script>document.title" not in dom and '<img src="x"' not in dom
    assert "&lt;script&gt;document.title" in dom
    assert "<title>pwned" not in dom


def test_bad_ids_are_404_and_raw_is_sandboxed_text(site):
    assert status(site, "/article/999999") == 404
    assert status(site, "/article/abc") == 404
    assert status(site, "/nowhere") == 404
    response = urllib.request.urlopen(site[0] + "/article/1/raw", timeout=10)
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "script" not in urllib.request.urlopen(site[0] + "/", timeout=10).headers[
        "Content-Security-Policy"].split("default-src")[0]  # fmt: skip


def test_serve_on_a_missing_store_is_one_line_exit_6(tmp_path):
    done = kliping("serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port()))
    assert done.returncode == 6 and done.stderr.count("\n") == 1
    assert not (tmp_path / "none.db").exists()
