"""`scraper.discovery.read_document` on hostile sitemaps and feeds: no entity expanded, no file or
URL read, gzip inflated with a cap, sizes and entry counts capped, bad XML a BadDocument."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hostile_util import gzip_bomb, gzip_bytes
from httpserver import serve

from scraper.discovery import MAX_DOCUMENT_BYTES, BadDocument, gunzip, read_document

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
REAL = "https://mediapesan.com/pemkot-makassar-uji-coba-bus-listrik/"


def urlset(*locs: str, doctype: str = "") -> bytes:
    items = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<urlset {NS}>{items}</urlset>'.encode()


def everything(document) -> str:
    return "\n".join(f"{e.url} {e.title} {e.date}" for e in document.entries)


# --- not XML, or broken XML ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"\x00\x01\x02 bukan xml <<<>>>",
        b"<html><body><h1>503 Service Unavailable</h1></body></html>",
        b'{"urls": ["https://mediapesan.com/a/"]}',
        b"\xff\xfe<\x00u\x00",
    ],
    ids=["empty", "blank", "garbage", "html-error-page", "json", "broken-utf16"],
)
def test_what_is_not_a_sitemap_or_feed_is_a_bad_document(data):
    with pytest.raises(BadDocument):
        read_document(data)


def test_truncated_sitemap_gives_what_it_holds():
    second = "https://mediapesan.com/kedua/"
    data = urlset(REAL, second)
    data = data[: data.index(b"</loc>", data.index(second.encode())) + 4]  # cut in `</loc>`
    document = read_document(data)
    assert [e.url for e in document.entries] == [REAL, second]


def test_unclosed_feed_items_do_not_break_the_reader():
    data = (b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>Satu</title><link>"
            + REAL.encode() + b"</link><item><title>Dua &bogus; <b>tebal</title>"
            b"<link>https://mediapesan.com/dua/</link></channel>")  # fmt: skip
    document = read_document(data)
    assert document.kind == "feed"
    assert REAL in [e.url for e in document.entries]


# --- entities -------------------------------------------------------------------------------------


def billion_laughs(levels: int = 10) -> bytes:
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    )
    doctype = f"<!DOCTYPE urlset [{entities}]>"
    return urlset(f"{REAL}&lol{levels - 1};", "https://mediapesan.com/kedua/", doctype=doctype)


def test_billion_laughs_is_not_expanded():
    start = time.monotonic()
    tracemalloc.start()
    try:
        document = read_document(billion_laughs())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - start < 5
    assert peak < 50 * 2**20
    assert "lollol" not in everything(document)


def test_internal_entity_is_not_expanded():
    # Small enough that libxml2's own amplification guard would let it through if expanded.
    doctype = '<!DOCTYPE urlset [<!ENTITY situs "https://penipu.example/">]>'
    document = read_document(urlset("&situs;jebakan/", REAL, doctype=doctype))
    assert "penipu.example" not in everything(document)
    assert REAL in [e.url for e in document.entries]


@pytest.fixture
def secret(tmp_path):
    """A local file an XXE payload points at; its content reads as an article URL."""
    token = "rahasia-xxe-7f3a9c"
    path = tmp_path / "secret.txt"
    path.write_text(f"https://mediapesan.com/{token}/\n", encoding="utf-8")
    return path, token


def test_external_entity_to_local_file_is_not_read(secret):
    path, token = secret
    doctype = f'<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{path}">]>'
    document = read_document(urlset("&xxe;", REAL, doctype=doctype))
    assert token not in everything(document)
    assert [e.url for e in document.entries] == [REAL]


def test_external_parameter_entity_is_not_read(secret):
    path, token = secret
    doctype = f'<!DOCTYPE urlset [<!ENTITY % p SYSTEM "file://{path}"> %p;]>'
    document = read_document(urlset(REAL, doctype=doctype))
    assert token not in everything(document)


def test_xxe_in_a_feed_is_not_read(secret):
    path, token = secret
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{path}">]>'
            f"<rss version='2.0'><channel><item><title>&xxe;</title><link>&xxe;</link></item>"
            f"<item><title>Asli</title><link>{REAL}</link></item></channel></rss>").encode()  # fmt: skip
    document = read_document(data)
    assert token not in everything(document)
    assert [e.url for e in document.entries] == [REAL]


def test_external_dtd_and_entities_are_never_fetched():
    with serve({}) as server:  # every path answers 404; what matters is whether it is asked
        doctype = (f'<!DOCTYPE urlset SYSTEM "{server.url("/jahat.dtd")}" ['
                   f'<!ENTITY remote SYSTEM "{server.url("/jahat.txt")}">]>')  # fmt: skip
        read_document(urlset("&remote;", REAL, doctype=doctype))
        time.sleep(0.2)
        assert server.requests == []


# --- gzip and size --------------------------------------------------------------------------------


def test_gzip_bomb_is_refused_not_inflated():
    bomb = gzip_bomb()  # 4 MiB compressed, 4 GiB inflated
    start = time.monotonic()
    tracemalloc.start()
    try:
        with pytest.raises(BadDocument, match="gzip document larger than 50 MiB"):
            read_document(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_DOCUMENT_BYTES
    assert time.monotonic() - start < 10


def test_gzipped_sitemap_is_read():
    document = read_document(gzip_bytes(urlset(REAL)))
    assert [e.url for e in document.entries] == [REAL]


def test_gunzip_stops_at_its_limit():
    with pytest.raises(BadDocument):
        gunzip(gzip_bytes(b"x" * 5000), limit=4096)
    assert gunzip(gzip_bytes(b"x" * 4096), limit=4096) == b"x" * 4096


def test_document_over_50_mib_is_refused():
    padding = b"<!--" + b" " * (MAX_DOCUMENT_BYTES + 10) + b"-->"
    with pytest.raises(BadDocument, match="larger than 50 MiB"):
        read_document(urlset(REAL).replace(b"<urlset", padding + b"<urlset", 1))


def test_sitemap_of_100000_urls_is_capped():
    locs = [f"https://mediapesan.com/berita-palsu-{i}/" for i in range(100_000)]
    start = time.monotonic()
    document = read_document(urlset(*locs), max_entries=50_000)
    assert time.monotonic() - start < 20
    assert document.truncated
    assert [e.url for e in document.entries] == locs[:50_000]
