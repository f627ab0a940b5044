"""Pages that are not articles are refused from what they say of themselves (issue 10.3)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaners import NoArticle, clean_html

BODY = "".join(
    f"<p>Paragraf {i} halaman ini menjelaskan banyak hal tentang redaksi, alamat kantor, "
    "kebijakan, dan cara menghubungi kami melalui surel atau telepon kantor.</p>"
    for i in range(8)
)


def page(head: str = "", body_class: str = "", article: bool = False, title="Tentang Kami"):
    inner = f"<h1>{title}</h1><div class='entry-content'>{BODY}</div>"
    if article:
        inner = f"<article>{inner}</article>"
    return (f"<html><head><title>{title}</title>{head}</head>"
            f"<body class='{body_class}'><main>{inner}</main></body></html>")  # fmt: skip


LD = '<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{}"}}</script>'
OG = '<meta property="og:type" content="{}">'
DATE = '<meta property="article:published_time" content="2025-06-19T10:00:00+07:00">'

NOT_ARTICLES = {
    "wordpress static page": page(body_class="page-template-default page page-id-2"),
    "wordpress tag archive": page(body_class="archive tag tag-ekonomi"),
    "wordpress author page": page(body_class="archive author author-admin"),
    "json-ld about page": page(LD.format("AboutPage")),
    "json-ld contact page": page(LD.format("ContactPage")),
    "json-ld section index": page(LD.format("CollectionPage")),
    "json-ld gallery only": page(LD.format("ImageGallery")),
    "og video only": page(OG.format("video.other")),
    "og profile": page(OG.format("profile")),
    "website without a date": page(OG.format("website")),
}
ARTICLES = {
    "wordpress post": page(body_class="post-template-default single single-post postid-9"),
    "news article beats its web page": page(LD.format("WebPage") + LD.format("NewsArticle")),
    "website with a date": page(OG.format("website") + DATE),
    "website with an article element": page(OG.format("website"), article=True),
    "a page that says nothing": page(),
    "og article": page(OG.format("article")),
    "undated website page with a news headline": page(
        OG.format("website"), title="Harga Cabai Naik"
    ),
}


@pytest.mark.parametrize("html", NOT_ARTICLES.values(), ids=NOT_ARTICLES.keys())
@pytest.mark.parametrize("url", ["https://mediapesan.com/tentang-kami/", "https://koran.example/x"])
def test_not_articles_are_refused_on_both_paths(html: str, url: str) -> None:
    with pytest.raises(NoArticle, match=r"not an? |without a publication date"):
        clean_html(html, url=url)


@pytest.mark.parametrize("html", ARTICLES.values(), ids=ARTICLES.keys())
def test_articles_are_kept(html: str) -> None:
    article = clean_html(html, url="https://koran.example/berita/x")
    assert len(article.paragraphs) == 8


def test_kliping_clean_says_why_in_one_line(tmp_path) -> None:
    path = tmp_path / "about.html"
    path.write_text(NOT_ARTICLES["wordpress static page"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "clean", str(path), "--url",
         "https://mediapesan.com/tentang-kami/"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 4
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a post" in lines[0]
