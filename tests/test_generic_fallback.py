"""The generic path never gives up while the page has an article (issue 10.4): old markup whose
body is text between <br>s, layout tables and inline styles still gives its paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from cleaners import NoArticle, clean_html
from cleaners.readings import glued, in_page_order, shown_text

PARAGRAPHS = [
    "PEKANBARU - Harga tandan buah segar kelapa sawit di tingkat petani Kabupaten Kampar naik "
    "menjadi Rp 2.450 per kilogram pada pekan ini, tertinggi sejak awal tahun.",
    "Kepala Dinas Perkebunan setempat mengatakan kenaikan itu dipicu permintaan ekspor minyak "
    "sawit mentah yang kembali menguat setelah sempat melemah dua bulan terakhir.",
    "Para petani berharap harga tetap stabil hingga musim panen raya yang diperkirakan jatuh "
    "pada bulan depan, sehingga pendapatan keluarga bisa menutup biaya pupuk.",
    "Pemerintah daerah juga meminta pabrik kelapa sawit membeli buah petani swadaya sesuai "
    "harga penetapan provinsi agar tidak ada lagi permainan harga di lapangan.",
]
NAV = "".join(f"<a href='/kanal/{i}'>Kanal {i}</a> | " for i in range(40))

BR_BODY = (
    "<html><head><title>Harga TBS Sawit Naik - Warta Kampar</title></head><body>"
    f"<div>{NAV}</div><h1>Harga TBS Sawit di Kampar Naik</h1>"
    "<div style='font-family:Verdana;font-size:11px'>" + "<br><br>".join(PARAGRAPHS) + "</div>"
    "<div>Copyright 2015 Warta Kampar. All rights reserved.</div></body></html>"
)
LAYOUT_TABLE = (
    "<html><head><title>Warta Kampar</title></head><body><table width='100%'><tr>"
    f"<td width='20%' valign='top'>{NAV}</td><td width='60%' valign='top'>"
    "<font face='Arial' size='2'><b>Harga TBS Sawit di Kampar Naik</b><br><br>"
    + "<br><br>".join(PARAGRAPHS)
    + "</font></td><td width='20%'>Iklan</td></tr></table></body></html>"
)
INLINE_2015 = (
    "<html><head><title>Warta Kampar</title></head><body><center><table><tr><td>"
    "<span style='font-size:14pt;color:#003366'><strong>Harga TBS Sawit di Kampar Naik"
    "</strong></span><br>"
    + "".join(f"<span style='font-size:10pt'>{p}</span><br><br>" for p in PARAGRAPHS)
    + f"</td></tr></table>{NAV}</center></body></html>"
)


# A layout table's cells are unwrapped before trafilatura reads the page (cleaners/layout.py):
# read as data, the row of menu cell and article cell was one line.
@pytest.mark.parametrize("page", [BR_BODY, LAYOUT_TABLE, INLINE_2015],
                         ids=["br-body", "layout-table", "inline-2015"])  # fmt: skip
def test_old_markup_keeps_its_paragraphs(page):
    article = clean_html(page, url="https://wartakampar.example.id/berita/2015/07/sawit")
    assert article.method == "generic"
    body = "\n".join(article.paragraphs)
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    assert "Kanal 3" not in body and "Copyright" not in body


# The portals' own sign-offs glued to the last paragraph (`(fkh)`, `[idr]`, `(Ant/E-3)`,
# `(Z-2)`), Tempo's `Pilihan Editor:` links and its capitals sign-off (`ISTMAN MP`): the generic
# path, which carries these outlets' pages when their selectors miss, reads them as the site
# cleaners do.
GENERIC_OUTLETS = ("tempo", "mediaindonesia", "merdeka", "okezone")
OUTLET_PAGES = sorted(
    p
    for o in GENERIC_OUTLETS
    for p in (Path(__file__).parent.parent / "fixtures" / "pages" / o).iterdir()
)


@pytest.mark.parametrize("folder", OUTLET_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_generic_path_reads_the_newer_portals_exactly(folder: Path):
    url = json.loads((folder / "source.json").read_text(encoding="utf-8"))["url"]
    html = (folder / "page.html").read_text(encoding="utf-8")
    article = clean_html(html, url=url, outlet="generic")
    assert article.to_text() == (folder / "expected.txt").read_text(encoding="utf-8")


# A brief under a headline and its date, too short for an article by `looks_like_article`:
# trafilatura's recall pass falls back to the article element's whole text in one line, the
# headline and the date glued in front. That line is no reading of the page (it was stored so);
# the brief under its dateline is the story, as the site path keeps an outlet's one-sentence
# news. Without a dateline the one sentence may be a video's or a gallery's caption: no article.
STORY = (
    "PURWOKERTO – PT KAI Daop 5 mulai menjual tiket kereta ekonomi tambahan relasi "
    "Purwokerto-Pasar Senen untuk Lebaran 2026."
)


def brief(story: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Kereta Tambahan Mulai Dijual - Kabar Banyumas</title>"
        '<meta property="og:type" content="article"></head><body><header><nav>' + NAV + "</nav>"
        "</header><main><article><h1>Kereta Tambahan Mulai Dijual</h1><div class='meta'>Kamis, 5 "
        f"Maret 2026 07:30</div><div class='content'><p>{story}</p></div></article></main>"
        "<footer>Tentang Kami | Redaksi | Kontak</footer></body></html>"
    )


URL = "https://kabarbanyumas.id/2026/03/05/kereta-tambahan/"


def test_a_dated_brief_is_its_story_not_trafilaturas_glued_line():
    assert clean_html(brief(STORY), url=URL).paragraphs == [STORY]


def test_a_brief_without_its_dateline_is_no_article():
    with pytest.raises(NoArticle):
        clean_html(brief(STORY.removeprefix("PURWOKERTO – ")), url=URL)


def test_trafilaturas_glued_line_with_a_breadcrumb_before_the_headline_is_no_reading():
    title = "Ratusan Layang-layang Raksasa Warnai Langit Pantai Padang"
    line = f"News Foto News {title} Rahmat Hidayat - detikNews Sabtu, 08 Nov 2025 16:30 WIB Layang"
    assert glued([line], title) and not glued([title, "Festival digelar lagi."], title)


def test_a_photo_storys_lines_in_the_order_the_page_shows_them():
    """trafilatura sets a photo story's lead before the captions it follows; a carousel's hidden
    clone of its last slide, first in the markup, is no place in the story."""
    page = html.fromstring(
        "<div><div class='slick-slide slick-cloned' aria-hidden='true'><p>Tiga.</p></div>"
        "<div class='slick-slide'><p>Satu.</p></div><div class='slick-slide'><p>Dua.</p></div>"
        "<div class='slick-slide'><p>Tiga.</p></div><p>Lomba perahu naga digelar lagi.</p></div>"
    )
    got = in_page_order(["Lomba perahu naga digelar lagi.", "Satu.", "Dua.", "Tiga.", "Lain."],
                        shown_text(page))  # fmt: skip
    # a line the page does not hold as such (a rule changed it) stays after the one before it
    assert got == ["Satu.", "Dua.", "Tiga.", "Lain.", "Lomba perahu naga digelar lagi."]
