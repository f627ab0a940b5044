"""`kliping clean URL` against URLs and servers that mean harm or just fail: exit 2 for what is not
an http(s) URL (nothing fetched), exit 3 for every fetch that fails, each within its limits and
with one line that says why."""

from __future__ import annotations

import pytest
from hostile_util import MEMORY_LIMIT, assert_one_line_error, gzip_bomb, kliping
from httpserver import endless_chunked, free_port, hang, redirect, serve, trickle

HTML = {"Content-Type": "text/html; charset=utf-8"}
JSON = (
    '{"title": "Judul", "html": "<h1>Judul</h1><p>' + "Isi berita yang panjang. " * 20 + '</p>"}'
).encode()
PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + b"BT (x) Tj ET\n" * 500
)


def clean_url(url: str, *args: str):
    return kliping("clean", url, "--timeout", "3", *args, memory=MEMORY_LIMIT, timeout=60)


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("FILE:///etc/hostname", "file"),
        ("ftp://ftp.example.com/berita.html", "ftp"),
        ("data:text/html,<h1>Judul</h1><p>Isi berita palsu yang cukup panjang</p>", "data"),
        ("data:text/html;base64,PHA+aGFsbzwvcD4=", "data"),
        ("javascript:alert(document.cookie)", "javascript"),
        ("JavaScript:void(0)", "javascript"),
    ],
)
def test_other_schemes_are_bad_input_and_nothing_is_read(url, scheme):
    run = clean_url(url)
    err = assert_one_line_error(run, 2, f"unsupported scheme '{scheme}'", "only http")
    assert "root:" not in err  # /etc/passwd was not read
    assert run.seconds < 10


def test_unknown_host_exits_3():
    run = clean_url("http://berita.kliping-test.invalid/2025/07/13/judul")
    assert_one_line_error(run, 3, "fetch failed", "unknown host berita.kliping-test.invalid")
    assert run.seconds < 10


def test_refused_port_exits_3():
    run = clean_url(f"http://127.0.0.1:{free_port()}/berita")
    assert_one_line_error(run, 3, "fetch failed", "connection refused")
    assert run.seconds < 10


# Server behaviours: path -> (route, words the one line must hold).
BOMB = gzip_bomb()  # 4 MiB on the wire, 4 GiB inflated
ROUTES = {
    "/404": ((404, HTML, b"<h1>Tidak ditemukan</h1>"), ["answered 404"]),
    "/500": ((500, HTML, b"<h1>Galat server</h1>"), ["answered 500"]),
    "/loop-a": (redirect("/loop-b"), ["redirect loop"]),
    "/loop-b": (redirect("/loop-a"), ["redirect loop"]),
    "/to-file": (redirect("file:///etc/passwd"), ["not an http(s) URL"]),
    "/one-byte-a-second": (
        trickle(
            b"<html><body>" + b"<p>kata</p>" * 100,
            interval=1.0,
            prefix=b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1112\r\n\r\n",
        ),
        ["timed out", "3 s"],
    ),
    # The status line and headers a byte a second: only the watchdog ends this (no body read yet).
    "/slow-headers": (
        trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 60, 1.0),
        ["timed out", "3 s"],
    ),
    "/silent": (hang(30.0), ["timed out", "3 s"]),
    "/endless": (endless_chunked(), ["larger than 10 MiB"]),
    "/gzip-bomb": (
        (200, {**HTML, "Content-Encoding": "gzip"}, BOMB),
        ["larger than 10 MiB"],
    ),
    "/pdf": (
        (200, {"Content-Type": "application/pdf"}, PDF),
        ["not an HTML page (application/pdf)"],
    ),
    # Text, and markup in it, but not a page: only the Content-Type tells.
    "/api": (
        (200, {"Content-Type": "application/json"}, JSON),
        ["not an HTML page (application/json)"],
    ),
    "/pdf-as-html": ((200, HTML, PDF), ["not an HTML page", "PDF document"]),
}


@pytest.fixture(scope="module")
def server():
    with serve({path: route for path, (route, _) in ROUTES.items()}) as local:
        yield local


@pytest.mark.parametrize("path", list(ROUTES))
def test_failed_fetch_exits_3_within_its_limits(server, path):
    run = clean_url(server.url(path))
    assert_one_line_error(run, 3, "fetch failed", *ROUTES[path][1])
    assert run.seconds < 10  # --timeout 3: the deadline holds against slow or endless servers
