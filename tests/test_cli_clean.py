"""`kliping clean` as a person runs it: a real process, real files, a real local HTTP server."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from httpserver import serve

from cleaners import SITES
from cleaners.fixtures import page_fixtures, text_fixtures

PAGES = page_fixtures()
TEXTS = text_fixtures()


def kliping(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scraper", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, code: int, *words: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert result.stdout == b""
    assert err.count("\n") == 1 and err.startswith("kliping: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err


@pytest.mark.parametrize("fixture", PAGES, ids=lambda f: f.id)
def test_clean_page_file_prints_expected_text(fixture):
    result = kliping("clean", str(fixture.input_file), "--url", fixture.source["url"])
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == fixture.expected_text


@pytest.mark.parametrize("fixture", TEXTS, ids=lambda f: f.id)
def test_clean_seed_in_text_mode(fixture):
    result = kliping(
        "clean", "--text", "--outlet", fixture.source["outlet"], str(fixture.input_file)
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == fixture.expected_text


@pytest.mark.parametrize("fixture", TEXTS, ids=lambda f: f.id)
def test_text_mode_takes_its_outlet_from_url(fixture):
    from cleaners import site_named

    host = site_named(fixture.source["outlet"]).hosts[0]
    url = f"https://{host}/news/read/2025/07/13/sebuah-berita"
    result = kliping("clean", "--text", str(fixture.input_file), "--url", url, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)
    assert article["outlet"] == fixture.source["outlet"]
    assert article["url"] == url
    assert article["text"] == fixture.expected_text


def test_text_mode_is_chosen_by_itself_for_plain_text():
    fixture = TEXTS[0]
    result = kliping("clean", "--outlet", fixture.source["outlet"], str(fixture.input_file))
    assert result.stdout.decode("utf-8") == fixture.expected_text


def test_clean_from_stdin_as_json():
    fixture = PAGES[0]
    result = kliping("clean", "-", "--url", fixture.source["url"], "--format", "json",
                     stdin=fixture.input_file.read_bytes())  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data.pop("text") == fixture.expected_text
    assert data == fixture.expected_meta


def test_clean_url_from_local_server():
    fixture = next(f for f in PAGES if f.path.parent.name == "kontan")
    body = fixture.input_file.read_bytes()
    routes = {"/news/page": (200, {"Content-Type": "text/html; charset=utf-8"}, body)}
    with serve(routes) as server:
        result = kliping("clean", server.url("/news/page"), "--outlet", "kontan")
    assert result.returncode == 0, result.stderr.decode()
    # Served from 127.0.0.1, so the canonical url is the local one; the text is the outlet's.
    assert result.stdout.decode("utf-8") == fixture.expected_text


def test_empty_file_is_bad_input(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    assert_one_line_error(kliping("clean", str(empty)), 2, "empty")


def test_binary_file_is_bad_input(tmp_path):
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert_one_line_error(kliping("clean", str(png)), 2, "not a page")


def test_missing_file_is_bad_input(tmp_path):
    assert_one_line_error(kliping("clean", str(tmp_path / "nope.html")), 2, "no such file")


def test_page_without_article_exits_4(tmp_path):
    page = tmp_path / "home.html"
    page.write_text("<html><head><title>Beranda</title><script>var a=1;</script></head>"
                    "<body><nav><a href='/'>Beranda</a> <a href='/x'>Nasional</a></nav></body></html>")  # fmt: skip
    assert_one_line_error(kliping("clean", str(page)), 4, "no article")


def test_unreachable_url_exits_3():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert_one_line_error(kliping("clean", f"http://127.0.0.1:{port}/berita"), 3)


def test_404_exits_3():
    with serve({}) as server:
        assert_one_line_error(kliping("clean", server.url("/hilang")), 3, "404")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)"]
)
def test_other_schemes_are_bad_input(url):
    assert_one_line_error(kliping("clean", url), 2)


def test_unknown_outlet_is_bad_usage():
    assert_one_line_error(kliping("clean", str(TEXTS[0].input_file), "--outlet", "nosuch"), 2,
                          "unknown outlet")  # fmt: skip


def test_bad_option_is_one_line():
    assert_one_line_error(kliping("clean", "--format", "xml", "x"), 2, "--help")


def test_outlets_lists_every_outlet_and_host():
    out = kliping("outlets").stdout.decode()
    for site in SITES:
        assert site.name in out and all(host in out for host in site.hosts)
        assert all(source.url in out for source in site.sources)
    assert "pages followed: ?page_num=N" in out  # tempo: no whole view, its pages followed
    assert "pages followed: /N" in out  # CNN Indonesia: pages numbered in the path
