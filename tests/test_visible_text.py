"""What only a page's visible text says (cleaners/metadata/visible.py), logins and offices in the
byline slot (desks.py), a blog's name before its post's title, layout tables of one column."""

from __future__ import annotations

import pytest
from lxml import html

from cleaners import clean_html
from cleaners.layout import unwrap_layout_tables
from cleaners.metadata.desks import split_people
from cleaners.metadata.visible import visible_date, visible_headline

BODY = "".join(
    f"<p>Paragraf ke-{i} dari berita ini cukup panjang untuk dibaca sebagai teks artikel yang "
    f"sebenarnya, bukan menu atau keterangan foto di halaman.</p>"
    for i in range(1, 5)
)


def _page(under_headline: str, top: str = "Selasa, 10 Desember 2024") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Berita | Situs</title></head><body>"
        f"<div class='topbar'>{top}</div><h1>Judul Berita Hari Ini</h1>{under_headline}"
        f"<div class='content'>{BODY}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jumat, 15 November 2024 | 14:30 WIB", "2024-11-15T14:30:00+07:00"),
        ("15/11/2024 14:30", "2024-11-15T14:30:00+07:00"),
        ("Diterbitkan: 21 November 2024, 08.15 WITA", "2024-11-21T08:15:00+08:00"),
        ("Diposting pada 9 Desember 2024 oleh Rina", "2024-12-09T00:00:00+07:00"),
        ("December 2, 2024", "2024-12-02T00:00:00+07:00"),  # Blogger's English date header
        ("2 jam yang lalu", None),  # relative: no date
        ("<figure><figcaption>Warga, Senin (2/12/2024).</figcaption></figure>", None),
    ],
)
def test_the_date_under_the_headline_not_the_top_bar(line, expected):
    root = html.fromstring(_page(f"<div class='info'>{line}</div>"))
    assert visible_date(root, root.find(".//h1")) == expected


def test_a_date_after_the_body_began_is_not_the_articles():
    root = html.fromstring(_page(f"<div>{BODY}</div><div>15 November 2024</div>"))
    assert visible_date(root, root.find(".//h1")) is None


def test_a_portal_headline_is_the_bold_cell_before_the_body():
    page = (
        "<html><body><table><tr><td><b>Menu Utama</b></td></tr></table><table>"
        "<tr><td class='x'><b>Pemkab Salurkan Bibit Padi Unggul</b></td><td>Kamis, 14 November "
        f"2024</td><td>Dibaca: 312 kali</td></tr><tr><td colspan='3'>{BODY}</td></tr>"
        "</table></body></html>"
    )
    title, element = visible_headline(html.fromstring(page))
    assert title == "Pemkab Salurkan Bibit Padi Unggul" and element.tag == "b"


def test_a_one_column_table_is_a_list_not_data():
    root = html.fromstring(
        "<div><table id='menu'><tr><td>Beranda</td></tr><tr><td>Profil</td></tr></table>"
        "<table id='data'><tr><td>Padi</td><td>5.600</td></tr><tr><td>Jagung</td><td>4.900</td>"
        "</tr></table></div>"
    )
    unwrap_layout_tables(root)
    assert root.get_element_by_id("menu").tag == "div"
    assert root.get_element_by_id("data").tag == "table"


def test_logins_and_newsrooms_are_nobody_an_office_is_the_source():
    names = ["admin", "Tim Redaksi", "Desk Jateng", "Operator Desa", "Humas Pemkab Sleman"]
    names += ["Rina Wulandari"]
    assert split_people(names) == (["Rina Wulandari"], "Humas Pemkab Sleman")


def test_a_blogs_name_before_the_post_title_is_cut():
    page = (
        "<!DOCTYPE html><html><head><title>Tegalrejo Kita: Warga Perbaiki Jembatan Bambu</title>"
        "</head><body><h1 class='title'>Tegalrejo Kita</h1><h2 class='date-header'><span>Senin, "
        "02 Desember 2024</span></h2><h3 class='post-title entry-title'>Warga Perbaiki Jembatan "
        f"Bambu</h3><div class='post-body'>{BODY}</div></body></html>"
    )
    article = clean_html(page, url="https://tegalrejo-kita.blogspot.com/2024/12/warga.html")
    assert article.title == "Warga Perbaiki Jembatan Bambu"
    assert article.published == "2024-12-02T00:00:00+07:00"


def test_a_portal_title_site_first_and_the_date_in_the_headline_cell():
    page = (
        "<!DOCTYPE html><html><head><title>Pemkab Y - Bupati Resmikan Pasar Rakyat Baru</title>"
        "</head><body><table><tr><td><strong>Bupati Resmikan Pasar Rakyat Baru</strong> | Senin, "
        f"2 Desember 2024</td></tr><tr><td>{BODY}</td></tr></table>"
        "<p>Copyright © 2014 Pemkab Y. All rights reserved.</p></body></html>"
    )
    article = clean_html(page, url="https://www.pemkab-y.go.id/berita/1")
    assert article.title == "Bupati Resmikan Pasar Rakyat Baru"
    assert article.published == "2024-12-02T00:00:00+07:00"


def test_the_feed_and_the_home_link_name_the_blog():
    page = (
        "<!DOCTYPE html><html><head><title>Infoku Terkini: Kerja Bakti Warga Desa</title>"
        "<link rel='alternate' type='application/atom+xml' title='Infoku Terkini - Atom' "
        "href='/feeds/posts/default'></head><body><h1><a href='https://infoku.blogspot.com/'>"
        "Infoku Terkini</a></h1><h3 class='post-title'>Kerja Bakti Warga Desa</h3>"
        f"<div class='post-body'>{BODY}</div></body></html>"
    )
    article = clean_html(page, url="https://infoku.blogspot.com/2024/12/a.html")
    assert article.title == "Kerja Bakti Warga Desa"
