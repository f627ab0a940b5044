"""The crawler stores no page that is not an article (issue 10.3): WordPress sitemaps of static
pages, categories and users are not followed, and a page that says it is no article (an about
page listed among the posts) is skipped quietly, not counted as a failure or a drift sample."""

from __future__ import annotations

import sqlite3

from hostile_util import HostileMirror, crawl, summary

from scraper.mirror.build import build_mirror

SITEMAP = "https://mediapesan.com/wp-sitemap.xml"
POSTS = "https://mediapesan.com/wp-sitemap-posts-post-1.xml"
PAGES = "https://mediapesan.com/wp-sitemap-posts-page-1.xml"
USERS = "https://mediapesan.com/wp-sitemap-users-1.xml"
ABOUT = "https://mediapesan.com/tentang-kami/"
REDAKSI = "https://mediapesan.com/redaksi/"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
XML = "application/xml; charset=utf-8"
STATIC = (
    "<html><head><title>{0} - MEDIAPESAN</title><meta property='og:type' content='website'>"
    "</head><body class='page-template-default page page-id-{1}'><h1>{0}</h1>"
    "<div class='entry-content'>" + "<p>Media Pesan adalah portal berita daring yang berkantor di "
    "Makassar dan terbit sejak 2019 dengan susunan redaksi yang lengkap.</p>" * 6 + "</div>"
    "</body></html>"
)


def sitemap(kind: str, urls: list[str]) -> bytes:
    tag = "sitemap" if kind == "sitemapindex" else "url"
    entries = "".join(f"<{tag}><loc>{u}</loc></{tag}>" for u in urls)
    return f'<?xml version="1.0"?><{kind} {NS}>{entries}</{kind}>'.encode()


def test_static_pages_are_neither_fetched_nor_stored(tmp_path):
    info = build_mirror(tmp_path / "mirror", outlets=["mediapesan"])
    with HostileMirror(info.root) as server:
        posts = [u for u in info.articles]
        server.replace(SITEMAP, sitemap("sitemapindex", [POSTS, PAGES, USERS]), content_type=XML)
        server.replace(POSTS, sitemap("urlset", [*posts, ABOUT]), content_type=XML)
        server.replace(PAGES, sitemap("urlset", [REDAKSI]), content_type=XML)
        server.replace(USERS, sitemap("urlset", ["https://mediapesan.com/author/admin/"]),
                       content_type=XML)  # fmt: skip
        server.replace(ABOUT, STATIC.format("Tentang Kami", 2), content_type="text/html")
        server.replace(REDAKSI, STATIC.format("Redaksi", 3), content_type="text/html")
        db = tmp_path / "k.db"
        result = crawl(server.base, db)
        assert server.hits_for(PAGES) == 0 and server.hits_for(USERS) == 0
        assert server.hits_for(REDAKSI) == 0
        assert server.hits_for(ABOUT) == 1  # listed among the posts: fetched, then refused
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
        samples = conn.execute("SELECT count(*) FROM drift_samples").fetchone()[0]
    assert urls == set(info.articles)
    assert samples == 0
    row = summary(result.out)["mediapesan"]
    assert row["failed"] == 0 and row["new"] == len(info.articles)


YOAST_POSTS = "https://mediapesan.com/post-sitemap.xml"
YOAST_PAGES = "https://mediapesan.com/page-sitemap.xml"
YOAST_TAGS = "https://mediapesan.com/post_tag-sitemap.xml"
RATES = "https://mediapesan.com/daftar-harga-pasang-iklan-2025/"
TAG = "https://mediapesan.com/kumpulan-berita-banjir/"
POSTED = (  # what an outlet posts as a post: WordPress calls it one, with a date and og:type
    "<html><head><title>{0} - MEDIAPESAN</title><meta property='og:type' content='article'>"
    "<meta property='article:published_time' content='2025-01-06T09:00:00+08:00'></head>"
    "<body class='post-template-default single single-post postid-9'><main><article "
    "class='post type-post'><h1>{0}</h1><div class='entry-content'>{1}</div></article></main>"
    "</body></html>"
)
RATE_CARD = (
    "<p>Berikut daftar harga iklan di portal kami.</p><table>"
    + "".join(
        f"<tr><td>{what}</td><td>Rp {price}.000.000 per tayang</td></tr>"
        for what, price in (("Banner Header", 3), ("Banner Sidebar", 2), ("Advertorial", 1))
    )
    + "</table>"
)
TEASERS = "".join(
    f"<div class='item'><h3><a href='https://mediapesan.com/b{i}/'>Banjir Rendam Desa Nomor {i} "
    f"di Barru</a></h3><time>{i + 1} Desember 2025</time><p>Air setinggi lutut merendam rumah "
    "warga sejak pagi dan warga mulai mengungsi ke masjid terdekat.</p></div>"
    for i in range(4)
)


def test_yoast_page_sitemaps_and_site_pages_posted_as_posts(tmp_path):
    """Yoast answers wp-sitemap.xml with its own index: its page and tag sitemaps are not
    followed; a rate card and a teaser list the outlet posted as posts are fetched, then
    refused from what they hold, never stored."""
    info = build_mirror(tmp_path / "mirror", outlets=["mediapesan"])
    with HostileMirror(info.root) as server:
        index = sitemap("sitemapindex", [YOAST_POSTS, YOAST_PAGES, YOAST_TAGS])
        server.replace(SITEMAP, index, content_type=XML)
        server.replace(
            YOAST_POSTS, sitemap("urlset", [*info.articles, RATES, TAG]), content_type=XML
        )
        server.replace(YOAST_PAGES, sitemap("urlset", [REDAKSI]), content_type=XML)
        server.replace(YOAST_TAGS, sitemap("urlset", [TAG]), content_type=XML)
        server.replace(RATES, POSTED.format("Daftar Harga Pasang Iklan 2025", RATE_CARD),
                       content_type="text/html")  # fmt: skip
        server.replace(TAG, POSTED.format("Banjir", TEASERS), content_type="text/html")
        db = tmp_path / "k.db"
        result = crawl(server.base, db)
        assert server.hits_for(YOAST_PAGES) == 0 and server.hits_for(YOAST_TAGS) == 0
        assert server.hits_for(RATES) == 1 and server.hits_for(TAG) == 1
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert urls == set(info.articles)
    row = summary(result.out)["mediapesan"]
    assert row["failed"] == 0 and row["new"] == len(info.articles)
