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
