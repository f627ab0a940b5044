"""Reading WARC files record by record, with damage counted instead of raised.

A web archive is a stream of records; the ones that matter here are HTTP responses with an HTML
page. Everything else (requests, metadata, revisits, images, a 404) is counted and skipped, and so
is a damaged record: a bad HTTP header, a body cut short. A truncated gzip member ends the file
(no reader can find the next member boundary reliably), also counted, never raised.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

MAX_PAGE_BYTES = 10 * 1024 * 1024  # the crawler's DOWNLOAD_MAXSIZE: one cap for every page
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml")
# URI schemes are case-insensitive (RFC 3986), warcio's test for HTTP headers is not.
HTTP_SCHEMES = ("http:", "https:")
HTTP_PARSER = StatusAndHeadersParser(ArcWarcRecordLoader.HTTP_TYPES, True)
# Damage a reader meets in real archives; anything else is a bug and propagates.
READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, ValueError)


@dataclass(frozen=True)
class Capture:
    """One archived HTTP response holding an HTML page."""

    url: str
    date: str  # WARC-Date as ISO 8601 with offset, e.g. 2025-06-19T03:12:00+00:00
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass
class ReadCounts:
    """What the reader met, for the summary."""

    records: int = 0
    responses: int = 0
    pages: int = 0
    not_html: int = 0
    not_ok: int = 0  # responses other than 2xx
    too_big: int = 0
    bad_records: int = 0
    damaged_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "records": self.records,
            "responses": self.responses,
            "pages": self.pages,
            "not_html": self.not_html,
            "not_ok": self.not_ok,
            "too_big": self.too_big,
            "bad_records": self.bad_records,
            "damaged_files": len(self.damaged_files),
        }


class WarcFile:
    """One WARC or WARC.gz file, read as a stream of captures; `position` is how far it got
    (bytes of the file on disk, for a progress bar)."""

    def __init__(self, path: str | Path, counts: ReadCounts) -> None:
        self.path = Path(path)
        self.counts = counts
        self.size = self.path.stat().st_size
        self._stream: BinaryIO | None = None

    @property
    def position(self) -> int:
        return self._stream.tell() if self._stream and not self._stream.closed else self.size

    def captures(self) -> Iterator[Capture]:
        with open(self.path, "rb") as stream:
            self._stream = stream
            records = iter(ArchiveIterator(stream, arc2warc=True))
            while True:
                try:
                    # warcio writes its warnings (a bad Content-Length) to stderr: keep them off
                    # the user's terminal, the counts say it.
                    with redirect_stderr(io.StringIO()):
                        record = next(records)
                except StopIteration:
                    return
                except READ_ERRORS:
                    # The stream cannot be resynchronised after a broken member or header block.
                    self.counts.bad_records += 1
                    self.counts.damaged_files.append(str(self.path))
                    return
                self.counts.records += 1
                capture = self._capture(record)
                if capture is not None:
                    yield capture

    def _capture(self, record) -> Capture | None:
        if record.rec_type != "response":
            return None
        self.counts.responses += 1
        try:
            http = record.http_headers or _http_headers_under_any_case(record)
            if http is None:
                self.counts.bad_records += 1
                return None
            status = int(http.get_statuscode() or 0)
            if not 200 <= status < 300:
                self.counts.not_ok += 1
                return None
            if not _is_html(http.get_header("Content-Type")):
                self.counts.not_html += 1
                return None
            body = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except READ_ERRORS:
            self.counts.bad_records += 1
            return None
        if len(body) > MAX_PAGE_BYTES:
            self.counts.too_big += 1
            return None
        if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its length
            self.counts.bad_records += 1
            self.counts.damaged_files.append(str(self.path))
            return None
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if not url.lower().startswith(("http://", "https://")) or not body.strip():
            self.counts.bad_records += 1
            return None
        self.counts.pages += 1
        return Capture(
            url=url.strip("<> "),
            date=_iso(record.rec_headers.get_header("WARC-Date")),
            status=status,
            headers=tuple((k, v) for k, v in http.headers),
            body=body,
        )


def _http_headers_under_any_case(record):
    """The HTTP headers warcio left unread because the target URI's scheme is not lower case
    (`HTTPS://Patrazone.com/...`, as a crawler wrote what it was given); set on the record so
    its content stream decodes chunks and compression as usual. None for other schemes."""
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    if uri.startswith(HTTP_SCHEMES) or not uri.lower().startswith(HTTP_SCHEMES):
        return None  # warcio read what there was to read
    record.http_headers = HTTP_PARSER.parse(record.raw_stream)
    return record.http_headers


def _is_html(content_type: str | None) -> bool:
    # No Content-Type at all: old crawls; the page kind check downstream decides.
    if not content_type:
        return True
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _iso(warc_date: str | None) -> str:
    """WARC-Date (`2025-06-19T03:12:00Z`, maybe with fractions) as ISO 8601 with +00:00."""
    if not warc_date:
        return ""
    value = warc_date.strip()
    return value[:-1] + "+00:00" if value.endswith("Z") else value


def total_size(paths: list[Path]) -> int:
    return sum(os.path.getsize(p) for p in paths)
