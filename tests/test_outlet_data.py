"""The outlets' data: URL rules pick articles, the whole-article switch names no other article,
the page parameter is the outlet's. (Renamed layouts: tests/test_layout_drift.py.)"""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.fixtures import ROOT, Fixture
from cleaners.sites import BY_NAME

# (outlet, URL path, is it an article?)
PATHS = [
    ("kompas", "/read/2025/11/04/14251801/dpr-tunda-pengesahan-ruu-penyiaran", True),
    ("kompas", "/tren/read/2025/11/04/153000465/bmkg-prakirakan-hujan-lebat", True),
    ("kompas", "/read/2015/11/03/10301161/Pencairan.Dana.Desa.Tahap.Kedua", True),
    ("kompas", "/tag/dpr", False),
    ("kompas", "/read/2025/11/04/dpr", False),
    ("detik", "/berita/d-7621345/polisi-terapkan-ganjil-genap-di-jalur-puncak", True),
    ("detik", "/jatim/berita/d-7621001/banjir-rob-gresik", True),
    ("detik", "/berita/3060123/serapan-anggaran-daerah-rendah", True),
    ("detik", "/foto-news/d-7621300/suasana-puncak", False),
    ("detik", "/tag/ganjil-genap", False),
    ("cnnindonesia", "/nasional/20251104153012-20-1201845/pemerintah-pastikan-iuran-bpjs", True),
    ("cnnindonesia", "/nasional/indeks/3", False),
    ("cnnindonesia", "/tv/20251104153012-400-1201845/video-banjir", False),
    ("antaranews", "/berita/4812345/bmkg-la-nina-lemah-bertahan-hingga-awal-2026", True),
    ("antaranews", "/news/345678/indonesia-to-expand-free-meals", True),
    ("antaranews", "/foto/4812000/banjir-rob", False),
    ("antaranews", "/tag/bmkg", False),
    ("liputan6", "/bisnis/read/6213456/penumpang-kereta-cepat-whoosh-tembus-10-juta-orang", True),
    ("liputan6", "/read/2358123/kabut-asap-pekat-bandara-sultan-thaha-jambi-ditutup", True),
    ("liputan6", "/tag/whoosh", False),
    ("liputan6", "/bisnis", False),
    ("tempo", "/read/1812345/mk-tolak-uji-materi-uu-tni-soal-jabatan-sipil", True),
    ("tempo", "/read/news/2015/11/03/078715234/pansus-pelindo-ii-rekomendasikan", True),
    ("tempo", "/ekonomi/pemerintah-lanjutkan-subsidi-motor-listrik-2072345", True),
    ("tempo", "/tag/motor-listrik", False),
    ("tempo", "/indeks/2025-11-04", False),
]


@pytest.mark.parametrize(("outlet", "path", "article"), PATHS)
def test_article_url_rules(outlet, path, article):
    site = BY_NAME[outlet]
    assert site.is_article_url(site.home.rstrip("/") + path) is article


def test_the_whole_article_switch_is_not_part_of_the_url():
    page = (ROOT / "pages/detik/ojk-pinjol-bunga-harian/page.html").read_bytes()
    url = "https://finance.detik.com/berita-ekonomi-bisnis/d-7619032/ojk-turunkan-batas"
    assert clean_html(page, url=url + "?single=1&utm_source=x").url == url
    assert clean_html(page, url=url + "?single=0").url == url + "?single=0"


def test_the_page_parameter_is_data_of_the_outlet():
    tempo, kompas = BY_NAME["tempo"], BY_NAME["kompas"]
    url = "https://bisnis.tempo.co/read/1650123/bulog-siapkan-stok-beras"
    assert tempo.article_key(url + "?page_num=2&utm_source=x") == url
    assert tempo.page_of(url + "?page_num=2") == "2" and tempo.page_of(url) is None
    other = "https://nasional.kompas.com/read/2025/11/04/14251801/dpr-tunda"
    assert kompas.article_key(other + "?page=2") == other
    assert kompas.page_of(other + "?page_num=2") is None
    cnn = BY_NAME["cnnindonesia"]  # pages numbered in the path: /slug/2
    article = "https://www.cnnindonesia.com/ekonomi/20251103121507-92-1201532/bi-tahan-suku-bunga"
    assert cnn.article_key(article + "/2?utm_source=x") == article
    assert cnn.page_of(article + "/2") == "2" and cnn.page_of(article) is None
    assert cnn.is_article_url(article) and cnn.is_article_url(article + "/2")  # a page of it


def test_english_antara_pages_are_antaranews_and_english():
    fixture = Fixture(ROOT / "pages/antaranews/en-free-meals-expansion")
    assert BY_NAME["antaranews"].owns("en.antaranews.com")
    article = clean_html(fixture.input_file.read_bytes(), url=fixture.source["url"])
    assert article.outlet == "antaranews" and article.method == "site"
    assert article.language == "en"
    # An Indonesian page of the same outlet quoting English stays Indonesian.
    indonesian = Fixture(ROOT / "pages/antaranews/bmkg-la-nina-lemah")
    assert clean_html(indonesian.input_file.read_bytes(), url=indonesian.url).language == "id"
