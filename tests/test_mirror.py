"""The mirror: built from the page fixtures, served by a real server on 127.0.0.1, fetched over
HTTP as the crawler will fetch it."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest
from lxml import etree

from cleaners import clean_html
from cleaners.fixtures import page_fixtures, split_fixtures
from cleaners.sites import BY_NAME, SITES, article_key, page_of, site_for_url
from cleaners.urls import canonical_url, with_query
from scraper.mirror import MirrorServer, MirrorWriter, mirror_key, mirror_url
from scraper.mirror.build import MirrorInfo, build_mirror

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
WHOLE = {site.name for site in SITES if site.whole_article}


def fixture_pages() -> list[tuple[str, Path, str]]:
    """(outlet, folder, source URL) of every complete page fixture."""
    return [(f.outlet, f.path, f.url) for f in page_fixtures() if (f.path / "source.json").exists()]


def served_url(url: str) -> str:
    """Where the mirror serves a fixture: tracking parameters gone, `page=N`/`page=all` kept."""
    canonical = canonical_url(url)
    return with_query(canonical, page="all") if page_of(url) == "all" else canonical


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy


def get(url: str, method: str = "GET", headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> MirrorInfo:
    return build_mirror(tmp_path_factory.mktemp("mirror"))


@pytest.fixture(scope="module")
def server(built):
    with MirrorServer(built.root) as running:
        yield running


def fetch(server: MirrorServer, url: str, **kwargs):
    return get(mirror_url(server.base, url), **kwargs)


def discovered(
    server: MirrorServer, url: str, seen: list[str] | None = None
) -> list[etree._Element]:
    """The <url>/<item> elements reachable from a discovery document, sitemap indexes followed."""
    status, headers, body = fetch(server, url)
    assert status == 200, url
    assert headers["Content-Type"].startswith(("application/xml", "application/rss+xml"))
    root = etree.fromstring(body)
    if seen is not None:
        seen.append(url)
    if etree.QName(root).localname == "sitemapindex":
        children = root.findall("sm:sitemap", NS)
        assert children and all(c.findtext("sm:lastmod", namespaces=NS) for c in children)
        found = []
        for child in children:
            found += discovered(server, child.findtext("sm:loc", namespaces=NS), seen)
        return found
    if etree.QName(root).localname == "urlset":
        return root.findall("sm:url", NS)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.findall("channel/item")


def loc(element: etree._Element) -> str:
    return element.findtext("sm:loc", namespaces=NS) or element.findtext("link")


# --- keys ---------------------------------------------------------------------------------------


def test_mirror_key_and_url():
    assert (
        mirror_key("https://WWW.Tribunnews.com/bisnis/1/a?page=2")
        == "www.tribunnews.com/bisnis/1/a?page=2"
    )
    assert mirror_key("http://patrazone.com") == "patrazone.com/"
    assert mirror_key("https://mediapesan.com/feed/") == "mediapesan.com/feed/"
    assert mirror_key("https://h.example:8443/a%20b?q=1&r=") == "h.example:8443/a%20b?q=1&r="
    assert mirror_url("http://127.0.0.1:9/", "https://www.kontan.co.id/robots.txt") == (
        "http://127.0.0.1:9/www.kontan.co.id/robots.txt"
    )


# --- the fixture mirror -------------------------------------------------------------------------


def test_every_fixture_page_is_served_byte_for_byte(built, server):
    pages = fixture_pages()
    assert pages
    # A lone page 2 of a split article (a cleaner fixture) is not mirrored: no site lists it.
    articles = {article_key(u) for _, _, u in pages if page_of(u) in (None, "1", "all")}
    for _outlet, folder, url in pages:
        if article_key(url) not in articles:
            assert served_url(url) not in built.pages
            continue
        status, headers, body = fetch(server, served_url(url))
        assert status == 200, url
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert body == (folder / "page.html").read_bytes(), url
        assert built.pages[served_url(url)] == str(folder)


def test_whole_article_view_answers_for_every_article(server):
    pages = fixture_pages()
    whole = {article_key(u): f for _, f, u in pages if page_of(u) == "all"}
    for outlet, folder, url in pages:
        if outlet not in WHOLE or page_of(url) is not None:
            continue
        canonical = canonical_url(url)
        switch = BY_NAME[outlet].whole_article  # page=all, single=1, ...
        status, _, body = fetch(server, with_query(canonical, **switch))
        assert status == 200, url
        # A single page answers itself; the first page of a split article, the -all view.
        assert body == (whole.get(canonical, folder) / "page.html").read_bytes(), url


def test_articles_map_canonical_urls_to_fixtures(built):
    pages = fixture_pages()
    listed = {article_key(u) for _, _, u in pages if page_of(u) in (None, "1", "all")}
    assert set(built.articles) == listed
    for _, folder, url in pages:
        if page_of(url) == "all":
            assert built.articles[article_key(url)] == str(folder)
    for split in split_fixtures():  # pages with no whole view: the merge is the golden
        assert built.articles[split.url] == str(split.path)
    assert all(page_of(url) is None for url in built.articles)
    assert MirrorInfo.load(built.root) == built


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.name)
def test_discovery_lists_every_article_once_as_canonical(built, server, site):
    articles = {url for url in built.articles if site_for_url(url) is site}
    reached: set[str] = set()
    for source in site.sources:
        if "{" in source.url:
            continue
        entries = discovered(server, source.url)
        urls = [loc(e) for e in entries]
        assert len(urls) == len(set(urls)), f"{source.url} lists a URL twice"
        for url in urls:
            assert url == article_key(url), url
            assert url in built.articles or url in built.non_articles, url
        reached |= set(urls)
        for entry in entries:
            url = loc(entry)
            expected = Path(built.articles.get(url) or "/nonexistent") / "expected.json"
            if url not in articles or not expected.exists():
                continue  # the non-article, or a fixture still being written
            meta = json.loads(expected.read_text("utf-8"))
            news = entry.find("news:news", NS)
            if news is not None:  # a Google News sitemap
                assert news.findtext("news:publication/news:name", namespaces=NS)
                date = news.findtext("news:publication_date", namespaces=NS)
                assert news.findtext("news:title", namespaces=NS) == meta["title"]
            elif source.kind == "feed":
                assert entry.findtext("title") == meta["title"]
                date = parsedate_to_datetime(entry.findtext("pubDate")).isoformat()
            else:
                date = entry.findtext("sm:lastmod", namespaces=NS)
            assert source.kind != "news_sitemap" or news is not None
            assert date == (meta["published"] or date), url
    assert articles <= reached


def test_a_non_article_page_is_listed_and_served(built, server):
    assert built.non_articles == ["https://www.tribunnews.com/tag/kim-jong-un"]
    listed = [loc(e) for e in discovered(server, "https://www.tribunnews.com/sitemap-news.xml")]
    assert built.non_articles[0] in listed
    status, _, body = fetch(server, built.non_articles[0])
    assert status == 200 and b"<ul" in body
    site = site_for_url(built.non_articles[0])
    assert re.search(site.not_article_url, "/tag/kim-jong-un")


def test_robots_allow_articles_and_discovery_and_name_sitemaps(built, server):
    documents: list[str] = []
    for site in SITES:
        for source in site.sources:
            if "{" not in source.url:
                discovered(server, source.url, documents)
    assert set(documents) == set(built.discovery)
    hosts = {mirror_key(u).split("/")[0] for u in [*built.articles, *built.pages, *documents]}
    for host in hosts:
        status, headers, body = fetch(server, f"https://{host}/robots.txt")
        assert status == 200 and headers["Content-Type"].startswith("text/plain"), host
        robots = RobotFileParser()
        robots.parse(body.decode().splitlines())
        for url in [*built.pages, *built.articles, *documents]:
            if mirror_key(url).startswith(host + "/"):
                assert robots.can_fetch("kliping", url), url
        sources = [s for site in SITES for s in site.sources if mirror_key(s.url).startswith(host)]
        for source in sources:  # index pages (dated) included: robots never hides a source
            assert robots.can_fetch("kliping", source.url.format(yyyy="2025", mm="01", dd="02"))
        assert not robots.can_fetch("kliping", f"https://{host}/wp-admin/")
        sitemaps = {s.url for s in sources if s.kind in ("sitemap", "news_sitemap")}
        assert set(robots.site_maps() or []) == sitemaps


# --- the server ---------------------------------------------------------------------------------


def test_unknown_key_is_404_with_a_small_page(server):
    status, headers, body = fetch(server, "https://www.tribunnews.com/tidak/ada")
    assert status == 404
    assert headers["Content-Type"].startswith("text/html") and body.startswith(b"<!DOCTYPE html>")
    assert get(server.base + "/")[0] == 404


def test_head_answers_headers_only(server):
    url = "https://www.tribunnews.com/sitemap-news.xml"
    status, headers, body = fetch(server, url, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(fetch(server, url)[2])


def test_keep_alive_serves_several_requests_on_one_connection(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for path in ("/www.tribunnews.com/robots.txt", "/mediapesan.com/feed/", "/nothing/here"):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.status in (200, 404)
            assert not response.will_close
    finally:
        connection.close()


def test_hits_are_counted_per_key(built, server):
    url = next(iter(built.pages))
    before = server.hits_for(url)
    for _ in range(3):
        fetch(server, url)
    fetch(server, "https://www.tribunnews.com/missing")
    assert server.hits_for(url) == before + 3
    assert server.hits[mirror_key(url)] == before + 3
    assert server.hits["www.tribunnews.com/missing"] >= 1


def test_host_status_blocks_a_whole_host(built):
    with MirrorServer(built.root, host_status={"www.kontan.co.id": 403}) as blocked:
        assert fetch(blocked, "https://www.kontan.co.id/robots.txt")[0] == 403
        assert fetch(blocked, "https://www.kontan.co.id/sitemap.xml")[0] == 403
        assert fetch(blocked, "https://www.tribunnews.com/robots.txt")[0] == 200
        blocked.set_host_status("www.kontan.co.id", None)
        blocked.set_host_status("WWW.Tribunnews.com", 503)
        assert fetch(blocked, "https://www.kontan.co.id/sitemap.xml")[0] == 200
        assert fetch(blocked, "https://www.tribunnews.com/robots.txt")[0] == 503
        assert blocked.hits["www.kontan.co.id/sitemap.xml"] == 2  # blocked requests count too


def test_replace_swaps_a_page_at_run_time(built):
    url = next(iter(built.pages))
    with MirrorServer(built.root) as mirror:
        original = fetch(mirror, url)[2]
        mirror.replace(url, "<html><body><p>tata letak baru</p></body></html>")
        assert fetch(mirror, url)[2] == b"<html><body><p>tata letak baru</p></body></html>"
        mirror.replace("https://www.tribunnews.com/baru", b"gone", status=410)
        assert fetch(mirror, "https://www.tribunnews.com/baru")[:1] == (410,)
        mirror.replace(url, None)
        assert fetch(mirror, url)[2] == original


def test_writer_quoted_keys_gzip_and_status(tmp_path):
    with MirrorWriter(tmp_path) as writer:
        writer.add("https://Example.com/berita/kopi%20robusta?x=1", "<p>kopi</p>")
        writer.add("https://example.com/z", b"<p>zip</p>" * 100, compress=True)
        writer.add("https://example.com/gone", "<p>gone</p>", status=410)
        writer.add("https://example.com/berita/kopi-é", "<p>café</p>")
        writer.alias("https://example.com/z?page=all", "https://example.com/z")
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["version"] == 1
    entry = manifest["entries"]["example.com/z"]
    assert entry["encoding"] == "gzip" and entry["status"] == 200 and entry["content_type"]
    assert all(re.fullmatch(r"files/[0-9a-f]{2}/[0-9a-f]{38}\.\w+(\.gz)?", e["file"])
               for e in manifest["entries"].values())  # fmt: skip
    with MirrorServer(tmp_path) as mirror:
        # A client percent-encodes what the manifest holds unencoded, and spells hosts its way.
        assert get(mirror.base + "/example.com/berita/kopi-%C3%A9")[2] == b"<p>caf\xc3\xa9</p>"
        assert get(mirror.base + "/EXAMPLE.com/berita/kopi%20robusta?x=1")[2] == b"<p>kopi</p>"
        zipped = get(mirror.base + "/example.com/z", headers={"Accept-Encoding": "gzip"})
        assert zipped[1]["Content-Encoding"] == "gzip"
        assert gzip.decompress(zipped[2]) == b"<p>zip</p>" * 100
        _, headers, body = get(mirror.base + "/example.com/z?page=all")
        assert "Content-Encoding" not in headers and body == b"<p>zip</p>" * 100
        assert get(mirror.base + "/example.com/gone")[0] == 410
        assert mirror.hits["example.com/berita/kopi%20robusta?x=1"] == 1
        assert mirror.hits_for("https://example.com/berita/kopi-é") == 1


# --- synthetic articles -------------------------------------------------------------------------


def test_synthetic_articles_are_distinct_listed_and_clean(tmp_path):
    info = build_mirror(tmp_path / "m", synthetic=200, seed=7)
    synthetic = [url for url, folder in info.articles.items() if folder is None]
    assert len(synthetic) == len(set(synthetic)) == 200
    per_outlet = Counter(site_for_url(url).name for url in synthetic)
    assert len(per_outlet) >= 3  # every outlet with a usable fixture, in turn
    assert max(per_outlet.values()) - min(per_outlet.values()) <= 1
    texts, titles = set(), set()
    with MirrorServer(info.root) as mirror:
        listed = set()
        for site in SITES:
            for source in site.sources:
                if "{" not in source.url and source.kind != "feed":  # feeds hold the latest only
                    listed |= {loc(e) for e in discovered(mirror, source.url)}
        assert set(synthetic) <= listed
        for url in synthetic:
            site = site_for_url(url)
            assert re.search(site.article_url, url.split(site.hosts[0], 1)[1].split("?")[0] or "/")
            status, _, page = fetch(mirror, url)
            assert status == 200
            article = clean_html(page, url=url)
            assert article.method == "site", url
            texts.add(article.to_text())
            titles.add(article.title)
            if site.whole_article:
                assert fetch(mirror, with_query(url, **site.whole_article))[2] == page
    assert len(texts) == len(titles) == 200


def test_synthetic_build_is_deterministic(tmp_path):
    one = build_mirror(tmp_path / "a", outlets=["kontan"], synthetic=10, seed=3)
    two = build_mirror(tmp_path / "b", outlets=["kontan"], synthetic=10, seed=3)
    assert list(one.articles) == list(two.articles)
    assert {site_for_url(u).name for u in one.articles} == {"kontan"}
    assert one.non_articles == ["https://www.kontan.co.id/tag/kim-jong-un"]


# --- command lines ------------------------------------------------------------------------------


def test_command_lines_build_and_serve(tmp_path):
    out = tmp_path / "mirror"
    subprocess.run([sys.executable, "-m", "scraper.mirror.build", str(out), "--synthetic", "5"],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    assert (out / "manifest.json").exists()
    serving = subprocess.Popen([sys.executable, "-m", "scraper.mirror", str(out)],
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        base = serving.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        assert get(mirror_url(base, "https://mediapesan.com/robots.txt"))[0] == 200
    finally:
        serving.terminate()
        serving.wait(timeout=10)
