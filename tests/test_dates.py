"""Dates as pages print them (cleaners/dates.py): what is a clock time and what is not."""

from __future__ import annotations

import pytest

from cleaners.dates import parse_date

DATES = {
    "Senin, 3 November 2025 19:26 WIB": "2025-11-03T19:26:00+07:00",
    "Senin, 14 Maret 2016 - 10:22:00 WIB": "2016-03-14T10:22:00+07:00",
    "13/07/2025 14:20": "2025-07-13T14:20:00+07:00",
    "19 Juli 2026 pukul 10.00 WITA.": "2026-07-19T10:00:00+08:00",
    "December 2, 2024 10:15": "2024-12-02T10:15:00+07:00",
    # a view count after the date is no clock time (`1.284` is not 01:28)
    "Minggu, 19 Juli 2026 \xa0 Kominfo \xa0 1.284 kali dibaca": "2026-07-19T00:00:00+07:00",
    "19/07/2026 | 2.310 views": "2026-07-19T00:00:00+07:00",
    "Desember 02, 2024 · 1.284 dilihat": "2024-12-02T00:00:00+07:00",
}


@pytest.mark.parametrize(("text", "iso"), DATES.items(), ids=DATES.keys())
def test_printed_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso
