"""Pages that claim to be articles (a WordPress post, JSON-LD NewsArticle, og:type article, a
date) but are not: refused from what they hold. And articles that hold the same things (a table
of prices, a list of names and roles, a few dated teasers) under a dateline stay articles."""

from __future__ import annotations

import pytest

from cleaners import NoArticle, NotAnArticle, clean_html

POST = "post-template-default single single-post postid-7 single-format-standard"
HEAD = (
    '<meta property="og:type" content="article">'
    '<meta property="article:published_time" content="2025-01-06T09:00:00+07:00">'
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>'
)
MENU = "".join(f"<a href='/k{i}'>Kanal Berita Nomor {i}</a>" for i in range(10))


def post(title: str, body: str, tail: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{HEAD}</head><body class='{POST}'>"
            f"<header><nav>{MENU}</nav></header><main><article class='post type-post'>"
            f"<h1>{title}</h1><div class='entry-content'>{body}</div></article>{tail}</main>"
            "<footer>Tentang Kami | Redaksi | Kontak</footer></body></html>")  # fmt: skip


RATES = [("Banner Header", "Rp 3.500.000"), ("Banner Sidebar", "Rp 2.000.000"),
         ("Advertorial", "Rp 1.000.000 per tayang"), ("Pop Up", "Rp 1.500.000")]  # fmt: skip
RATE_TABLE = (
    "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in RATES) + "</table>"
)
RATE_LIST = "<ul>" + "".join(f"<li>{a}: {b}</li>" for a, b in RATES) + "</ul>"
ROLES = [("Pemimpin Umum", "H. Syamsul Bahri"), ("Pemimpin Redaksi", "Dedi Kurniawan"),
         ("Redaktur Pelaksana", "Nurhayati"), ("Redaktur", "Andika Putra"),
         ("Reporter", "Fajar Ramadhan"), ("Fotografer", "Bayu Saputra")]  # fmt: skip
ROLE_LINES = "<p>" + "<br>".join(f"<strong>{r}</strong> : {n}" for r, n in ROLES) + "</p>"
ROLE_TABLE = (
    "<table>" + "".join(f"<tr><td>{r}</td><td>{n}</td></tr>" for r, n in ROLES) + "</table>"
)
PROSE = (
    "<p>Kami adalah media siber yang didirikan pada 2014 dan berkantor di Pekanbaru. Kami "
    "menyajikan berita yang akurat bagi pembaca di seluruh Riau.</p><p><strong>Visi</strong></p>"
    "<p>Menjadi media terpercaya.</p><p>Anda dapat menghubungi kami melalui surel "
    "redaksi@koran.example atau telepon kantor kami.</p>"
)
INTRO = "<p>Berikut daftar harga dan susunan yang berlaku mulai Januari 2025 di portal ini.</p>"
DATELINE = "<p>PEKANBARU, KORAN.EXAMPLE – Pemerintah kota mengumumkan perubahan itu hari ini.</p>"
STORY_END = "<p>Kepala dinas mengatakan perubahan berlaku mulai pekan depan di seluruh kota.</p>"

NOT_ARTICLES = {
    "rate card table": post("Daftar Harga Pasang Iklan 2025", INTRO + RATE_TABLE),
    "rate card list": post("Kerja Sama Publikasi", INTRO + RATE_LIST),
    "masthead in lines": post("Struktur Organisasi Koran Kita", INTRO + ROLE_LINES),
    "masthead in a table": post("Susunan Pengelola", INTRO + ROLE_TABLE),
    "about page in prose": post("Mengenal Koran Kita", PROSE),
    "press guideline posted as a post": post("Pedoman Media Siber", INTRO * 6),
}
ARTICLES = {
    "a story with a price table": post("Tarif Iklan Reklame Naik", DATELINE + RATE_TABLE + STORY_END),
    "a story with a price list": post("Tarif Iklan Reklame Naik", DATELINE + RATE_LIST + STORY_END),
    "a story listing new editors": post("Koran Kita Rombak Redaksi", DATELINE + ROLE_LINES + STORY_END),
    "a story quoting a company": post("Perusahaan Media Baru Berdiri", DATELINE + PROSE + STORY_END),
}  # fmt: skip


@pytest.mark.parametrize("html", NOT_ARTICLES.values(), ids=NOT_ARTICLES.keys())
@pytest.mark.parametrize("url", ["https://mediapesan.com/x/", "https://koran.example/x/"])
def test_site_pages_posted_as_articles_are_refused(html: str, url: str) -> None:
    with pytest.raises(NotAnArticle, match="without a dateline, not an article"):
        clean_html(html, url=url)


@pytest.mark.parametrize("html", ARTICLES.values(), ids=ARTICLES.keys())
def test_stories_under_a_dateline_are_kept(html: str) -> None:
    article = clean_html(html, url="https://koran.example/berita/x/")
    assert article.paragraphs[0].startswith("PEKANBARU, KORAN.EXAMPLE –")


def teasers(n: int, summary: bool = True) -> str:
    blurb = "<p>Pedagang menyebut pasokan dari sentra produksi berkurang sejak pekan lalu.</p>"
    return "".join(
        f"<div class='item'><h3><a href='https://koran.example/b/{i}'>Harga Cabai Rawit Naik Lagi "
        f"di Pasar {i}</a></h3><span class='date'>{20 - i} Oktober 2025</span>"
        f"{blurb if summary else ''}<a href='https://koran.example/b/{i}'>Baca selengkapnya</a></div>"
        for i in range(n)
    )


def test_three_summarised_teasers_and_no_story_are_an_index() -> None:
    with pytest.raises(NoArticle, match="an index of 3 article teasers"):
        clean_html(post("Hasil Pencarian: cabai", teasers(3)), url="https://koran.example/?s=c")


def test_one_paragraph_of_description_is_no_story() -> None:
    about = "<p>" + "Kumpulan berita terbaru seputar harga cabai di pasar daerah. " * 5 + "</p>"
    with pytest.raises(NoArticle, match="an index of 8 article teasers"):
        clean_html(post("Harga Cabai", about + teasers(8)), url="https://koran.example/tag/c")


def test_three_bare_teasers_are_not_enough() -> None:
    """Headlines and dates without a summary: a related list, not an index, when only three; the
    list is no part of the text (it was, before teaser blocks were cut: the old two-word story
    "Harga naik." passed only by the teasers' lines, and is too short for an article alone)."""
    story = [
        "Harga cabai rawit di Pasar Johar, Semarang, naik menjadi Rp80.000 per kilogram pada "
        "Senin pagi, kata para pedagang.",
        "Pedagang menyebut pasokan dari Temanggung dan Magelang berkurang sejak hujan deras "
        "turun pekan lalu.",
    ]
    html = post(
        "Harga Cabai Naik", "".join(f"<p>{p}</p>" for p in story) + teasers(3, summary=False)
    )
    assert clean_html(html, url="https://koran.example/b/x").paragraphs == story


def test_a_short_story_beside_summarised_teasers_is_an_article() -> None:
    body = DATELINE + STORY_END + "<p>Warga diminta berbelanja seperlunya saja.</p>"
    article = clean_html(
        post("Harga Cabai Naik", body, tail=teasers(4)), url="https://koran.example/b/x"
    )
    assert article.paragraphs[0].startswith("PEKANBARU")


def test_a_writers_bio_above_their_teasers_is_no_story() -> None:
    bio = (
        "<p>Rina Ayu Lestari bergabung dengan koran ini pada 2017 dan kini menjadi wartawan desk "
        "nasional yang meliput pendidikan dan kesehatan.</p><p>Sebelumnya ia bekerja di sebuah "
        "harian di Yogyakarta dan pernah meraih penghargaan jurnalistik tingkat nasional.</p>"
    )
    html = post("Rina Ayu Lestari", bio + teasers(8, summary=False))
    with pytest.raises(NoArticle, match="an index of 8 article teasers"):
        clean_html(html, url="https://koran.example/penulis/rina")


def test_bare_amounts_under_a_price_header_and_banner_sizes() -> None:
    rows = "".join(
        f"<tr><td>{what}</td><td>{size}</td><td>{price}</td></tr>"
        for what, size, price in (("Leaderboard", "970 x 90", "35.000.000"),
                                  ("Medium Rectangle", "300 x 250", "25.000.000"),
                                  ("Billboard", "970 x 250", "45.000.000"))
    )  # fmt: skip
    table = f"<table><tr><th>Position</th><th>Size</th><th>Price (IDR)</th></tr>{rows}</table>"
    with pytest.raises(NotAnArticle, match="advertising prices"):
        clean_html(post("Beriklan di Koran Kita", INTRO + table), url="https://koran.example/x/")


@pytest.mark.parametrize(
    "title", ["Rate Card Koran 2025", "Tarif Iklan Tahun 2025", "Redaksi Koran"]
)
def test_a_static_name_with_a_year_or_the_sites_name(title: str) -> None:
    html = post(title, INTRO * 4).replace(
        "</head>", "<meta property='og:site_name' content='Koran.example'></head>"
    )
    with pytest.raises(NotAnArticle, match="without a dateline"):
        clean_html(html, url="https://koran.example/x/")


def test_prices_in_one_line_of_prose() -> None:
    prose = (
        "<p>Harga banner header Rp 3.500.000 per bulan, banner sidebar Rp 2.000.000 per bulan, "
        "dan advertorial Rp 1.000.000 per tayang.</p>"
    )
    with pytest.raises(NotAnArticle, match="advertising prices"):
        clean_html(post("Beriklan di Koran Kita", INTRO + prose), url="https://koran.example/x/")


def test_the_sites_name_in_its_header_h1_is_not_the_pages_heading() -> None:
    html = post("Redaksi", INTRO * 4).replace(
        "<header><nav>", "<header><h1>Koran Kita</h1><nav>", 1
    )
    with pytest.raises(NotAnArticle, match=r"a site page \(Redaksi\)"):
        clean_html(html, url="https://koran.example/x/")


@pytest.mark.parametrize("stamp", ["14:20 WIB", "Desember 3, 2025", "03 Dec 2025", "2 minggu lalu"])
def test_teaser_dates_as_outlets_write_them(stamp: str) -> None:
    items = teasers(6, summary=False)
    for i in range(6):
        items = items.replace(f"{20 - i} Oktober 2025", stamp)
    with pytest.raises(NoArticle, match="an index of 6 article teasers"):
        clean_html(post("Kanal Ekonomi", items), url="https://koran.example/ekonomi")


def test_a_short_heading_that_names_a_site_page_in_a_phrase() -> None:
    html = post("Rate Card Iklan Digital Koran Kita", "<p><img src='/rate-card.jpg' alt=''></p>")
    with pytest.raises(NotAnArticle, match="without a dateline"):
        clean_html(html, url="https://koran.example/x/")


def test_a_masthead_with_the_names_first() -> None:
    lines = "".join(f"<p>{name} ({role})</p>" for role, name in ROLES)
    with pytest.raises(NotAnArticle, match="roles and names"):
        clean_html(post("Pengelola Koran Kita", INTRO + lines), url="https://koran.example/x/")
