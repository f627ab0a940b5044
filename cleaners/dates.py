"""Publication dates: ISO 8601 from meta/JSON-LD, or Indonesian dates written on the page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7))
ZONES = {"WIB": WIB, "WITA": timezone(timedelta(hours=8)), "WIT": timezone(timedelta(hours=9))}

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
    "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10, "december": 12,
    "nop": 11, "peb": 2, "agust": 8, "mrt": 3,
    "january": 1, "february": 2, "march": 3,
}  # fmt: skip

_ISO = re.compile(
    r"(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
# A clock time may carry seconds (`10:25:33 WIB`, old CMSs print them). No digit follows it:
# `19 Juli 2026 · Kominfo · 1.284 kali dibaca` is a date and a view count, not 01:28.
_CLOCK = r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d.,]\d|\d)"
_WRITTEN = re.compile(
    rf"(\d{{1,2}})\s+([A-Za-z]{{3,9}})\.?,?\s+(\d{{4}})(?:\D{{1,12}}?{_CLOCK})?"
    r"(?:\s*(WIB|WITA|WIT)\b)?"
)
# `December 2, 2024`, `Desember 02, 2024 10:15`: the month first (Blogger's date headers, English).
_MONTH_FIRST = re.compile(
    r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})(?:\D{1,12}?(\d{1,2})[:.](\d{2})(?![\d.,]\d|\d))?"
)
# `13/07/2025 14:20`, `10-09-2014 | 15:20`, `30/09/2015 - 14:05:12`: day first, one separator.
_NUMERIC = re.compile(rf"\b(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}})(?:\D{{1,5}}{_CLOCK})?")


def _zone(text: str) -> timezone:
    match = re.search(r"\b(WITA|WIT|WIB)\b", text)
    return ZONES[match.group(1)] if match else WIB


def _offset(raw: str | None, text: str) -> timezone:
    if not raw:
        return _zone(text)  # Indonesian sites write local time without an offset
    if raw == "Z":
        return UTC
    sign = 1 if raw[0] == "+" else -1
    digits = raw[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _build(y: int, mo: int, d: int, h: int, mi: int, s: int, tz: timezone) -> str | None:
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=tz).isoformat(timespec="seconds")
    except ValueError:
        return None


def _to_local(iso: str) -> str:
    """UTC (what many CMS write in JSON-LD) as WIB: an Indonesian outlet's own clock."""
    moment = datetime.fromisoformat(iso)
    if moment.utcoffset() == timedelta(0):
        return moment.astimezone(WIB).isoformat(timespec="seconds")
    return iso


def parse_date(text: str | None) -> str | None:
    """ISO 8601 with seconds and offset for an ISO, written (`Senin, 3 November 2025 19:26 WIB`)
    or numeric (`13/07/2025 14:20`) date; None when nothing in `text` is a date."""
    if not text:
        return None
    text = text.strip()
    if match := _ISO.search(text):
        y, mo, d, h, mi, s, off = match.groups()
        built = _build(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0),
                       _offset(off, text))  # fmt: skip
        return _to_local(built) if built and off and h else built
    for match in _WRITTEN.finditer(text):
        d, month, y, h, mi, sec, zone = match.groups()
        if (mo := MONTHS.get(month.lower())) is not None:
            tz = ZONES[zone] if zone else _zone(text)
            return _build(int(y), mo, int(d), int(h or 0), int(mi or 0), int(sec or 0), tz)
    for match in _MONTH_FIRST.finditer(text):
        month, d, y, h, mi = match.groups()
        if (mo := MONTHS.get(month.lower())) is not None:
            return _build(int(y), mo, int(d), int(h or 0), int(mi or 0), 0, _zone(text))
    if match := _NUMERIC.search(text):
        d, _, mo, y, h, mi, sec = match.groups()
        return _build(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0),
                      _zone(text))  # fmt: skip
    return None
