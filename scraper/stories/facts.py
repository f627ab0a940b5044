"""The checkable facts of an article: the days it reports on, the figures it gives and the legal
identifiers it cites. Names say *who* a story is about; two reports of one beat (the gold price on
two days, two BMKG outlooks, two court rulings) name the same actors but report a different day,
different figures or a different law. Facts are what a candidate pair is confirmed on.

Stored with the other story features as one space-joined string of tagged tokens:

- ``d:2025-11-17``: an *event date*: a date written the Indonesian dateline way, after a day name
  (``Senin (17/11/2025)``, ``Rabu, 12 November 2025``, ``pada Minggu (13/7)``), or a day name
  alone (``di Jakarta, Rabu,``) read as the latest such weekday on or before the publication day.
  Other dates (``berlaku mulai 1 Januari 2026``) are not the day reported on and are left out.
- ``q:14900``, ``q:8.2%``: a *figure*: an amount or count (``Rp 14.900``, ``1,4 juta``,
  ``8,2 persen``), normalised (Indonesian dots for thousands, comma for decimals, ``ribu``/``juta``
  /``miliar``/``triliun`` multiplied out). Years, clock times, dates and whole numbers below 10
  are not figures.
- ``i:10/2016``: a *legal identifier*: ``Nomor 10 Tahun 2016``, ``90/PUU-XXI/2023``.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = [
    "FIGURE_JACCARD",
    "MIN_FIGURES",
    "NO_FACTS",
    "Facts",
    "conflict",
    "fact_tokens",
    "parse_facts",
]

_DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
         "minggu": 6, "ahad": 6}  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate((
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember",
))}  # fmt: skip
_MONTHS.update({"agu": 8, "okt": 10, "des": 12, "sept": 9, "nop": 11, "nov": 11, "feb": 2})
_DAY = r"(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_SLASH_DATE = re.compile(_DAY + r",?\s*\(?\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")
_LONG_DATE = re.compile(
    "(?-i:" + _DAY + r"),?\s+(?:tanggal\s+)?(\d{1,2})\s+" + _MONTH + r"\b(?:\s+(\d{4}))?", re.I
)
# A day name alone: not followed by a date (those are read above), not a lower-case "minggu" (week).
_BARE_DAY = re.compile(_DAY + r"\b(?!,?\s*\(?\s*\d)")
_ANY_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\d{1,2}\s+" + _MONTH + r"\b(?:\s+\d{4})?", re.I
)
_NUMBER = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/])"
    r"(?:\s*(ribu|rb|juta|jt|miliar|milyar|triliun))?\b(?:\s*(persen|%))?",
    re.I,
)
_SCALE = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
          "triliun": 1e12}  # fmt: skip
_CLOCK = re.compile(r"(?:pukul|jam)\s*$", re.I)
_LAW = re.compile(r"\bNomor\s+(\d+[A-Z]?)\s+Tahun\s+(\d{4})", re.I)
_RULING = re.compile(r"\b(\d+)/(PUU|PHPU|PHP|PUU-[IVXLC]+)[-/A-Z]*/(\d{4})\b", re.I)


@dataclass(frozen=True)
class Facts:
    """The parsed facts of one article (see the module docstring)."""

    dates: frozenset[str]
    figures: frozenset[str]
    laws: frozenset[str]


NO_FACTS = Facts(frozenset(), frozenset(), frozenset())


def fact_tokens(text: str, published: str | None) -> list[str]:
    """The tagged fact tokens of a clean text (sorted), as the store keeps them."""
    text = unicodedata.normalize("NFKC", text)
    day = _day(published)
    tokens = {f"d:{d.isoformat()}" for d in _event_dates(text, day)}
    tokens |= {f"q:{q}" for q in _figures(text)}
    tokens |= {f"i:{i}" for i in _laws(text)}
    return sorted(tokens)


def parse_facts(tokens: Iterable[str]) -> Facts:
    """Stored tokens back into their three kinds."""
    kinds: dict[str, set[str]] = {"d": set(), "q": set(), "i": set()}
    for token in tokens:
        kind, _, value = token.partition(":")
        if kind in kinds and value:
            kinds[kind].add(value)
    return Facts(frozenset(kinds["d"]), frozenset(kinds["q"]), frozenset(kinds["i"]))


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).date()
    except ValueError:
        return None


def _event_dates(text: str, published: date | None) -> set[date]:
    found: set[date] = set()
    for m in _SLASH_DATE.finditer(text):
        _add(found, m.group(4), int(m.group(3)), int(m.group(2)), published)
    for m in _LONG_DATE.finditer(text):
        _add(found, m.group(4), _MONTHS[m.group(3).lower()], int(m.group(2)), published)
    if published is not None:
        for m in _BARE_DAY.finditer(text):
            back = (published.weekday() - _DAYS[m.group(1).lower()]) % 7
            found.add(published - timedelta(days=back))
    return found


def _add(found: set[date], year: str | None, month: int, day: int, published: date | None) -> None:
    if year:
        y = int(year) + (2000 if len(year) == 2 else 0)
    elif published is not None:  # (13/7): the year of publication, or the one before in January
        y = published.year - (month > published.month + 1)
    else:
        return
    with contextlib.suppress(ValueError):  # 31/2: not a date
        found.add(date(y, month, day))


def _figures(text: str) -> set[str]:
    masked = _ANY_DATE.sub(" ", _RULING.sub(" ", _LAW.sub(" ", text)))
    found: set[str] = set()
    for m in _NUMBER.finditer(masked):
        digits, scale, percent = m.group(1), (m.group(2) or "").lower(), bool(m.group(3))
        if _CLOCK.search(masked[max(0, m.start() - 8) : m.start()]):
            continue  # pukul 14.22
        value = float(digits.replace(".", "").replace(",", "."))
        plain = not scale and not percent and "," not in digits and "." not in digits
        if plain and (value < 10 or 1900 <= value <= 2100):
            continue  # small counts and years say little
        value *= _SCALE.get(scale, 1.0)
        shown = str(int(value)) if value.is_integer() else f"{value:.6g}"
        found.add(shown + ("%" if percent else ""))
    return found


def _laws(text: str) -> set[str]:
    found = {f"{n.lower()}/{y}" for n, y in _LAW.findall(text)}
    found |= {f"{n}/{kind.split('-')[0].lower()}/{y}" for n, kind, y in _RULING.findall(text)}
    return found


# Thresholds, chosen on the tune part of the labelled pairs (``python -m bench.stories_thresholds``;
# figures in ``scraper/stories/README.md``).
MIN_FIGURES = 3  # figures each article must give before their figures are compared
FIGURE_JACCARD = 0.1  # rewrites share >= 0.2 of their figures; same-beat reports 0.0


def conflict(a: Facts, b: Facts) -> str | None:
    """Why two articles that share names report different things, or None when nothing disagrees.

    - ``date``: both give the day they report on, and no day is the same (the gold price on the
      21st and on the 28th; two BMKG briefings a day apart);
    - ``law``: both cite laws or rulings, and none is the same (two MK rulings);
    - ``figures``: both give at least MIN_FIGURES figures and share less than FIGURE_JACCARD of
      them (the 2024 and the 2025 Lebaran ticket counts).
    Facts that are missing on either side never disagree: a rewrite that gives no day is judged
    on names and figures alone.
    """
    if a.dates and b.dates and not a.dates & b.dates:
        return "date"
    if a.laws and b.laws and not a.laws & b.laws:
        return "law"
    if len(a.figures) >= MIN_FIGURES and len(b.figures) >= MIN_FIGURES:
        shared = len(a.figures & b.figures)
        if shared / len(a.figures | b.figures) < FIGURE_JACCARD:
            return "figures"
    return None
