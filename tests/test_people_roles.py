"""Who wrote and who edited, from what the page marks (issue 10.2): microdata, the role a
byline link's path names, an office's staff code beside the office."""

from __future__ import annotations

import pytest

from cleaners import clean_html

PARAGRAPHS = "".join(
    f"<p>Kalimat {i} berita ini cukup panjang untuk dibaca sebagai paragraf artikel yang utuh.</p>"
    for i in range(6)
)


def page_with(info: str, head: str = "", bottom: str = "") -> str:
    return (
        f"<html><head><title>Harga Cabai Naik</title>{head}</head><body><h1>Harga Cabai Naik</h1>"
        f"<div class='info'>{info}</div><div class='entry-content'>{PARAGRAPHS}{bottom}</div>"
        "</body></html>"
    )


MICRODATA = {
    "author and editor spans, no words": (
        "<span itemprop='author'><a href='/p/r'>Rina Ayu Lestari</a></span> "
        "<span itemprop='editor'>Budi Santoso</span>",
        (["Rina Ayu Lestari"], "Budi Santoso")),
    "a Person scope with its name inside": (
        "<span itemprop='author' itemscope itemtype='https://schema.org/Person'><i></i>"
        "<span itemprop='name'>Rina Ayu Lestari</span></span>", (["Rina Ayu Lestari"], None)),
    "a comment's author is not the article's": (
        "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
        "<span itemprop='author'>Pembaca Setia</span></div>", ([], None)),
    "a profile URL is nobody's name": (
        "<meta itemprop='author' content='https://www.facebook.com/rina'>", ([], None)),
}  # fmt: skip


@pytest.mark.parametrize(("info", "expected"), MICRODATA.values(), ids=MICRODATA.keys())
def test_microdata_names_the_writer_and_the_editor(info: str, expected: tuple) -> None:
    article = clean_html(page_with(info), url="https://www.patrazone.com/2025/12/02/harga-cabai")
    assert (article.authors, article.editor) == expected


def test_a_sign_off_in_capitals_is_the_microdata_writer() -> None:
    page = page_with("<span itemprop='author'>Musthofa Bisri</span>",
                     bottom="<p>MUSTHOFA BISRI</p>")  # fmt: skip
    article = clean_html(page, url="https://nasional.tempo.co/read/1270345/atap-sekolah")
    assert article.authors == ["Musthofa Bisri"]
    assert "MUSTHOFA" not in article.text


EDITOR_LINKS = {
    "the editor's page in the link": (
        "Oleh : <a href='/reporter/rina-ayu'>Rina Ayu Lestari</a>, "
        "<a href='https://www.viva.co.id/editor/budi'>Budi Santoso</a>",
        (["Rina Ayu Lestari"], "Budi Santoso")),
    "two writers, no editor link": (
        "Oleh : <a href='/reporter/rina-ayu'>Rina Ayu Lestari</a>, "
        "<a href='/reporter/budi'>Budi Santoso</a>", (["Rina Ayu Lestari", "Budi Santoso"], None)),
    "a path that only contains the word": (
        "Oleh : <a href='/penulis/rina-ayu'>Rina Ayu Lestari</a>, "
        "<a href='/tag/editorial-budi'>Budi Santoso</a>", (["Rina Ayu Lestari", "Budi Santoso"], None)),
}  # fmt: skip


@pytest.mark.parametrize(("info", "expected"), EDITOR_LINKS.values(), ids=EDITOR_LINKS.keys())
def test_a_byline_link_to_the_editors_page_is_the_editor(info: str, expected: tuple) -> None:
    article = clean_html(page_with(info), url="https://www.patrazone.com/2025/12/02/harga-cabai")
    assert (article.authors, article.editor) == expected


STAFF = {
    "a code before the writer's office": ("authors", "Ak, Humas Jateng",
                                          ([], None, "Humas Jateng", ["Ak"])),
    "a code before the editor's office": ("editor", "Ul, Diskominfo Jateng", ([], None, None, ["Ul"])),
    "a name before the office": ("authors", "Agus Setiawan, Humas Pemkab Sleman",
                                 (["Agus Setiawan"], None, "Humas Pemkab Sleman", [])),
    "a short name is no code": ("authors", "Ani, Humas Pemkab Sleman",
                                (["Ani"], None, "Humas Pemkab Sleman", [])),
    "an editor and their office": ("editor", "Budi Santoso - Diskominfo Kabupaten Magelang",
                                   ([], "Budi Santoso", None, [])),
    "two writers, no office": ("authors", "Rina Ayu, Budi Santoso",
                               (["Rina Ayu", "Budi Santoso"], None, None, [])),
}  # fmt: skip


@pytest.mark.parametrize(("key", "value", "expected"), STAFF.values(), ids=STAFF.keys())
def test_an_offices_staff_code_is_no_name(key: str, value: str, expected: tuple) -> None:
    from cleaners.rules import Captured

    captured = Captured()
    captured.add(key, value)
    assert (captured.authors, captured.editor, captured.source, captured.initials) == expected


def test_a_login_alone_is_no_office() -> None:
    from cleaners.metadata.desks import split_people

    assert split_people(["humas"]) == ([], None)
    assert split_people(["Humas", "Humas Pemkab Sleman"]) == ([], "Humas Pemkab Sleman")


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://m.riau24.com/berita/baca/1480918800-banjir", None),  # the outlet itself
        ("https://www.riau24.com/berita/baca/1480918800-banjir", None),
        ("https://www.beritadesa.id/2025/12/02/harga-cabai", "Riau24.com"),  # another outlet's
    ],
)
def test_a_source_naming_the_outlet_itself_is_none(url: str, source: str | None) -> None:
    article = clean_html(page_with("", bottom="<p>(Sumber : Riau24.com)</p>"), url=url)
    assert article.source == source


LD_AUTHOR = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"author":{"@type":"Person","name":"Budi Santoso"}}</script>'
)
EDITOR_ONLY = {
    "the editor's line alone": ("Editor: Budi Santoso", ([], "Budi Santoso")),
    "the editor and the wire": ("Red: Budi Santoso | Sumber: Antara", ([], "Budi Santoso")),
    "a writer beside the editor": ("Penulis: Rina Ayu Lestari | Editor: Budi Santoso",
                                   (["Rina Ayu Lestari"], "Budi Santoso")),
}  # fmt: skip


@pytest.mark.parametrize(("info", "expected"), EDITOR_ONLY.values(), ids=EDITOR_ONLY.keys())
def test_json_ld_naming_the_only_byline_an_editor(info: str, expected: tuple) -> None:
    """JSON-LD's author is whoever posted the story; the text calls that person its editor and
    names no writer: no author."""
    page = page_with(info, head=LD_AUTHOR)
    article = clean_html(page, url="https://www.suara.com/news/2025/07/14/153012/gelombang")
    assert (article.authors, article.editor) == expected


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Bagian Protokol dan Komunikasi Pimpinan", ["Bagian Protokol dan Komunikasi Pimpinan"]),
        ("Dinas Pemuda, Olahraga dan Pariwisata", ["Dinas Pemuda, Olahraga dan Pariwisata"]),
        ("Rina Ayu dan Budi Santoso", ["Rina Ayu", "Budi Santoso"]),
    ],
)
def test_an_offices_name_is_one_name(value: str, names: list[str]) -> None:
    from cleaners.rules.rule import split_names

    assert split_names(value) == names


def test_an_agency_writing_is_the_source() -> None:
    page = page_with("", bottom="<p>Penulis: Badan Penanggulangan Bencana Daerah</p>")
    article = clean_html(page, url="https://www.beritadesa.id/2025/12/02/harga-cabai-naik")
    assert (article.authors, article.source) == ([], "Badan Penanggulangan Bencana Daerah")
