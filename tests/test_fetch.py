"""cleaners.fetch against real servers on 127.0.0.1: limits, redirects, errors, decoding."""

from __future__ import annotations

import gzip
import shutil
import time
import tracemalloc
import zlib

import pytest
from conftest import gzip_bomb
from httpserver import (
    Exchange,
    endless_chunked,
    free_port,
    hang,
    redirect,
    self_signed_tls,
    serve,
    trickle,
)

from cleaners.fetch import USER_AGENT, BadURL, FetchError, fetch

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = "<html><head><title>Berita</title></head><body><p>Café – “kutipan” Menteri</p></body></html>"


def timed_fetch(url: str, **kwargs) -> tuple[float, BaseException | None]:
    """Run fetch, return (seconds taken, the exception it raised or None)."""
    start = time.monotonic()
    try:
        fetch(url, **kwargs)
    except Exception as exc:
        return time.monotonic() - start, exc
    return time.monotonic() - start, None


# Pages that work ------------------------------------------------------------------------------


def test_ok_page_and_request_headers():
    with serve({"/a": (200, HTML, PAGE.encode())}) as server:
        page = fetch(server.url("/a"))
    assert page.url == page.final_url == server.url("/a") and page.status == 200
    assert page.content_type == "text/html; charset=utf-8"
    assert page.text == PAGE and page.body == PAGE.encode()
    sent = server.requests[0].headers
    assert sent["User-Agent"] == USER_AGENT
    assert "gzip" in sent["Accept-Encoding"] and "deflate" in sent["Accept-Encoding"]
    assert sent["Accept"].startswith("text/html")


LATIN9_PAGE = "<p>Harga €5, kata Menteri</p>"  # € is 0xA4 in ISO-8859-15, ¤ in windows-1252


LATIN9 = LATIN9_PAGE.encode("iso-8859-15")


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        pytest.param("text/html", PAGE.encode(), PAGE, id="utf8-undeclared"),
        pytest.param("text/html; charset=ISO-8859-15", LATIN9, LATIN9_PAGE, id="header"),
        pytest.param("text/html", b'<meta charset="iso-8859-15">' + LATIN9, LATIN9_PAGE, id="meta"),
        pytest.param("text/html", PAGE.encode("cp1252"), PAGE, id="cp1252-undeclared"),
        pytest.param("text/html", PAGE.encode("utf-16"), PAGE, id="utf16-bom"),
    ],
)
def test_charsets(content_type: str, body: bytes, expected: str):
    with serve({"/": (200, {"Content-Type": content_type}, body)}) as server:
        text = fetch(server.url()).text
    assert text.endswith(expected)
    assert "\ufeff" not in text


@pytest.mark.parametrize(
    "encoding",
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # RFC 9110 deflate: zlib wrapper
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as many servers send
    ],
    ids=["gzip", "deflate-zlib", "deflate-raw"],
)
def test_compressed_page(encoding):
    name, compress = encoding
    headers = {**HTML, "Content-Encoding": name}
    with serve({"/": (200, headers, compress(PAGE.encode()))}) as server:
        page = fetch(server.url())
    assert page.body == PAGE.encode() and page.text == PAGE


def test_unsupported_content_encoding():
    headers = {**HTML, "Content-Encoding": "br"}
    with (
        serve({"/": (200, headers, b"\x8b\x02\x80hi\x03")}) as server,
        pytest.raises(FetchError) as e,
    ):
        fetch(server.url())
    assert "unsupported Content-Encoding 'br'" in str(e.value)


def test_path_is_percent_encoded():
    with serve({"/berita/caf%C3%A9": (200, HTML, b"<p>ok</p>")}) as server:
        page = fetch(server.url("/berita/café?q=a b#frag"))
    assert page.text == "<p>ok</p>"
    assert server.requests[0].path == "/berita/caf%C3%A9?q=a%20b"


# Redirects -------------------------------------------------------------------------------------


def test_redirects_followed():
    with serve({}) as server:
        server.routes = {
            "/start": redirect("/middle", 301),
            "/middle": redirect(server.url("/end"), 307),  # absolute Location
            "/end": (200, HTML, b"<p>akhir</p>"),
        }
        page = fetch(server.url("/start"))
    assert page.url == server.url("/start") and page.final_url == server.url("/end")
    assert page.text == "<p>akhir</p>"
    assert [r.path for r in server.requests] == ["/start", "/middle", "/end"]


def chain(length: int) -> dict:
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(length)}
    routes[f"/r{length}"] = (200, HTML, b"<p>ok</p>")
    return routes


def test_max_redirects_is_exact():
    with serve(chain(5)) as server:
        assert fetch(server.url("/r0"), max_redirects=5).final_url == server.url("/r5")
    with serve(chain(6)) as server, pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/r0"), max_redirects=5)
    assert len(server.requests) == 6  # gave up without requesting the 7th URL


def test_redirect_loop():
    routes = {"/x": redirect("/y"), "/y": redirect("/x")}
    with serve(routes) as server, pytest.raises(FetchError, match="redirect loop"):
        fetch(server.url("/x"), max_redirects=50)
    assert len(server.requests) == 2


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:1"])
def test_redirect_to_other_scheme_refused(location: str):
    with serve({"/": redirect(location)}) as server, pytest.raises(FetchError) as e:
        fetch(server.url())
    assert not isinstance(e.value, BadURL)
    assert f"redirected to {location}, which is not an http(s) URL" in str(e.value)


# Errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_error_status(status: int, reason: str):
    routes = {"/": (status, HTML, b"<p>error page</p>")}
    with serve(routes) as server, pytest.raises(FetchError) as e:
        fetch(server.url())
    assert str(e.value) == f"fetch failed: {server.url()} answered {status} {reason}"
    assert e.value.status == status


def test_connection_refused():
    port = free_port()
    with pytest.raises(FetchError) as e:
        fetch(f"http://127.0.0.1:{port}/")
    assert f"cannot connect to 127.0.0.1:{port}: connection refused" in str(e.value)


def test_unknown_host():
    with pytest.raises(FetchError, match=r"unknown host no-such-host\.invalid"):
        fetch("http://no-such-host.invalid/berita", timeout=10)


def test_truncated_body():
    def short(ex: Exchange) -> None:
        ex.send_head(200, {"Content-Type": "text/html", "Content-Length": "100"})
        ex.write(b"<p>only ten")

    with serve({"/": short}) as server, pytest.raises(FetchError, match="closed before"):
        fetch(server.url(), timeout=5)


@pytest.mark.parametrize(
    ("content_type", "body", "reason"),
    [
        ("application/pdf", b"%PDF-1.7\n...", "application/pdf"),
        ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        ("text/html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),  # lying header
        ("", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),  # no header at all
    ],
)
def test_not_html(content_type: str, body: bytes, reason: str):
    headers = {"Content-Type": content_type} if content_type else {}
    with serve({"/doc": (200, headers, body)}) as server, pytest.raises(FetchError) as e:
        fetch(server.url("/doc"))
    assert str(e.value) == f"fetch failed: {server.url('/doc')} is not an HTML page ({reason})"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/berita.html",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
        "example.com/berita",
        "//example.com/berita",
        "http://",
        "http:///berita",
        "http://example.com:99999/",
        "https://bad..host/",
    ],
)
def test_bad_urls(url: str):
    with pytest.raises(BadURL) as e:
        fetch(url)
    assert not isinstance(e.value, FetchError) and isinstance(e.value, ValueError)
    assert repr(url) in str(e.value)


# Limits: time ----------------------------------------------------------------------------------

TIMEOUT = 2.0
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 40 + b"\r\n\r\n"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "behaviour",
    [
        pytest.param(trickle(HEAD + b"<p>hi</p>", interval=1.0), id="headers-1-byte-per-s"),
        pytest.param(
            trickle(
                b"<p>" + b"a" * 40,
                prefix=HEAD.replace(b"\r\n\r\n", b"\r\nContent-Length: 43\r\n\r\n"),
            ),
            id="body-1-byte-per-s",
        ),
        pytest.param(hang(30, head=b"HTTP/1.1 200 OK\r\n"), id="headers-never-finish"),
    ],
)
def test_total_deadline(behaviour):
    with serve({"/": behaviour}) as server:
        took, exc = timed_fetch(server.url(), timeout=TIMEOUT)
    assert isinstance(exc, FetchError) and "timed out" in str(exc)
    assert TIMEOUT - 0.2 < took < TIMEOUT + 2


@pytest.mark.timeout(30)
def test_deadline_covers_all_redirects():
    def slow_hop(ex: Exchange) -> None:  # each hop alone is well within the timeout
        ex.sleep(0.7)
        hop = int(ex.request.path.strip("/") or 0)
        ex.respond(302, {"Location": f"/{hop + 1}", "Content-Length": "0"})

    with serve(slow_hop) as server:
        took, exc = timed_fetch(server.url("/0"), timeout=TIMEOUT, max_redirects=20)
    assert isinstance(exc, FetchError) and "timed out" in str(exc)
    assert took < TIMEOUT + 2


# Limits: size ----------------------------------------------------------------------------------


@pytest.mark.timeout(30)
def test_endless_chunked_body_capped():
    with serve({"/": endless_chunked()}) as server:
        took, exc = timed_fetch(server.url(), timeout=15, max_bytes=2**20)
    assert isinstance(exc, FetchError)
    assert str(exc) == f"fetch failed: {server.url()}: the page is larger than 1 MiB"
    assert took < 5


def test_gzip_bomb_helper_is_valid():
    assert gzip.decompress(gzip_bomb(3 * 2**20)) == bytes(3 * 2**20)


@pytest.mark.timeout(60)
def test_gzip_bomb_capped_without_big_memory():
    bomb = gzip_bomb(2**30)  # 1 GiB of zeros in about 1 MB
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    with serve({"/": (200, headers, bomb)}) as server:
        tracemalloc.start()
        try:
            took, exc = timed_fetch(server.url(), timeout=20)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert isinstance(exc, FetchError)
    assert str(exc) == f"fetch failed: {server.url()}: the page is larger than 10 MiB"
    # The cap is 10 MiB of output; inflating even one 64 KiB read of this bomb unbounded
    # would allocate 64 MiB.
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    assert took < 10


@pytest.mark.timeout(30)
def test_content_length_over_cap_refused_before_reading():
    head = {"Content-Type": "text/html", "Content-Length": str(11 * 2**20)}

    def huge(ex: Exchange) -> None:
        ex.send_head(200, head)
        ex.write(b"<p>")
        ex.sleep(20)  # reading on would stall until the deadline

    with serve({"/": huge}) as server:
        took, exc = timed_fetch(server.url(), timeout=10)
    assert isinstance(exc, FetchError) and "larger than 10 MiB" in str(exc)
    assert took < 2


# HTTPS -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    return self_signed_tls(tmp_path_factory.mktemp("tls"))


def test_https_page(tls, monkeypatch):
    context, cert = tls
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust our test certificate only
    with serve({"/": (200, HTML, PAGE.encode())}, tls=context) as server:
        page = fetch(server.url())
    assert page.text == PAGE and page.final_url.startswith("https://127.0.0.1:")
    assert server.requests[0].headers["Host"] == f"127.0.0.1:{server.port}"


def test_https_untrusted_certificate(tls):
    context, _ = tls
    routes = {"/": (200, HTML, PAGE.encode())}
    with serve(routes, tls=context) as server, pytest.raises(FetchError) as e:
        fetch(server.url())
    assert "TLS certificate of 127.0.0.1 not accepted" in str(e.value)


@pytest.mark.timeout(30)
def test_https_trickle_given_up(tls, monkeypatch):
    context, cert = tls
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    with serve({"/": trickle(HEAD)}, tls=context) as server:
        took, exc = timed_fetch(server.url(), timeout=TIMEOUT)
    assert isinstance(exc, FetchError) and "timed out" in str(exc)
    assert took < TIMEOUT + 2
