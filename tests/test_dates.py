"""Dates as pages print them (cleaners/dates.py): what is a clock time and what is not."""

from __future__ import annotations

import pytest

from cleaners.dates import parse_date

DATES = {
    "Senin, 3 November 2025 19:26 WIB": "2025-11-03T19:26:00+07:00",
    "Senin, 14 Maret 2016 - 10:22:00 WIB": "2016-03-14T10:22:00+07:00",
    "13/07/2025 14:20": "2025-07-13T14:20:00+07:00",
    "19 Juli 2026 pukul 10.00 WITA.": "2026-07-19T10:00:00+08:00",
    "December 2, 2024 10:15": "2024-12-02T10:15:00+07:00",
    # a view count after the date is no clock time (`1.284` is not 01:28)
    "Minggu, 19 Juli 2026 \xa0 Kominfo \xa0 1.284 kali dibaca": "2026-07-19T00:00:00+07:00",
    "19/07/2026 | 2.310 views": "2026-07-19T00:00:00+07:00",
    "Desember 02, 2024 · 1.284 dilihat": "2024-12-02T00:00:00+07:00",
}


@pytest.mark.parametrize(("text", "iso"), DATES.items(), ids=DATES.keys())
def test_printed_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def _read(page: str, url: str = "https://www.beritadesa.id/2016/03/15/x"):
    from cleaners import clean_html

    return clean_html(page, url=url)


BODY = "".join(
    f"<p>Kalimat {i} berita ini cukup panjang untuk dibaca sebagai paragraf artikel.</p>"
    for i in range(6)
)


def test_the_date_in_the_row_above_a_layout_tables_headline() -> None:
    page = (
        "<html><head><title>Banjir Rendam Tiga Desa</title></head><body><table>"
        "<tr><td><font size='1'>Selasa, 15 Maret 2016 13:47 WIB</font></td></tr>"
        f"<tr><td><h1>Banjir Rendam Tiga Desa</h1></td></tr><tr><td><div class='isi'>{BODY}"
        "</div></td></tr></table></body></html>"
    )
    assert _read(page).published == "2016-03-15T13:47:00+07:00"


def test_a_tickers_time_is_not_the_pages_date() -> None:
    """A `Terkini` ticker's `<time>`s come first in the page: the one beside the headline is
    the page's date."""
    ticker = "".join(
        f"<li><a href='/b/{i}'>Harga Cabai Rawit Naik Lagi di Pasar {i}</a> "
        f"<time datetime='2016-03-1{i}T08:00:00+07:00'>1{i} Mar</time></li>"
        for i in range(3)
    )
    page = (
        f"<html><head><title>Banjir Rendam Tiga Desa</title></head><body><ul>{ticker}</ul>"
        "<h1>Banjir Rendam Tiga Desa</h1><div class='meta'><time datetime="
        f"'2016-03-15T13:47:00+07:00'>15 Maret 2016</time></div><article>{BODY}</article>"
        "</body></html>"
    )
    assert _read(page).published == "2016-03-15T13:47:00+07:00"


def test_microdata_date_published_before_a_modified_time() -> None:
    page = (
        "<html><head><title>Banjir Rendam Tiga Desa</title></head><body>"
        "<h1>Banjir Rendam Tiga Desa</h1><dl class='article-info'><dd class='modified'><time "
        "datetime='2016-03-17T09:00:00+07:00' itemprop='dateModified'>Diperbarui</time></dd>"
        "<dd class='published'><time datetime='2016-03-15T13:47:00+07:00' itemprop="
        f"'datePublished'>Diterbitkan</time></dd></dl><article>{BODY}</article></body></html>"
    )
    assert _read(page).published == "2016-03-15T13:47:00+07:00"


def test_a_themes_meta_list_keeps_its_date() -> None:
    page = (
        "<html><head><title>Banjir Rendam Tiga Desa</title></head><body>"
        "<h1>Banjir Rendam Tiga Desa</h1><ul class='post-meta'><li><time datetime="
        "'2016-03-15T13:47:00+07:00'>15 Maret 2016</time></li><li><a href='/author/r'>Rina</a>"
        f"</li></ul><article>{BODY}</article></body></html>"
    )
    assert _read(page).published == "2016-03-15T13:47:00+07:00"


K2_DATE = "<span class='itemDateCreated'>Senin, 21 Juli 2025 09:14</span>"
K2_IMAGE = (
    "<div class='itemImageBlock'><img src='/a.jpg'><span class='{cls}'>Bupati melepas peserta,"
    " Minggu (20/7/2025).</span><span class='itemImageCredits'>Foto: Prokompim</span></div>"
)


@pytest.mark.parametrize(
    "caption_class",
    ["itemImageCaption", "foto-keterangan"],
    ids=["a caption class in capitals", "an unnamed caption: the event's day in brackets"],
)
def test_a_date_above_the_headlines_wrapper_not_the_captions(caption_class: str) -> None:
    """Joomla K2: the date before `div.itemHeader` (the headline first in it), the photo's
    caption under the headline dating the event a day earlier."""
    page = (
        "<html><head><title>Jalan Sehat Hari Jadi</title></head><body><div class='topbar'>"
        f"Selasa, 22 Juli 2025</div><div id='k2Container'>{K2_DATE}<div class='itemHeader'>"
        "<h2 class='itemTitle'>Jalan Sehat Hari Jadi</h2></div>"
        f"{K2_IMAGE.format(cls=caption_class)}<div class='itemFullText'>{BODY}</div></div>"
        "</body></html>"
    )
    assert _read(page).published == "2025-07-21T09:14:00+07:00"


def test_a_date_line_over_a_bold_headline_in_the_same_cell() -> None:
    """A 2016 mobile layout: no <h1>, the date and channel over the bold headline in one cell,
    the body after it; the date line is the page's date, no paragraph."""
    page = (
        "<html><head><title>Riau24.com - Banjir Rendam Tiga Desa</title><meta property='og:title'"
        " content='Banjir Rendam Tiga Desa'></head><body><table><tr><td><font size='1'>Senin, 05 "
        "Desember 2016 13:20 WIB | Kampar</font><br><font size='4'><b>Banjir Rendam Tiga Desa</b>"
        f"</font><br><br><font size='2'>{BODY}</font></td></tr></table></body></html>"
    )
    article = _read(page, url="https://m.riau24.com/berita/baca/1480918800-banjir")
    assert article.published == "2016-12-05T13:20:00+07:00"
    assert "Kampar" not in article.text


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Senin, 05 Desember 2016 13:20 WIB | Kampar", True),
        ("Riau | Selasa, 15 Maret 2016 13:47 WIB", True),
        ("Senin, 05 Desember 2016 | 13:20 WIB | Kuantan Singingi", True),
        ("Harga naik | Senin, 05 Desember 2016", False),  # words of a sentence, no label
        ("Kampar | Riau", False),
    ],
)
def test_a_date_line_with_its_channel(line: str, dated: bool) -> None:
    from cleaners.rules.stamps import is_dated_label_line

    assert is_dated_label_line(line) is dated
