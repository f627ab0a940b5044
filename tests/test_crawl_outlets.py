"""`kliping crawl OUTLET --mirror BASE` for every outlet of the registry against the demo mirror
(what `kliping demo` builds from the fixtures): each crawl stores exactly its outlet's articles,
with their expected text and metadata, and nothing of another outlet. The crawls run side by
side, one real process and one SQLite store each; each outlet's result is then checked alone."""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import KLIPING, REPO

from cleaners.sites import SITES, site_for_url
from scraper.mirror import MirrorServer
from scraper.mirror.build import build_mirror
from scraper.store import Store

PARALLEL = 3  # crawls at a time: more only contend for the cores


def _crawl(outlet: str, base: str, root: Path) -> tuple[int, str, str]:
    command = [*KLIPING, "crawl", outlet, "--mirror", base, "--db", str(root / f"{outlet}.db")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    root = tmp_path_factory.mktemp("outlets")
    info = build_mirror(root / "mirror")
    with MirrorServer(info.root) as server, ThreadPoolExecutor(PARALLEL) as pool:
        runs = {site.name: pool.submit(_crawl, site.name, server.base, root) for site in SITES}
        results = {name: run.result() for name, run in runs.items()}
    return info, root, results


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.name)
def test_crawl_of_one_outlet_stores_its_articles_exactly(crawls, site):
    info, root, results = crawls
    code, out, err = results[site.name]
    assert code == 0, err[-2000:]
    assert any(line.split()[:1] == [site.name] for line in out.splitlines()), out
    wanted = {url: folder for url, folder in info.articles.items() if site_for_url(url) is site}
    assert wanted, f"the mirror holds no article of {site.name}"
    with Store(root / f"{site.name}.db") as store:
        stored = {a["url"]: a for a in store.iter_articles()}
    assert set(stored) == set(wanted)
    for url, folder in wanted.items():
        if folder is None:
            continue
        text = (Path(folder) / "expected.txt").read_text(encoding="utf-8")
        meta = json.loads((Path(folder) / "expected.json").read_text(encoding="utf-8"))
        assert stored[url]["text"] == text, url
        assert {k: stored[url][k] for k in meta} == meta, url
