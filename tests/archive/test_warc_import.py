"""`kliping import`: WARC files written by warcio, through the real command, into a real store."""

from __future__ import annotations

import gzip
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from warcs import expected_text, page_fixture, write_warc

HTML = "text/html; charset=utf-8"
# One page per article, the whole-article view for split ones (issue 14's acceptance)...
WHOLE = [
    ("kontan", "seed-kim-jong-un-dukungan-tanpa-syarat"),
    ("kontan", "dana-kelolaan-reksadana-pasar-uang-naik-all"),
    ("tribunnews", "seed-kim-jong-un-dukungan-rusia"),
    ("tribunnews", "bmkg-cuaca-ekstrem-jawa-all"),
    ("riau24", "seed-kim-lavrov-dukungan"),
    ("mediapesan", "seed-pyongyang-dukungan-moskow"),
    ("patrazone", "seed-kim-dukungan-rusia"),
]
# ... the parts of a split article whose whole view the archive does not hold ...
PARTS = [("tribunnews", f"petani-lampung-barat-tunda-jual-kopi-robusta-p{n}") for n in (3, 1, 2)]
MERGED = ("tribunnews", "petani-lampung-barat-tunda-jual-kopi-robusta-all")
# ... and pages that are not articles.
ABOUT = (
    "<html><head><title>Tentang Kami</title></head><body class='page page-id-2'>"
    "<h1>Tentang Kami</h1><div class='entry-content'>"
    + "<p>Media Pesan adalah portal berita daring yang terbit sejak 2019 di Makassar.</p>" * 6
    + "</div></body></html>"
).encode()
TAG = b"<html><body><h1>Tag: ekonomi</h1><ul><li><a href='/news/a'>A</a></li></ul></body></html>"
NOT_ARTICLES = [
    ("https://mediapesan.com/tentang-kami/", ABOUT, HTML),
    ("https://www.kontan.co.id/tag/ekonomi", TAG, HTML),
    ("https://www.tribunnews.com/tag/korea-utara", TAG, HTML),
    ("https://www.kontan.co.id/logo.png", b"\x89PNG....", "image/png"),
]


def kliping(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", *args], capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def stored(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {row["url"]: dict(row) for row in conn.execute("SELECT * FROM articles")}


def records() -> list[tuple[str, bytes, str]]:
    pages = [(*page_fixture(o, n), HTML) for o, n in WHOLE + PARTS]
    again_url, again_body = page_fixture(*WHOLE[0])
    return [*pages, *NOT_ARTICLES, (again_url + "?utm_source=cc", again_body, HTML)]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc")
    warc = write_warc(folder / "news.warc.gz", records())
    db = folder / "k.db"
    return warc, db, kliping("import", str(warc), "--db", str(db))


def test_each_article_once_with_its_clean_text(imported):
    _, db, done = imported
    assert done.returncode == 0, done.stderr
    rows = stored(db)
    assert len(rows) == len(WHOLE) + 1  # the split article once, nothing else
    texts = {row["text"] for row in rows.values()}
    for outlet, name in [*WHOLE, MERGED]:
        assert expected_text(outlet, name) in texts, name


def test_capture_date_is_the_fetch_time(imported):
    _, db, _ = imported
    assert {row["fetched_at"] for row in stored(db).values()} == {"2025-06-19T03:12:00+00:00"}


def test_summary_per_outlet(imported):
    _, _, done = imported
    lines = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines() if line}
    assert lines["outlet"] == ["pages", "new", "already", "not_article", "failed"]
    assert lines["kontan"][:4] == ["4", "2", "1", "1"]  # 2 articles, a duplicate, a tag page
    assert lines["mediapesan"][:4] == ["2", "1", "0", "1"]  # the about page refused
    assert "1 not HTML" in done.stdout


def test_a_second_import_stores_nothing_new(imported):
    warc, db, _ = imported
    before = stored(db)
    again = kliping("import", str(warc), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert stored(db) == before
    rows = {line.split()[0]: line.split()[1:] for line in again.stdout.splitlines() if line}
    assert all(rows[o][1] == "0" for o in ("kontan", "tribunnews", "riau24", "patrazone"))


def test_outlet_filter(tmp_path):
    warc = write_warc(tmp_path / "a.warc", records(), gzip=False)
    done = kliping("import", str(warc), "--db", str(tmp_path / "k.db"), "--outlet", "riau24")
    assert done.returncode == 0, done.stderr
    assert [r["outlet"] for r in stored(tmp_path / "k.db").values()] == ["riau24"]


def test_other_hosts_only_with_all(tmp_path):
    body = page_fixture(*WHOLE[2])[1]
    warc = write_warc(
        tmp_path / "o.warc.gz", [("https://berita.example.id/2025/06/kim", body, HTML)]
    )
    db = tmp_path / "k.db"
    assert kliping("import", str(warc), "--db", str(db)).returncode == 0
    assert stored(db) == {}
    assert kliping("import", str(warc), "--db", str(db), "--all").returncode == 0
    (row,) = stored(db).values()
    assert row["method"] == "generic" and row["outlet"] == "berita.example.id"


# --- hostile archives: counted and skipped, never fatal ---------------------------------------


def test_truncated_gzip_member_keeps_what_came_before(tmp_path):
    whole = write_warc(tmp_path / "w.warc.gz", [(*page_fixture(o, n), HTML) for o, n in WHOLE])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    db = tmp_path / "k.db"
    done = kliping("import", str(cut), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert 1 <= len(stored(db)) < len(WHOLE)
    assert "damaged records" in done.stdout and "cut short" in done.stdout


def test_bad_http_header_is_one_damaged_record(tmp_path):
    good = [(*page_fixture(o, n), HTML) for o, n in WHOLE[:3]]
    plain = write_warc(tmp_path / "p.warc", good, gzip=False)
    data = plain.read_bytes().replace(b"HTTP/1.1 200 OK", b"HTTP/1.1 2x0 rusak!!", 1)
    plain.write_bytes(data)
    db = tmp_path / "k.db"
    done = kliping("import", str(plain), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert len(stored(db)) == 2
    assert "1 damaged records" in done.stdout


def test_not_found_and_non_html_are_skipped(tmp_path):
    url, body = page_fixture(*WHOLE[0])
    warc = write_warc(tmp_path / "e.warc.gz", [(url, body, HTML)], status="404 Not Found")
    done = kliping("import", str(warc), "--db", str(tmp_path / "k.db"))
    assert done.returncode == 0 and "1 not 2xx" in done.stdout


def test_not_a_warc_is_one_line_exit_2(tmp_path):
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip.compress(b"this is no archive\n" * 50))
    done = kliping("import", str(junk), "--db", str(tmp_path / "k.db"))
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_missing_file_is_exit_2(tmp_path):
    done = kliping("import", str(tmp_path / "nope.warc"), "--db", str(tmp_path / "k.db"))
    assert done.returncode == 2 and "no such file" in done.stderr
    assert not (tmp_path / "k.db").exists()


def test_unknown_outlet_is_exit_2(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", records()[:1])
    done = kliping("import", str(warc), "--db", str(tmp_path / "k.db"), "--outlet", "nope")
    assert done.returncode == 2 and "unknown outlet" in done.stderr


def test_one_worker_and_two_store_the_same(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", records())
    texts = []
    for workers in ("1", "2"):
        db = tmp_path / f"k{workers}.db"
        done = kliping("import", str(warc), "--db", str(db), "--workers", workers)
        assert done.returncode == 0, done.stderr
        texts.append({url: row["text"] for url, row in stored(db).items()})
    assert texts[0] == texts[1] and len(texts[0]) == len(WHOLE) + 1


def test_an_upper_case_scheme_is_still_an_http_response(tmp_path):
    """warcio reads HTTP headers only under a lower-case `http:`/`https:` target URI; schemes are
    case-insensitive, and a crawler that wrote `HTTPS://Patrazone.com/...` as it was given (one
    fixture's URL is so) still archived a page."""
    url, body = page_fixture("patrazone", "harga-emas-antam-list")
    assert url.startswith("HTTPS://")
    warc = write_warc(tmp_path / "upper.warc.gz", [(url, body, HTML)])
    db = tmp_path / "k.db"
    done = kliping("import", str(warc), "--db", str(db))
    assert done.returncode == 0, done.stderr
    rows = list(stored(db).values())
    assert len(rows) == 1 and rows[0]["outlet"] == "patrazone"
    assert rows[0]["text"] == expected_text("patrazone", "harga-emas-antam-list")
    assert " 0 damaged records" in done.stdout
