"""A page's date line with its channel or place beside it, as old and mobile layouts print it
over the headline (`Senin, 05 Desember 2016 13:20 WIB | Kampar`, `Riau | 15 Maret 2016`): no
paragraph. The date alone on a line is `DATE_STAMP`'s (`catalogue`)."""

from __future__ import annotations

import re

from .catalogue import DATE_STAMP

STAMP_LINE = 80  # characters: a date with a label beside it is no longer
LABEL_WORDS = 3  # a channel or a place: `Kampar`, `Kuantan Singingi`, `Riau Raya`
_TIME = re.compile(r"^(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?$", re.I)
_LABEL = re.compile(r"^[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*$")


def is_dated_label_line(line: str) -> bool:
    """A date (and its time) and a short capitalised label, parted by `|`: the page's date line."""
    if len(line) > STAMP_LINE or " | " not in line:
        return False
    parts = [p.strip() for p in line.split(" | ")]
    dates = [p for p in parts if DATE_STAMP.match(p)]
    rest = [p for p in parts if p not in dates and not _TIME.match(p)]
    return (
        len(dates) == 1
        and 0 < len(rest) <= 2
        and all(
            _LABEL.match(p) and len(p.split()) <= LABEL_WORDS and not any(c.isdigit() for c in p)
            for p in rest
        )
    )
