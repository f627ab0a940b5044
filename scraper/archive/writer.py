"""`kliping export --format warc`: the stored raw pages as WARC/1.1, readable by any archive tool.

Per article: one `response` record per stored page (the fetch's HTTP headers where the store has
them, its date as WARC-Date), then one `metadata` record holding the article's clean JSON,
tied to the response by WARC-Refers-To. Pages are stored decoded, so they are written as UTF-8:
the Content-Type says so, and transfer and content encodings of the original fetch are dropped.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SOFTWARE = "kliping (+https://github.com/kliping/kliping)"
# Headers that described the bytes on the wire, not the UTF-8 page written here.
WIRE_HEADERS = {"content-length", "content-encoding", "transfer-encoding", "content-type"}


def write_warc(
    store,
    out: BinaryIO,
    articles: Iterable[dict[str, Any]],
    fields: Callable[[dict[str, Any]], dict[str, Any]] = dict,
) -> int:
    """Write `articles` (as the store gives them) with their raw pages; returns how many.
    `fields` picks what of an article goes into its metadata record (the export's fields)."""
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    writer.write_record(writer.create_warcinfo_record("kliping-export.warc.gz",
                                                      {"software": SOFTWARE,
                                                       "format": "WARC File Format 1.1"}))  # fmt: skip
    count = 0
    for article in articles:
        pages = store.raw_captures(article["url"])
        if not pages:
            continue
        first_id = None
        for page in pages:
            record = _response(writer, page, article.get("fetched_at"))
            first_id = first_id or record.rec_headers.get_header("WARC-Record-ID")
            writer.write_record(record)
        writer.write_record(_metadata(writer, article["url"], fields(article),
                                      article.get("fetched_at"), first_id))  # fmt: skip
        count += 1
    return count


def _response(writer: WARCWriter, page: dict[str, Any], fetched_at: str | None):
    body = page["html"].encode("utf-8", "surrogateescape")
    kept = [(k, v) for k, v in page.get("headers") or () if k.lower() not in WIRE_HEADERS]
    headers = [*kept, ("Content-Type", "text/html; charset=utf-8"),
               ("Content-Length", str(len(body)))]  # fmt: skip
    status = str(page.get("status") or 200)
    http = StatusAndHeaders(f"{status} {_REASONS.get(status, 'OK')}", headers, protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": _warc_date(page.get("fetched_at") or fetched_at)}
    return writer.create_warc_record(page["url"], "response", payload=io.BytesIO(body),
                                     http_headers=http, warc_headers_dict=warc_headers)  # fmt: skip


def _metadata(writer: WARCWriter, url: str, article: dict[str, Any], fetched_at: str | None,
              refers_to: str | None):  # fmt: skip
    payload = json.dumps(article, ensure_ascii=False).encode("utf-8")
    headers = {"WARC-Date": _warc_date(fetched_at)}
    if refers_to:
        headers["WARC-Refers-To"] = refers_to
    return writer.create_warc_record(url, "metadata", payload=io.BytesIO(payload),
                                     warc_content_type="application/json",
                                     warc_headers_dict=headers)  # fmt: skip


_REASONS = {"200": "OK", "203": "Non-Authoritative Information"}


def _warc_date(value: str | None) -> str:
    """ISO 8601 with offset (the store's) as WARC-Date, UTC with a Z; now when unknown."""
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(value) if value else datetime.now(UTC)
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
