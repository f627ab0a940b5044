"""How values are kept in a store, the same for every backend: time stamps, the text hash, raw
pages compressed as one zlib blob of JSON, and lists or objects as compact JSON text."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from cleaners.decode import decode_html


def now_utc() -> str:
    """The current time as ISO 8601 UTC, e.g. ``2025-07-13T03:30:00+00:00``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """sha256 hex digest of the clean text (the ``content_hash`` column)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def to_str(html: str | bytes) -> str:
    """Raw page as text: str as is; bytes as UTF-8 when they are, else as the one charset
    sniffer (`cleaners.decode`) reads them: the declared charset, else detection."""
    if isinstance(html, str):
        return html
    if not isinstance(html, bytes | bytearray | memoryview):
        raise TypeError(f"raw html must be str or bytes, not {type(html).__name__}")
    data = bytes(html)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_html(data)


def page_entry(page: tuple) -> dict[str, Any]:
    """`(url, html)` or `(url, html, headers)`: the fetch's HTTP headers, a list of (name, value),
    are kept when known (a WARC import has them) for the WARC export."""
    url, html, *rest = page
    entry: dict[str, Any] = {"url": url, "html": to_str(html)}
    if rest and rest[0]:
        entry["headers"] = [[str(k), str(v)] for k, v in rest[0]]
    return entry


def compress_pages(pages: Iterable[tuple]) -> bytes | None:
    """``zlib(JSON [{"url", "html"[, "headers"]}, ...])`` of an article's pages; None for none."""
    entries = [page_entry(page) for page in pages]
    if not entries:
        return None
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    # Level 3: most of level 6's ratio at a fraction of its time, in the crawl's hot path.
    return zlib.compress(payload.encode("utf-8", "surrogatepass"), 3)


def decompress_entries(blob: bytes | None) -> list[dict[str, Any]]:
    if blob is None:
        return []
    return json.loads(zlib.decompress(bytes(blob)).decode("utf-8", "surrogatepass"))


def decompress_pages(blob: bytes | None) -> list[tuple[str, str]]:
    return [(entry["url"], entry["html"]) for entry in decompress_entries(blob)]


def compress_html(raw_html: str | bytes | None) -> bytes | None:
    """One page (a drift sample) as ``zlib(UTF-8 html)``."""
    if raw_html is None:
        return None
    return zlib.compress(to_str(raw_html).encode("utf-8", "surrogatepass"))


def decompress_html(blob: bytes | None) -> str | None:
    if blob is None:
        return None
    return zlib.decompress(bytes(blob)).decode("utf-8", "surrogatepass")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def status_keys(counts: dict[str, Any]) -> dict[Any, Any]:
    """JSON object keys are strings; give HTTP statuses back as ints."""
    return {int(k) if k.isdigit() else k: v for k, v in counts.items()}
