"""`kliping export --format warc`: read back by warcio, one response record per stored article."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from warcs import page_fixture

from scraper.store import Store

PAGES = [
    ("kontan", "seed-kim-jong-un-dukungan-tanpa-syarat"),
    ("riau24", "seed-kim-lavrov-dukungan"),
    ("tribunnews", "bmkg-cuaca-ekstrem-jawa-all"),
]


def kliping(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", *args], capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def read_back(path) -> list:
    with open(path, "rb") as stream:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read())
                for r in ArchiveIterator(stream)]  # fmt: skip


def test_import_then_export_round_trip(tmp_path):
    source = tmp_path / "in.warc.gz"
    with open(source, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for outlet, name in PAGES:
            url, body = page_fixture(outlet, name)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Server", "nginx"), ("X-Cache", "HIT")],
                                    protocol="HTTP/1.1")  # fmt: skip
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2025-06-19T03:12:00Z"}))  # fmt: skip
    db = tmp_path / "k.db"
    assert kliping("import", str(source), "--db", str(db)).returncode == 0
    out = tmp_path / "out.warc.gz"
    done = kliping("export", "--db", str(db), "--format", "warc", "--out", str(out))
    assert done.returncode == 0, done.stderr
    records = read_back(out)
    kinds = [kind for kind, *_ in records]
    assert kinds == ["warcinfo", *["response", "metadata"] * len(PAGES)]
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT url, text FROM articles"))
    responses = [r for r in records if r[0] == "response"]
    metadata = [r for r in records if r[0] == "metadata"]
    for (_, rec, http, body), (_, meta_rec, _, meta_body) in zip(responses, metadata, strict=True):
        assert rec.get_header("WARC-Date") == "2025-06-19T03:12:00Z"
        assert http.get_header("Server") == "nginx" and http.get_header("X-Cache") == "HIT"
        assert http.get_header("Content-Type") == "text/html; charset=utf-8"
        assert int(http.get_header("Content-Length")) == len(body)
        article = json.loads(meta_body)
        assert meta_rec.get_header("WARC-Refers-To") == rec.get_header("WARC-Record-ID")
        assert article["text"] == texts[article["url"]]
        assert b"<html" in body.lower()


def test_crawled_pages_without_headers_export_too(tmp_path):
    db = tmp_path / "k.db"
    url, body = page_fixture(*PAGES[1])
    with Store(db) as store:
        store.save({"url": "https://www.riau24.com/x", "outlet": "riau24", "title": "Judul",
                    "text": "Judul\n\nSatu paragraf.\n", "authors": [], "tags": [],
                    "images": []}, [(url, body.decode("utf-8"))],
                   fetched_at="2025-07-01T10:00:00+07:00")  # fmt: skip
    out = tmp_path / "o.warc.gz"
    assert kliping("export", "--db", str(db), "--format", "warc", "--out", str(out)).returncode == 0
    ((_, rec, http, page),) = [r for r in read_back(out) if r[0] == "response"]
    assert rec.get_header("WARC-Date") == "2025-07-01T03:00:00Z"
    assert rec.get_header("WARC-Target-URI") == url
    assert http.get_statuscode() == "200" and page == body
