"""Bytes to text for fetched pages: find the charset the way browsers do, then decode.

Order: byte-order mark, Content-Type charset, <meta> charset in the first 4 KiB, detection,
and last UTF-8 with replacement characters. The BOM goes first (as in the WHATWG encoding
standard) because it is a property of the bytes themselves, while headers are often a server
default that nobody checked.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels browsers decode differently from Python's codec of the same name (WHATWG encoding
# standard): pages labelled latin-1 or ascii are really windows-1252 (curly quotes, dashes).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
}

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"';,]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_META_WINDOW = 4096
_CHAOS_SLACK = 0.05  # charset_normalizer "mess" ratios this close are noise on short pages

# Valid multi-byte UTF-8 sequences; legacy single-byte text almost never forms them by chance.
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a fetched page to text; never raises, whatever the bytes or the header say."""
    encoding = (
        _bom_encoding(data)
        or _header_encoding(content_type)
        or _meta_encoding(data)
        or _detect_encoding(data)
        or "utf-8"
    )
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")  # a BOM under a declared "utf-8" is not text


def looks_binary(data: bytes) -> str | None:
    """A short reason when the bytes are clearly not a text page (image, PDF, archive)."""
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return reason
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP image"
    head = data[:1024]
    if b"\x00" in head and not _bom_encoding(head) and not _bomless_utf16(head):
        return "NUL bytes in the first KiB (binary data)"
    return None


def codec_name(label: str | None) -> str | None:
    """Python codec for a charset label, or None when unknown or not a text encoding."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        b"a".decode(label, "ignore")  # LookupError if unknown or a bytes codec like base64
    except (LookupError, ValueError):
        return None
    return codecs.lookup(label).name


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _header_encoding(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return codec_name(match.group(1)) if match else None


def _meta_encoding(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_META_WINDOW])
    if not match:
        return None
    encoding = codec_name(match.group(1).decode("ascii"))
    # An ASCII-readable <meta> cannot sit in UTF-16/32 bytes; browsers read such pages as UTF-8.
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return encoding


def _detect_encoding(data: bytes) -> str | None:
    if _mostly_utf8(data):
        return "utf-8"
    import charset_normalizer  # 60-90 ms to import: only pages without a declared charset pay

    best = charset_normalizer.from_bytes(data).best()
    # Undeclared legacy pages on Indonesian sites are windows-1252; the detector often names a
    # look-alike (cp1250, cp775, mac_roman) that decodes quotes and dashes wrongly, so prefer
    # cp1252 whenever it reads the bytes about as cleanly.
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_SLACK):
        return "cp1252"
    return codec_name(best.encoding) if best is not None else None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8, allowing a few broken bytes (a truncated or spliced page) among many good ones."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    good = len(_UTF8_SEQ.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return good >= 10 * bad


def _bomless_utf16(head: bytes) -> bool:
    """ASCII-heavy UTF-16 without a BOM: NULs all on even offsets, or all on odd ones."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return min(even, odd) == 0 and max(even, odd) >= len(head) // 4
