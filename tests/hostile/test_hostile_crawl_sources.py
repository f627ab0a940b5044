"""Hostile feeds, sitemaps and article pages through the real crawler (`kliping crawl` against a
mirror): one broken source costs that source only, never the run; pages that fail are retried,
then counted as failed in the summary."""

from __future__ import annotations

import pytest
from hostile_util import (
    HostileMirror,
    assert_rows_sound,
    crawl,
    gzip_bomb,
    log_text,
    store_dump,
    summary,
)

from scraper.mirror.build import build_mirror

SITEMAP = "https://mediapesan.com/wp-sitemap.xml"  # a sitemap index of two child sitemaps
CHILD = "https://mediapesan.com/wp-sitemap-posts-post-1.xml"
FEED = "https://mediapesan.com/feed/"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
XML = "application/xml; charset=utf-8"
# `kliping crawl` with the download timeout cut from 30 s to 2 s, so a stalled page costs
# seconds; everything else is the real command line.
SHORT_TIMEOUT = (
    "import sys, scraper.settings as s; s.DOWNLOAD_TIMEOUT = 2\n"
    "from scraper.cli import main; sys.exit(main())"
)


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    info = build_mirror(tmp_path_factory.mktemp("mirror"), outlets=["mediapesan"])
    with HostileMirror(info.root) as server:
        yield info, server


@pytest.fixture
def server(mirror):
    """The mirror server, every answer restored after the test."""
    info, server = mirror
    yield server
    for url in [*info.discovery, *info.articles]:
        server.replace(url, None)
    server.delays.clear()
    server.gzipped.clear()
    server.reset_hits()


def assert_all_stored(info, db, result) -> None:
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    rows = assert_rows_sound(db)
    assert {row["url"] for row in rows} == set(info.articles)
    row = summary(result.out)["mediapesan"]
    assert row["new"] == len(info.articles) and row["failed"] == 0, row
    assert "Traceback" not in log_text(db)  # a bad source is a warning, not a crash


BROKEN = {
    "garbage": b"\x00\x01<<<bukan xml>>>\xff",
    "html-error-page": b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    "truncated": b'<?xml version="1.0"?><sitemapindex ' + NS.encode() + b"><sitemap><lo",
}


@pytest.mark.parametrize("kind", list(BROKEN))
@pytest.mark.parametrize("broken", [SITEMAP, FEED], ids=["sitemap-broken", "feed-broken"])
def test_malformed_source_costs_only_that_source(mirror, server, tmp_path, kind, broken):
    info, _ = mirror
    server.replace(broken, BROKEN[kind], content_type=XML)
    db = tmp_path / "k.db"
    result = crawl(server.base, db)
    assert_all_stored(info, db, result)  # the other source lists every article


def test_billion_laughs_sitemap_is_not_expanded(mirror, server, tmp_path):
    info, _ = mirror
    entities = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (f'<?xml version="1.0"?><!DOCTYPE sitemapindex [{entities}]><sitemapindex {NS}>'
            f"<sitemap><loc>https://mediapesan.com/&l9;.xml</loc></sitemap></sitemapindex>")  # fmt: skip
    server.replace(SITEMAP, bomb, content_type=XML)
    db = tmp_path / "k.db"
    result = crawl(server.base, db, timeout=120)
    assert_all_stored(info, db, result)
    assert result.seconds < 60
    assert "lollol" not in log_text(db)


def test_xxe_sitemap_never_leaks_the_local_file(mirror, server, tmp_path):
    info, _ = mirror
    token = "rahasia-xxe-5d1e0b"
    secret = tmp_path / "secret.txt"
    secret_url = f"https://mediapesan.com/{token}/"  # it would be crawled, were it read
    secret.write_text(secret_url + "\n", encoding="utf-8")
    for url, root, item in ((SITEMAP, "sitemapindex", "sitemap"), (FEED, "rss", None)):
        doctype = f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        if item:
            body = f'<?xml version="1.0"?>{doctype}<{root} {NS}><{item}><loc>&xxe;</loc></{item}></{root}>'
        else:
            body = (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item>'
                    f"<title>&xxe;</title><link>&xxe;</link></item></channel></rss>")  # fmt: skip
        server.replace(url, body, content_type=XML)
        db = tmp_path / f"{root}.db"
        result = crawl(server.base, db)
        assert result.returncode == 0, result.stderr[-3000:]
        # The sitemap broken, the feed lists all; the feed broken, the sitemap does.
        assert {row["url"] for row in assert_rows_sound(db)} == set(info.articles)
        for text in (store_dump(db), log_text(db), result.out, result.stderr):
            assert token not in text
        assert server.hits_for(secret_url) == 0
        server.replace(url, None)


def test_gzip_bomb_sitemap_is_refused(mirror, server, tmp_path):
    info, _ = mirror
    # A sitemap served as a .xml.gz file is: gzip bytes in the body, no Content-Encoding.
    server.replace(SITEMAP, gzip_bomb(), content_type="application/x-gzip")
    db = tmp_path / "k.db"
    result = crawl(server.base, db)
    assert_all_stored(info, db, result)
    assert "gzip document larger than 50 MiB" in log_text(db)


def test_gzip_bomb_feed_with_content_encoding_is_refused(mirror, server, tmp_path):
    info, _ = mirror
    server.gzip_answer(FEED, gzip_bomb(), content_type="application/rss+xml")
    db = tmp_path / "k.db"
    result = crawl(server.base, db)
    assert_all_stored(info, db, result)
    assert "discovery source failed: https://mediapesan.com/feed/" in log_text(db)


def test_sitemap_of_100000_urls_is_capped_and_the_crawl_goes_on(mirror, server, tmp_path):
    info, _ = mirror
    # 100,000 article-like URLs, 12 MB: over the 10 MiB page cap, under the 50 MiB a sitemap
    # may have. Dated 2001, so --since skips them; --max-articles would cut the run short anyway.
    entries = "".join(
        f"<url><loc>https://mediapesan.com/berita-palsu-yang-panjang-sekali-{i}/</loc>"
        "<lastmod>2001-01-01T08:00:00+07:00</lastmod></url>\n"
        for i in range(100_000)
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>\n{entries}</urlset>\n'
    assert len(body) > 11 * 2**20
    server.replace(CHILD, body, content_type=XML)
    db = tmp_path / "k.db"
    limit = str(len(info.articles))  # room for the real ones only, were the fakes scheduled
    result = crawl(server.base, db, "--since", "2020-01-01", "--max-articles", limit)
    assert_all_stored(info, db, result)
    # 50,000 of the sitemap (the cap), plus the real articles of the other child and the feed.
    assert summary(result.out)["mediapesan"]["discovered"] == 50_000 + len(info.articles)
    assert "lists more than 50000 URLs; the rest is skipped" in log_text(db)
    assert server.hits_for("https://mediapesan.com/berita-palsu-yang-panjang-sekali-7/") == 0


def test_failing_article_pages_are_retried_then_counted_failed(mirror, server, tmp_path):
    info, _ = mirror
    erroring, stalled, *fine = sorted(info.articles)
    server.replace(erroring, b"<h1>503 Service Unavailable</h1>", status=503)
    server.delay(stalled, 30)  # outlasts the 2 s download timeout, three times
    db = tmp_path / "k.db"
    result = crawl(server.base, db, code=SHORT_TIMEOUT, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert server.hits_for(erroring) == 3  # the first try and RETRY_TIMES = 2 retries
    assert server.hits_for(stalled) == 3
    row = summary(result.out)["mediapesan"]
    assert row["failed"] == 2 and row["new"] == len(fine), row
    assert {r["url"] for r in assert_rows_sound(db)} == set(fine)
    assert result.seconds < 60
    assert "Traceback" not in log_text(db)
