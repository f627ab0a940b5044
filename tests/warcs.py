"""WARC files for the tests, written by a third-party writer (warcio), from the page fixtures."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

Record = tuple[str, bytes, str]  # (url, body, content type)


def page_fixture(outlet: str, name: str) -> tuple[str, bytes]:
    folder = PAGES / outlet / name
    url = json.loads((folder / "source.json").read_text(encoding="utf-8"))["url"]
    return url, (folder / "page.html").read_bytes()


def expected_text(outlet: str, name: str) -> str:
    return (PAGES / outlet / name / "expected.txt").read_text(encoding="utf-8")


def write_warc(path: Path, records: Iterable[Record], *, gzip: bool = True, status: str = "200 OK",
               date: str = "2025-06-19T03:12:00Z") -> Path:  # fmt: skip
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, content_type in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type),
                                             ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")  # fmt: skip
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=http,
                                               warc_headers_dict={"WARC-Date": date})  # fmt: skip
            writer.write_record(record)
    return path
