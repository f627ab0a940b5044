"""Teaser blocks inside the body column (issue 10, class e): each form, put between two
paragraphs of a real tune page, leaves the article's text as it was on both paths; a real list
of the article (prices, steps, names with links) stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_html
from cleaners.generic import clean_generic

HELD = Path(__file__).parent.parent / "bench/holdouts/tune3/suara__umkm-batik-go-digital-solo"
PAGE = (HELD / "page.html").read_text(encoding="utf-8")
URL = json.loads((HELD / "source.json").read_text(encoding="utf-8"))["url"]
EXPECTED = (HELD / "expected.txt").read_text(encoding="utf-8")
ANCHOR = "<p>Untuk itu, forum menggandeng"
SITE = "https://www.suara.com/news/2026/06/1{0}/10{0}000/{1}"
HEADLINES = [
    "Pemkot Solo Siapkan Lahan Parkir Baru di Pasar Klewer",
    "Harga Cabai di Boyolali Turun Jelang Akhir Pekan",
    "Warga Sukoharjo Keluhkan Jalan Rusak di Jalur Alternatif",
    "Dinas Pendidikan Klaten Buka Pendaftaran Sekolah Rakyat",
]


def links(form: str, n: int = 3) -> str:
    return "".join(
        form.format(href=SITE.format(i, h.lower().replace(" ", "-")), title=h, n=i + 1)
        for i, h in enumerate(HEADLINES[:n])
    )


TEASERS = {
    "heading-in-box": "<div><h2>Artikel Menarik Lainnya</h2><ul>"
    + links('<li><a href="{href}">{title}</a></li>')
    + "</ul></div>",
    "cards-label-date-excerpt": "<div>"
    + links(
        '<div><a href="{href}"><img src="/t{n}.jpg"></a><div>Bisnis</div><h3><a href="{href}">'
        "{title}</a></h3><div>Kamis, 11 Juni 2026 | 10:0{n} WIB</div><p>Ringkasan singkat berita"
        " nomor {n} yang tampil di bawah judul kartu.</p></div>"
    )
    + "</div>",
    "rank-divs": "<div><div>Terpopuler</div>"
    + links('<div><div>{n}</div><div><a href="{href}">{title}</a></div></div>', 4)
    + "</div>",
    "heading-in-p-strong": "<p><strong>Berita Pilihan untuk Anda</strong></p><ol>"
    + links('<li><a href="{href}">{title}</a></li>')
    + "</ol>",
    "div-heading-then-cards": "<div>Kamu Mungkin Suka</div><div>"
    + links(
        '<div><a href="{href}"><img src="/k{n}.jpg"></a><h3><a href="{href}">{title}</a></h3></div>'
    )
    + "</div>",
    "no-heading": "<ul>" + links('<li><a href="{href}">{title}</a></li>') + "</ul>",
    "numbered-p-run": links('<p>{n}. <a href="{href}">{title}</a></p>'),
    "video-card": '<div><h3>Video Pilihan</h3><div><a href="{0}"><img src="/v.jpg"></a><a href="{0}">'
    "Detik-detik Banjir Rendam Pasar Gede Solo</a><span>02:31</span></div></div>".format(
        SITE.format(9, "video-banjir")
    ),
    "video-card-heading-qualified": "<div><p><strong>Video Pilihan Hari Ini</strong></p><div><a "
    'href="{0}"><img src="/v.jpg"></a><h4><a href="{0}">Detik-detik Banjir Rendam Pasar Gede Solo'
    "</a></h4><span>01:45</span></div></div>".format(SITE.format(8, "video-pasar-gede")),
    "tag-box-qualified": '<div><h4>Tag Terkait</h4><a href="/tag/a">KRL</a> <a href="/tag/b">KCI</a></div>',
    "tags-label": '<div><span>Tags</span> <a href="/tag/a">batik</a> <a href="/tag/b">umkm</a></div>',
    "topic-box": '<div><h4>Topik Pilihan</h4><a href="/topik/a">Pilkada 2026</a>'
    '<a href="/topik/b">Harga Pangan</a></div>',
    "newsletter": "<div><h4>Newsletter</h4><p>Daftarkan email Anda dan dapatkan berita terbaru "
    'setiap pagi.</p><input type="email"><button>Langganan</button></div>',
    "poll": "<div><h4>Polling</h4><p>Setujukah Anda perajin batik wajib berjualan daring?</p>"
    '<label><input type="radio">Setuju</label><button>Pilih</button></div>',
    # an outlet's quiz box: its name, one question, the answer button
    "quiz": '<div class="quiz-box"><div class="quiz-title">Kuis Suara</div><div class="quiz-q">'
    "Di kampung mana batik Laweyan pertama dibuat?</div><button>Jawab dan dapatkan poin</button></div>",
    "quiz-join": "<section><h3>Ikuti Kuis Harian</h3><p>Berapa jumlah perajin batik di Solo?</p><ul>"
    "<li>120</li><li>300</li><li>500</li></ul></section>",
    "share-bar": '<div><span>Bagikan artikel ini</span> <a href="https://facebook.com/x">Facebook'
    '</a> <a href="https://wa.me/x">WhatsApp</a></div>',
    # a ranking whose rank and count share the headline's line, no space between (`1Pemkot …351`)
    "ranking-rank-and-views": "<div><h4>Terpopuler</h4><ol>"
    + links('<li><span>{n}</span><a href="{href}">{title}</a><span>{n}51 views</span></li>', 4)
    + "</ol></div>",
    "times-beside-headlines": "<ul>"
    + links('<li><a href="{href}">{title}</a> <span>{n} jam lalu</span></li>')
    + "</ul>",
    # teasers loose among the paragraphs, no list or box of their own
    "dated-p-run": links('<p><a href="{href}">{title}</a> ({n}/6/2026)</p>'),
    "dated-dash-p-run": links('<p><a href="{href}">{title}</a> - Kamis, 1{n} Juni 2026</p>'),
    "loose-cards-h3-date-more": links(
        '<div><h3><a href="{href}">{title}</a></h3><span>1{n} Juni 2026</span><a href="{href}">'
        "Baca selengkapnya</a></div>"
    ),
    "contribute-box": "<div><h4>Punya cerita? Tulis di Your Say</h4><p>Bagikan tulisanmu dan "
    "dapatkan kesempatan tampil di Suara.com.</p></div>",
    # a layout table's side cell holding a menu: a bold label over a link a line
    "menu-cell": '<table><tr><td><b>Kanal</b><br><a href="/k/solo">Solo Raya</a><br><a href="/k/'
    'jateng">Jawa Tengah</a><br><a href="/k/diy">Yogyakarta</a></td></tr></table>',
    # a box summing the story up in bullet lines (suara's `Baca 10 Detik`)
    "summary-box": "<div><h3>Baca 10 Detik</h3><ul><li>Forum UMKM Batik Laweyan melatih 120 perajin "
    "berjualan daring sejak awal tahun.</li><li>Penjualan daring kini menyumbang hampir separuh omzet "
    "sebagian perajin.</li><li>Mahasiswa dari sejumlah kampus di Solo ikut mendampingi perajin.</li>"
    "</ul></div>",
    "summary-box-ringkasan": "<div><p><strong>Ringkasan</strong></p><ul><li>Perajin batik Laweyan "
    "kini berjualan lewat lokapasar dan media sosial.</li><li>Pelatihan digelar forum UMKM setiap "
    "bulan.</li></ul></div>",
    "author-box": "<div><h4>Tentang Penulis</h4><p>Ari Welianto adalah kontributor Suara.com "
    "di Solo sejak 2019.</p></div>",
    "reactions-box": "<div><h3>Bagaimana reaksi Anda?</h3><span>Senang</span><span>Sedih</span>"
    "<span>Marah</span></div>",
    "contribute-box-send": "<aside><h3>Kirim Tulisanmu ke Retizen</h3><p>Opini dan cerita warga "
    "kami muat setiap hari.</p></aside>",
}

REAL_LISTS = {
    "prices": (
        "<p>Harga batik di galeri forum:</p><ul><li>Batik tulis halus: Rp 1,5 juta per lembar</li>"
        "<li>Batik cap: Rp 250.000 per lembar</li></ul>",
        ["Harga batik di galeri forum:", "Batik tulis halus: Rp 1,5 juta per lembar",
         "Batik cap: Rp 250.000 per lembar"],
    ),
    "steps-with-a-link": (
        '<p>Cara mendaftar pelatihan:</p><ol><li>Perajin mendaftar di <a href="https://www.suara'
        '.com/tag/umkm">laman UMKM</a> Pemkot Solo.</li><li>Tim forum memverifikasi data dalam '
        "tiga hari kerja.</li></ol>",
        ["Cara mendaftar pelatihan:", "Perajin mendaftar di laman UMKM Pemkot Solo.",
         "Tim forum memverifikasi data dalam tiga hari kerja."],
    ),
    "results-of-linked-teams": (
        '<p>Hasil laga lain pekan ini:</p><ul><li><a href="https://www.suara.com/tag/persis">Persis'
        ' Solo</a> 2-1 <a href="https://www.suara.com/tag/psim">PSIM</a></li><li><a href="https://'
        'www.suara.com/tag/persebaya">Persebaya</a> 3-0 <a href="https://www.suara.com/tag/arema">'
        "Arema FC</a></li></ul>",
        ["Hasil laga lain pekan ini:", "Persis Solo 2-1 PSIM", "Persebaya 3-0 Arema FC"],
    ),
    "names-with-links": (
        '<p>Perajin yang hadir:</p><ul><li><a href="https://www.suara.com/tag/sri-lestari">Sri '
        'Lestari</a>, perajin batik tulis</li><li><a href="https://www.suara.com/tag/budi">Budi '
        "Santoso</a>, pemilik Batik Mahkota</li></ul>",
        ["Perajin yang hadir:", "Sri Lestari, perajin batik tulis",
         "Budi Santoso, pemilik Batik Mahkota"],
    ),
    "short-sentences-opening-with-a-link": (
        '<p><a href="https://www.suara.com/tag/gibran">Wali Kota Solo Respati</a> hadir pagi itu.'
        '</p><p><a href="https://www.suara.com/tag/umkm">Forum UMKM Batik Laweyan</a> juga '
        "datang.</p>",
        ["Wali Kota Solo Respati hadir pagi itu.", "Forum UMKM Batik Laweyan juga datang."],
    ),
}  # fmt: skip

PATHS = {
    "site": lambda page: clean_html(page, url=URL),
    "generic": lambda page: clean_generic(page, URL),
}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", TEASERS)
def test_a_teaser_block_between_paragraphs_leaves_the_text_as_it_was(name, path):
    article = PATHS[path](PAGE.replace(ANCHOR, TEASERS[name] + ANCHOR, 1))
    assert article.to_text() == EXPECTED


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", REAL_LISTS)
def test_a_real_list_of_the_article_stays(name, path):
    snippet, lines = REAL_LISTS[name]
    article = PATHS[path](PAGE.replace(ANCHOR, snippet + ANCHOR, 1))
    before, after = EXPECTED.split("Untuk itu, forum menggandeng", 1)
    assert article.to_text() == before + "\n".join(lines) + "\nUntuk itu, forum menggandeng" + after


# The last teaser block under the body, its heading in a box trafilatura drops (`<div
# class=title-box>`): the generic path keeps none of its headlines.
LAST_BLOCK = (
    '<div class="populer"><div class="title-box">Berita Populer</div><ul>'
    + links(
        '<li><a href="{href}"><h3>{title}</h3></a><span class="date">{n} jam lalu</span></li>', 4
    )
    + "</ul></div>"
)


def test_the_last_headed_teaser_block_goes_on_the_generic_path():
    page = PAGE.replace('<div class="tag-header">', LAST_BLOCK + '<div class="tag-header">', 1)
    assert clean_generic(page, URL).to_text() == EXPECTED
