"""`kliping clean` on bad pages, as a person runs it: a real process on a real file. Every case
ends in the right clean text or the documented exit code with one `kliping: ` line on stderr,
never a traceback, in bounded time (and memory, where the page is big or deep)."""

from __future__ import annotations

import base64
import gzip
import os

import pytest
from hostile_util import MEMORY_LIMIT, assert_clean_exit, assert_one_line_error, kliping
from httpserver import serve

from cleaners import SITES

URL = "https://mediapesan.com/bus-listrik-mulai-melayani-warga-makassar/"  # a WordPress outlet
TITLE = "Bus Listrik Mulai Melayani Warga Makassar"
PARAGRAPHS = [
    "MAKASSAR | MEDIAPESAN – Pemerintah Kota Makassar meluncurkan layanan bus listrik yang "
    "melayani lima rute utama mulai pekan depan.",
    "Wali kota mengatakan “layanan ini gratis selama tiga bulan pertama” dan berharap café serta "
    "warung di sepanjang rute ikut ramai.",
    # ã and ñ: windows-1252 and its look-alike windows-1250 (the detector's guess) differ here.
    "Warga menyambut baik rencana itu karena ongkos harian bisa turun hampir setengahnya, kata "
    "Muñoz, pelancong asal São Paulo.",
]
EXPECTED = f"{TITLE}\n\n" + "\n".join(PARAGRAPHS) + "\n"


def page(body: str | None = None, head: str = "") -> str:
    """A WordPress-style article page (mediapesan's selectors find it)."""
    body = body if body is not None else "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html>\n<html lang=\"id\"><head><title>{TITLE}</title>{head}</head><body>"
            f"<header><nav><a href=\"/\">Beranda</a></nav></header>\n<article>"
            f"<h1 class=\"entry-title\">{TITLE}</h1>\n<div class=\"entry-content\">\n{body}</div>"
            f"</article>\n<footer>© 2025 Mediapesan</footer></body></html>\n")  # fmt: skip


def clean(path, *args: str, memory: int | None = None, stdin: bytes | None = None,
          timeout: float = 120):  # fmt: skip
    return kliping("clean", str(path), *args, memory=memory, stdin=stdin, timeout=timeout)


def clean_big(path, *args: str, memory: int | None = None):
    """A big or deep page, whose cost these tests check as CPU time: its wall-clock deadline
    (60 s by default, tested in tests/test_cli_commands.py) moved past what a loaded machine
    needs (11 s of CPU took 110 s of wall time at load 7), below the subprocess' own timeout."""
    return clean(path, *args, "--deadline", "240", memory=memory, timeout=270)


# --- empty and binary input: exit 2 --------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "], ids=["zero-bytes", "white-space"])
def test_empty_file_is_bad_input(tmp_path, content):
    path = tmp_path / "kosong.html"
    path.write_bytes(content)
    run = clean(path, "--url", URL)
    assert_one_line_error(run, 2, "empty")
    assert run.seconds < 20


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096)
GZIP = gzip.compress(page().encode())  # a page saved still compressed
# A PDF without a NUL byte in its first KiB: only the magic number tells it is not a page.
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    + b"BT (teks) Tj ET\n" * 200
)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(PNG, "PNG image"), (GZIP, "gzip data"), (PDF, "PDF document")],
    ids=["png", "gzip", "pdf"],
)
def test_binary_file_is_bad_input(tmp_path, data, reason):
    path = tmp_path / "berita.html"  # the name says HTML; the bytes do not
    path.write_bytes(data)
    run = clean(path, "--url", URL)
    assert_one_line_error(run, 2, "not a page", reason)
    # From standard input too.
    assert_one_line_error(clean("-", "--url", URL, stdin=data), 2, "not a page", reason)


# --- size -----------------------------------------------------------------------------------------


def test_30_mb_article_page_is_cleaned_in_seconds_within_memory(tmp_path):
    filler = "Pemerintah daerah menyatakan harga cabai rawit naik tajam di pasar tradisional. "
    paragraphs = [f"Paragraf {i}: " + (filler * 11).strip() for i in range(34_000)]
    path = tmp_path / "besar.html"
    path.write_text(page("".join(f"<p>{p}</p>\n" for p in paragraphs)), encoding="utf-8")
    assert path.stat().st_size > 30 * 10**6
    run = clean_big(path, "--url", URL, memory=MEMORY_LIMIT)
    assert_clean_exit(run)
    assert run.out == f"{TITLE}\n\n" + "\n".join(paragraphs) + "\n"
    assert run.cpu_seconds < 30  # its work: wall time swells with the load


def bloated_page() -> str:
    """About 30 MB of what bloats real pages around a short article: inline script data, a
    style sheet, a huge navigation list and an inline image."""
    script = "window.__DATA__ = [" + ",".join(f'"{i:08d}"' for i in range(800_000)) + "];"
    nav = "".join(f'<li><a href="/kategori/{i}">Kategori {i}</a></li>' for i in range(100_000))
    image = base64.b64encode(os.urandom(9 * 2**20)).decode()
    article = f"<h1>{TITLE}</h1><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{TITLE}</title><script>{script}</script>"
            f"<style>{'.c{color:red}' * 200_000}</style></head><body><nav><ul>{nav}</ul></nav>"
            f'{article}</article><img src="data:image/png;base64,{image}"></body></html>')  # fmt: skip


def test_30_mb_bloated_page_ends_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "gembung.html"
    path.write_text(bloated_page(), encoding="utf-8")
    assert path.stat().st_size > 25 * 10**6
    run = clean_big(path, memory=MEMORY_LIMIT)  # no URL: the generic path, trafilatura
    assert run.cpu_seconds < 30  # its work: wall time swells with the load
    if run.returncode == 0:
        assert run.out.startswith(f"{TITLE}\n\n")
    else:
        assert_one_line_error(run, 4, "no article")


def test_30_mb_bloated_page_keeps_its_article(tmp_path):
    path = tmp_path / "gembung.html"
    path.write_text(bloated_page(), encoding="utf-8")
    run = clean_big(path, memory=MEMORY_LIMIT)
    assert_clean_exit(run)
    assert run.out == EXPECTED


def test_file_over_the_input_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "raksasa.html"
    with path.open("wb") as handle:  # sparse: costs no disk, but would cost 65 MiB to read
        handle.truncate(65 * 2**20)
    run = clean(path, "--url", URL)
    assert_one_line_error(run, 2, "larger than 64 MiB")
    assert run.seconds < 20


def test_standard_input_over_the_input_cap_is_refused_not_cut_short():
    line = b"<p>Pemerintah daerah menyatakan harga cabai rawit naik tajam di pasar.</p>\n"
    data = page("").encode() + line * (64 * 2**20 // len(line) + 1)
    run = clean("-", "--url", URL, stdin=data)
    assert_one_line_error(run, 2, "standard input", "larger than 64 MiB")
    assert run.seconds < 30


# --- depth ----------------------------------------------------------------------------------------


def nested(depth: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return page("<div>" * depth + body + "</div>" * depth)


def test_2000_levels_deep_article_is_read_without_recursion(tmp_path):
    # Deeper than Python's recursion limit, within libxml2's (2048 with huge_tree): the
    # flattening must walk the tree without recursing.
    path = tmp_path / "dalam.html"
    path.write_text(nested(2000), encoding="utf-8")
    run = clean_big(path, "--url", URL, memory=MEMORY_LIMIT)
    assert_clean_exit(run)
    assert run.out == EXPECTED
    assert run.cpu_seconds < 20  # its work: wall time swells with the load


@pytest.mark.parametrize("url", [URL, None], ids=["site", "generic"])
def test_10000_levels_deep_page_ends_in_bounded_time_and_memory(tmp_path, url):
    path = tmp_path / "dalam.html"
    path.write_text(nested(10_000), encoding="utf-8")
    run = clean_big(path, *(["--url", url] if url else []), memory=MEMORY_LIMIT)
    assert run.cpu_seconds < 20  # its work: wall time swells with the load
    if run.returncode == 0:
        assert run.out == EXPECTED
    else:
        assert_one_line_error(run, 4, "no article")


@pytest.mark.xfail(
    strict=True,
    reason="DEFECT: libxml2 stops parsing at depth 2048 even with huge_tree, so an article "
    "nested deeper (or anything after such a nest) is lost and reported as no article",
)
def test_10000_levels_deep_page_keeps_its_article(tmp_path):
    path = tmp_path / "dalam.html"
    path.write_text(nested(10_000), encoding="utf-8")
    run = clean_big(path, "--url", URL, memory=MEMORY_LIMIT)
    assert_clean_exit(run)
    assert run.out == EXPECTED


# --- broken markup and encodings: the right text --------------------------------------------------


def test_broken_markup_still_gives_its_article(tmp_path):
    body = (
        "<div class='iklan'><b><i>Iklan</div></span></td></tr></table>\n"  # stray end tags
        f"<p>{PARAGRAPHS[0]}\n"  # paragraphs never closed
        f"<p>{PARAGRAPHS[1]}</font></center>\n"
        f"<p>{PARAGRAPHS[2]}\n"
        "<script>if (a < b && c > d) { document.write('</div><p>palsu'); }</script>\n"
        "<!-- komentar yang tidak pernah ditutup"
    )
    broken = page(body).replace("</div></article>", "")  # the body and article never close
    path = tmp_path / "rusak.html"
    path.write_text(broken, encoding="utf-8")
    run = clean(path, "--url", URL)
    assert_clean_exit(run)
    assert run.out == EXPECTED


def test_windows_1252_page_without_charset_decodes_quotes_and_accents(tmp_path):
    data = page().encode("cp1252")
    assert b"charset" not in data and b"\x93" in data and b"\xe9" in data  # “ and é, undeclared
    path = tmp_path / "cp1252.html"
    path.write_bytes(data)
    run = clean(path, "--url", URL)
    assert_clean_exit(run)
    assert run.out == EXPECTED


def test_byte_order_mark_outranks_a_wrong_charset_header():
    # Served as UTF-8, the bytes UTF-16 with a BOM: the BOM wins, as in browsers.
    body = "\ufeff".encode("utf-16-le") + page().encode("utf-16-le")
    with serve({"/berita": (200, {"Content-Type": "text/html; charset=utf-8"}, body)}) as server:
        run = kliping("clean", server.url("/berita"), "--outlet", "mediapesan", "--timeout", "10")
    assert_clean_exit(run)
    assert run.out == EXPECTED


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_page_with_bom_is_read_as_html(tmp_path, codec):
    bom = "\ufeff".encode(codec)
    path = tmp_path / "utf16.html"
    path.write_bytes(bom + page().encode(codec))
    run = clean(path, "--url", URL)
    assert_clean_exit(run)
    assert run.out == EXPECTED  # not the page's markup printed as "text"


# --- pages without an article: exit 4 -------------------------------------------------------------


def home_page() -> str:
    links = "".join(f'<li><a href="/berita-{i}/">Judul berita nomor {i} tentang harga cabai dan '
                    f"bus listrik di kota</a></li>" for i in range(80))  # fmt: skip
    return (f"<html><head><title>Beranda</title></head><body><header><nav><a href='/'>Beranda</a>"
            f"</nav></header><h1>Berita Terkini</h1><div class='entry-content'><ul>{links}</ul>"
            f"</div><footer>© 2025 Media</footer></body></html>")  # fmt: skip


# A WordPress theme's 404 page (served with status 200 by many sites: a "soft 404").
ERROR_PAGE = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Halaman tidak ditemukan'
    '</title></head><body class="error404"><header id="masthead"><nav><a href="/">Beranda</a> '
    '<a href="/nasional/">Nasional</a></nav></header><main id="main" class="site-main">'
    '<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">'
    'Oops! Halaman itu tidak dapat ditemukan.</h1></header><div class="page-content"><p>'
    'Sepertinya tidak ada apa pun di lokasi ini. Mungkin coba cari?</p><form role="search">'
    '<input type="search" name="s"><button>Cari</button></form></div></section></main>'
    "<footer>© 2025 Berita</footer></body></html>"
)
SCRIPTS_ONLY = (
    "<html><head><script>"
    + "var judul = 'Pemerintah daerah menyatakan bahwa harga cabai naik tajam pekan ini';" * 50
    + "</script><style>p{color:red}</style></head><body><script>document.write('<p>' + "
    "'kata '.repeat(500) + '</p>')</script><noscript>Aktifkan JavaScript untuk membaca berita "
    "ini di situs kami yang baru dan lebih cepat dari sebelumnya</noscript></body></html>"
)
NO_ARTICLE = {"home": home_page(), "error": ERROR_PAGE, "scripts": SCRIPTS_ONLY}
URLS = {site.name: site.home + "berita/2025/07/13/judul-berita" for site in SITES}
URLS["generic"] = "https://berita.example.com/2025/07/13/judul-berita"


@pytest.mark.parametrize(
    ("kind", "outlet"),
    [pytest.param(kind, outlet) for kind in NO_ARTICLE for outlet in URLS],
)
def test_page_without_article_exits_4(tmp_path, kind, outlet):
    path = tmp_path / f"{kind}.html"
    path.write_text(NO_ARTICLE[kind], encoding="utf-8")
    run = clean(path, "--url", URLS[outlet])
    assert_one_line_error(run, 4, "no article text")
    assert run.seconds < 20
