"""One person, one name (issue 10.2): bylines, sign-offs and the page's metadata reconciled."""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.metadata.people import abbreviates, looks_like_name, one_name_each


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Rina Ayu", "Rina Ayu Lestari"),
        ("Rin", "Rina Ayu Lestari"),
        ("Rina A.", "Rina Ayu Lestari"),
        ("Rina Lestari", "Rina Ayu Lestari"),
        ("RAL", "Rina Ayu Lestari"),
        ("fah", "Fahmi Ramadhan"),
        ("M. Fauzan", "Muhammad Fauzan"),
    ],
)
def test_shorter_forms_of_a_name(short: str, full: str) -> None:
    assert abbreviates(short, full)
    assert not abbreviates(full, short)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Ayu Lestari", "Rina Ayu Lestari"),  # the first name is never left out
        ("Rini", "Rina Ayu Lestari"),
        ("R", "Rina Ayu Lestari"),  # one letter is nobody
        ("Rina Ayu Lestari", "Rina Ayu Lestari"),
        ("Lestari Rina", "Rina Ayu Lestari"),
    ],
)
def test_other_names_are_not_shortenings(short: str, full: str) -> None:
    assert not abbreviates(short, full)


@pytest.mark.parametrize("name", ["Fransiskus Adhiyuda", "Reynas", "Andi Muh Ikhsan"])
def test_names_read_as_names(name: str) -> None:
    assert looks_like_name(name)


@pytest.mark.parametrize("code", ["Fah", "RAL", "rin", "ant", "Z-2", ""])
def test_codes_do_not(code: str) -> None:
    assert not looks_like_name(code)


CASES = {
    "short sign-off of the byline": (
        (["Rina Ayu Lestari"], [], ["Rina Ayu"], None), (["Rina Ayu Lestari"], [])),
    "initialled sign-off of the byline": (
        (["Fahmi Ramadhan"], [], ["Fah"], "Adi Suhendi"), (["Fahmi Ramadhan"], [])),
    "the sign-off spells out a short byline": (
        ([], ["Rina Ayu"], ["Rina Ayu Lestari"], None), (["Rina Ayu Lestari"], [])),
    "a short byline line beside the page's full name": (
        (["Rina Ayu Lestari"], ["Rina Ayu"], [], None), (["Rina Ayu Lestari"], [])),
    "a sign-off that names nobody else": (
        (["Rina Ayu Lestari"], [], ["Fransiskus Adhiyuda"], None),
        (["Rina Ayu Lestari", "Fransiskus Adhiyuda"], [])),
    "a code that fits nobody": ((["Rina Ayu Lestari"], [], ["Wan"], None), (["Rina Ayu Lestari"], ["Wan"])),
    "a code that fits two people": (
        (["Rina Ayu", "Rini Putri"], [], ["Ri"], None), (["Rina Ayu", "Rini Putri"], ["Ri"])),
    "the editor's line is no byline": (
        ([], ["Andi Muh Ikhsan", "Syamsul Bahri"], [], "Syamsul Bahri"), (["Andi Muh Ikhsan"], [])),
    "the editor's sign-off": ((["Andi Muh Ikhsan"], [], ["Syamsul"], "Syamsul Bahri"), (["Andi Muh Ikhsan"], [])),
    # The page's own metadata names the editor as its author (a WordPress account): kept.
    "the page says the editor wrote it": (
        (["Syamsul Bahri"], ["Andi Muh Ikhsan"], [], "Syamsul Bahri"),
        (["Syamsul Bahri", "Andi Muh Ikhsan"], [])),
    "one spelling per person": (
        (["RINA AYU LESTARI"], ["Rina Ayu Lestari"], ["RIN"], None), (["Rina Ayu Lestari"], [])),
    "a photo credit's word is nobody": ((["Rina Ayu Lestari"], [], ["Istimewa"], None), (["Rina Ayu Lestari"], [])),
    "two reporters, one initialled": (
        (["Ferrika Lukmana Sari", "Nina Dwiantika"], [], ["Nina"], None),
        (["Ferrika Lukmana Sari", "Nina Dwiantika"], [])),
}  # fmt: skip


@pytest.mark.parametrize(("given", "expected"), CASES.values(), ids=CASES.keys())
def test_one_name_each(given: tuple, expected: tuple) -> None:
    assert one_name_each(*given) == expected


PARAGRAPHS = "".join(
    f"<p>Kalimat {i} berita ini cukup panjang untuk dibaca sebagai paragraf artikel yang utuh.</p>"
    for i in range(6)
)


def byline_page(writer: str, head: str = "") -> str:
    return (
        "<html><head><title>Harga Cabai Naik</title><meta property='og:type' content='article'>"
        f"{head}</head><body><h1>Harga Cabai Naik</h1><div class='writer'>{writer}</div>"
        f"<article><div class='detail--content'>{PARAGRAPHS}</div></article></body></html>"
    )


WRITER = (
    "<a href='/r'>Rina Ayu Lestari</a> <span class='editor'><a href='/e'>Budi Santoso</a></span>"
)
LD_EDITOR = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"author":[{"@type":"Person","name":"Budi Santoso"}]}</script>'
)


def test_the_editor_link_in_a_byline_box_is_no_author() -> None:
    article = clean_html(byline_page(WRITER), url="https://www.suara.com/news/2025/12/02/x")
    assert (article.authors, article.editor) == (["Rina Ayu Lestari"], "Budi Santoso")


def test_the_page_naming_its_editor_as_author_is_believed() -> None:
    article = clean_html(
        byline_page(WRITER, LD_EDITOR), url="https://www.suara.com/news/2025/12/02/x"
    )
    assert article.editor == "Budi Santoso" and "Budi Santoso" in article.authors


def post_page(top: str = "", bottom: str = "", head: str = "") -> str:
    """A post of an outlet without a site cleaner, its byline lines inside the body column."""
    return (
        "<html><head><title>Harga Cabai Naik</title><meta property='og:type' content='article'>"
        f"{head}</head><body><h1>Harga Cabai Naik</h1><article><div class='entry-content'>{top}"
        f"{PARAGRAPHS}{bottom}</div></article></body></html>"
    )


LAST = "<p>Kalimat terakhir berita ini juga panjang dan ditutup dengan tanda titik.</p>"
BYLINES = {
    "two writers and the editor (kompas)": (
        post_page("<p>Penulis: Rina Ayu Lestari, Budi Santoso | Editor: Dewi Sartika</p>"),
        (["Rina Ayu Lestari", "Budi Santoso"], "Dewi Sartika")),
    "A, B dan C": (post_page("<p>Reporter: Rina Ayu Lestari, Budi Santoso dan Dewi Sartika</p>"),
                   (["Rina Ayu Lestari", "Budi Santoso", "Dewi Sartika"], None)),
    "a correspondent and their place (kompas)": (
        post_page("<p>Kontributor Bandung, Reni Susanti</p>"), (["Reni Susanti"], None)),
    "a contributor line names a second writer": (
        post_page("<p>Penulis: Rina Ayu Lestari</p>", "<p>Kontributor: Budi Santoso</p>"),
        (["Rina Ayu Lestari", "Budi Santoso"], None)),
    "Pewarta and Editor in two glued spans (antaranews)": (
        post_page("", "<p><span>Pewarta: Rina Ayu Lestari</span><span>Editor: Budi Santoso</span>"
                      "</p><p>COPYRIGHT © ANTARA 2025</p>"),
        (["Rina Ayu Lestari"], "Budi Santoso")),
    "a Blogger post signs its writer after the last sentence": (
        post_page("<p>Diposting oleh Admin pada 12 Desember 2025</p>",
                  LAST.replace("titik.</p>", "titik. (Penulis: Rina Ayu Lestari)</p>")),
        (["Rina Ayu Lestari"], None)),
    "the reporter's line and the photographer (no author)": (
        post_page("<p>Laporan Reporter: Rina Ayu Lestari | Foto: Budi Santoso</p>"),
        (["Rina Ayu Lestari"], None)),
    "the byline line closed by the rights line (antaranews)": (
        post_page("", "<p>Pewarta: Rina Ayu Lestari | Editor: Budi Santoso | COPYRIGHT © ANTARA 2025</p>"),
        (["Rina Ayu Lestari"], "Budi Santoso")),
    "the editor's span glued to the rights span": (
        post_page("", "<p><span>Pewarta: Rina Ayu Lestari</span><span>Editor: Budi Santoso</span>"
                      "<span>Copyright © ANTARA 2025</span></p>"),
        (["Rina Ayu Lestari"], "Budi Santoso")),
    "the sign-off names the outlet first": (
        post_page("<p>Penulis: Rina Ayu Lestari</p>",
                  LAST.replace("titik.</p>", "titik. (Beritadesa/Rina)</p>")),
        (["Rina Ayu Lestari"], None)),
    "the meta author gives the role and its place (kompas 2015)": (
        post_page(head="<meta name='author' content='Kontributor Bandung, Reni Susanti'>"),
        (["Reni Susanti"], None)),
    "the meta author is the publisher": (
        post_page("<p>Penulis: Rina Ayu Lestari</p>", head="<meta name='author' content='Kompas Cyber Media'>"),
        (["Rina Ayu Lestari"], None)),
    "the writer and the outlet's name glued after the last sentence": (
        post_page("<p>Oleh: Redaksi</p>",
                  LAST.replace("titik.</p>", "titik. (Muhammad Fauzan/Warta Desa)</p>")),
        (["Muhammad Fauzan"], None)),
    "text and photos by one person": (
        post_page("<p>Teks dan Foto: Rina Ayu Lestari</p>"), (["Rina Ayu Lestari"], None)),
}  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), BYLINES.values(), ids=BYLINES.keys())
def test_byline_forms_of_unseen_pages(page: str, expected: tuple) -> None:
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert (article.authors, article.editor) == expected
    lines = [line for line in article.text.splitlines() if line]
    assert all(line.startswith(("Kalimat", "Harga")) for line in lines)  # no byline left in it


def test_an_info_line_naming_two_writers() -> None:
    """`Penulis: A, B` in a post's info line outside the body: two people, not one."""
    page = post_page().replace(
        "<article>",
        "<div class='entry-meta'>22 November 2025 | Penulis: Rina Ayu, Budi Santoso</div><article>",
    )
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert article.authors == ["Rina Ayu", "Budi Santoso"]


# Byline forms of issue 10's class b met on the holdouts (people10): each a rule, not a page.
MORE_BYLINES = {
    "the place a report was filed from (Laporan: A, Binjai)": (
        post_page("<p>Laporan: Fadli Siregar, Binjai</p>"), (["Fadli Siregar"], None)),
    "two reporters and their place": (
        post_page("<p>Laporan: Fadli Siregar dan Rina Ayu Lestari, Medan</p>"),
        (["Fadli Siregar", "Rina Ayu Lestari"], None)),
    "a contributor and their regency": (
        post_page("<p>Kontributor: Fadli Siregar, Kab. Karo</p>"), (["Fadli Siregar"], None)),
    "Oleh A di Jakarta: the place is no name": (
        post_page("<p>Oleh Budi Santoso di Jakarta</p>"), (["Budi Santoso"], None)),
    "a desk's Oleh line leaves the text and names nobody": (
        post_page("<p>Oleh Tim Redaksi</p>"), ([], None)),
    "a desk's line beside the writer's": (
        post_page("<p>Oleh Tim Redaksi</p>", "<p>Penulis: Rina Ayu Lestari</p>"),
        (["Rina Ayu Lestari"], None)),
    "a login in JSON-LD, a person in the theme's byline": (
        post_page("<div class='author'><a href='/author/rina'>Rina Ayu Lestari</a></div>",
                  head='<script type="application/ld+json">{"@context":"https://schema.org",'
                       '"@type":"NewsArticle","author":{"@type":"Person","name":"admin"}}</script>'),
        (["Rina Ayu Lestari"], None)),
    "a place after the comma of an Oleh line": (
        post_page("<p>Oleh Agus Setiawan, Depok</p>"), (["Agus Setiawan"], None)),
    "the place a report was filed from, after a slash": (
        post_page("<p>Laporan: Zahrul Darmawan/Depok</p>"), (["Zahrul Darmawan"], None)),
    "print's sign-off: two writers in capitals": (
        post_page(bottom="<p>MAYA AYU PUSPITASARI | FRISKI RIANA</p>"),
        (["MAYA AYU PUSPITASARI", "FRISKI RIANA"], None)),
}  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), MORE_BYLINES.values(), ids=MORE_BYLINES.keys())
def test_more_byline_forms(page: str, expected: tuple) -> None:
    test_byline_forms_of_unseen_pages(page, expected)


def test_a_press_office_oleh_line_is_the_source() -> None:
    article = clean_html(post_page("<p>Oleh Humas Pemkab Sleman</p>"),
                         url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")  # fmt: skip
    assert (article.authors, article.source) == ([], "Humas Pemkab Sleman")
    assert "Oleh" not in article.text


def test_a_date_after_the_name_in_an_info_line() -> None:
    """`Oleh Fathurrahman 27 Mei 2025` (a theme's info line): the name without the date."""
    page = post_page().replace(
        "<article>", "<div class='entry-meta'>Oleh <a>Fathurrahman</a> 27 Mei 2025</div><article>"
    )
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert article.authors == ["Fathurrahman"]


def test_a_blog_account_named_after_the_blog_is_nobody() -> None:
    """Blogger's `Diposting oleh Kabar Desa` on the blog `Kabar Desa Banyuwangi`: the account
    posts for everyone; the text's `Penulis:` names the writer."""
    page = post_page(bottom="<p>Penulis: Rina Ayu Lestari</p>",
                     head="<meta property='og:site_name' content='Kabar Desa Banyuwangi'>")  # fmt: skip
    page = page.replace(
        "</article>", "</article><div class='post-author vcard'>Diposting oleh "
        "<span class='fn'>Kabar Desa</span></div>",
    )  # fmt: skip
    article = clean_html(page, url="https://kabardesabanyuwangi.blogspot.com/2025/11/x.html")
    assert article.authors == ["Rina Ayu Lestari"]


def test_a_byline_block_after_the_body() -> None:
    """kompas 2015: `<div class="kcm-author"><p>Penulis : A</p><p>Editor : B</p></div>` after
    the body, outside it, and no byline above the body."""
    page = (
        "<html><head><title>Hakim Tolak Praperadilan</title></head><body>"
        "<div class='kcm-read'><h1 class='kcm-read-title'>Hakim Tolak Praperadilan</h1>"
        f"<div class='kcm-read-text'>{PARAGRAPHS}</div>"
        "<div class='kcm-author'><p>Penulis : Abba Gabrillin</p><p>Editor : Sandro Gatra</p>"
        "</div><div class='kcm-terkait'><h3>Berita Terkait</h3><ul><li><a href='/a'>Oleh "
        "Tim Lain Menulis Berita Terkait</a></li></ul></div></div></body></html>"
    )
    url = "https://nasional.kompas.com/read/2015/11/23/15440861/Hakim.Tolak.Praperadilan"
    article = clean_html(page, url=url)
    assert (article.authors, article.editor) == (["Abba Gabrillin"], "Sandro Gatra")


def test_okezone_two_journalists_in_one_byline() -> None:
    from cleaners.rules import Captured, classify
    from cleaners.sites import site_named

    captured = Captured()
    line = "Rivan Nasri Rachman, Andika Rachmansyah, Jurnalis · Rabu 02 Juli 2025 22:15 WIB"
    classify(line, captured, site_named("okezone").rules)
    assert captured.authors == ["Rivan Nasri Rachman", "Andika Rachmansyah"]


SOURCES = {
    "a writer and their office": (
        post_page("<p>Oleh: Agus Setiawan - Humas Distanbun Jateng</p>"),
        (["Agus Setiawan"], "Humas Distanbun Jateng")),
    "an office's short name as the writer (a press release)": (
        post_page("<p>Penulis: Distanbun Jateng</p>"), ([], "Distanbun Jateng")),
    "a regency's disaster agency": (post_page("<p>Penulis: BPBD Kabupaten Garut</p>"),
                                    ([], "BPBD Kabupaten Garut")),
    "a pesantren's media team": (post_page("<p>Penulis: Tim Media Ponpes Al Hikmah</p>"),
                                 ([], "Tim Media Ponpes Al Hikmah")),
    "NU's writing board": (post_page("<p>Oleh: LTN PCNU Kudus</p>"), ([], "LTN PCNU Kudus")),
    "print's sign-off: the writer and the wire": (
        post_page(bottom="<p>HAMDAN CHOLIFUDIN ISMAIL | ANTARA</p>"),
        (["HAMDAN CHOLIFUDIN ISMAIL"], "ANTARA")),
}  # fmt: skip


@pytest.mark.parametrize(("page", "expected"), SOURCES.values(), ids=SOURCES.keys())
def test_offices_and_wires_are_the_source(page: str, expected: tuple) -> None:
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert (article.authors, article.source) == expected
    assert all(line.startswith(("Kalimat", "Harga")) for line in article.text.splitlines() if line)


LABELLED_BOXES = {
    "labels in spans, names linked beside them (viva)": (
        "<div class='byline'><span>Oleh :</span> <a href='/a/f'>Fajar Sodiq</a> (Boyolali)</div>"
        "<div class='byline'><span>Editor :</span> <a href='/a/d'>Dwi Royanto</a></div>",
        (["Fajar Sodiq"], "Dwi Royanto")),
    "two linked writers under one label, no comma (tempo)": (
        "<div class='author-box'><span class='label'>Penulis</span> <a href='/p/i'>Intan Permatasari"
        "</a> <a href='/p/m'>Mutiara Rahmadani</a> <span class='label'>Editor</span> <a href='/p/s'>"
        "Sapto Nugroho</a></div>",
        (["Intan Permatasari", "Mutiara Rahmadani"], "Sapto Nugroho")),
    "a place after the bar is no name": (
        "<div class='byline'><span>Oleh :</span> <a href='/a/f'>Fajar Sodiq</a> | "
        "<span>Jawa Tengah</span></div>", (["Fajar Sodiq"], None)),
}  # fmt: skip


@pytest.mark.parametrize(("box", "expected"), LABELLED_BOXES.values(), ids=LABELLED_BOXES.keys())
def test_labelled_byline_boxes_between_headline_and_body(box: str, expected: tuple) -> None:
    page = (
        "<html><head><title>Harga Cabai Naik</title></head><body><h1>Harga Cabai Naik</h1>"
        f"{box}<div class='entry-content'>{PARAGRAPHS}</div></body></html>"
    )
    article = clean_html(page, url="https://www.patrazone.com/2025/12/02/harga-cabai-naik")
    assert (article.authors, article.editor) == expected


@pytest.mark.parametrize(
    "meta",
    [
        "<span class='meta-author'><a href='/author/y/' class='author-name'>Yulius Ananta</a></span>",
        "<div class='jeg_meta_author'><a href='/author/y/'>Yulius Ananta</a></div>",
        "<span class='td-post-author-name'><a href='/author/y/'>Yulius Ananta</a></span>",
    ],
    ids=["Jannah", "JNews", "Newspaper"],
)
def test_a_themes_author_link_without_a_word_before_it(meta: str) -> None:
    """The writer only in the theme's author element, no `Oleh`/`Penulis`, no JSON-LD author."""
    page = post_page().replace("<article>", f"{meta}<article>")
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert article.authors == ["Yulius Ananta"]
