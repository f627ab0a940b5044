"""A site's own plugs (cleaners/rules/plugs.py): its broadcast's plug, a donation appeal, the login
signing the post are dropped; the story's sentences with the same words stay text."""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.rules import Captured, Kind, classify

PLUGS = [
    "Saksikan berita lainnya di Riau Televisi, setiap hari pukul 17.00 WIB dalam program RTV Riau Hari Ini.",
    "Tonton terus liputan banjir rob hanya di kanal YouTube Pantura TV setiap hari pukul 18.00 WIB.",
    "Simak informasi terkini lainnya di Radio Suara Kendari setiap hari pukul 07.00 WITA.",
    "Salurkan donasi terbaik Anda untuk korban bencana melalui Lazismu. Klik di sini.",
    "Tunaikan zakat fitrah dan infak Anda melalui BAZNAS Kabupaten Garut.",
    "Admin Desa Sidomulyo",
    "Administrator",
    "Admin Web Pantura TV",
]
STORY = [
    "Warga menyaksikan berita itu di televisi setiap hari pukul 17.00 WIB di balai desa.",
    "Saksikan bagaimana para petani memanen padi di tengah banjir, kata Budi kepada wartawan.",
    "Salurkan bantuan ke posko terdekat, pinta bupati kepada para camat dalam rapat koordinasi.",
    "Masyarakat yang ingin menyalurkan donasi dapat datang langsung ke kantor Lazismu Cianjur.",
    "Admin grup WhatsApp warga itu kemudian dilaporkan ke polisi oleh korban.",
    "Administrasi kependudukan kini dilayani di kantor kecamatan setiap hari kerja.",
]


@pytest.mark.parametrize("line", PLUGS)
def test_a_plug_is_dropped(line):
    assert classify(line, Captured()) is not Kind.TEXT


@pytest.mark.parametrize("line", STORY)
def test_the_story_with_the_same_words_stays(line):
    assert classify(line, Captured()) is Kind.TEXT


PARAGRAPHS = [
    "SIAK – Jembatan di Perawang retak di dua titik sehingga kendaraan berat dilarang melintas "
    "sejak Senin, kata Kepala Dinas PUPR Riau kepada wartawan di lokasi.",
    "Petugas Dinas Perhubungan dan kepolisian berjaga di kedua ujung jembatan untuk memastikan "
    "larangan itu dipatuhi, dan portal pembatas ketinggian juga dipasang.",
    "Hasil kajian kekuatan jembatan ditargetkan keluar dalam dua pekan, dan perbaikan besar akan "
    "diusulkan dalam APBD Perubahan bila memang diperlukan.",
]


def test_a_generic_page_loses_its_plugs_and_keeps_its_text():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "".join(
        f"<p><b>{line}</b></p>" for line in (PLUGS[0], PLUGS[5])
    )
    page = (
        "<html><head><title>Jembatan Perawang Retak - Riau TV</title></head><body>"
        f"<article><h1>Jembatan Perawang Retak</h1><div class='entry-content'>{body}</div>"
        "</article></body></html>"
    )
    article = clean_html(page, "https://riautv.example.id/berita/jembatan", outlet="generic")
    assert article.paragraphs == PARAGRAPHS
