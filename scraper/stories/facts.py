"""The checkable facts of an article: the days it reports on, the figures it gives and the legal
identifiers it cites. Names say *who* a story is about; two reports of one beat (the gold price on
two days, two BMKG outlooks, two court rulings) name the same actors but report a different day,
different figures or a different law. Facts are what a candidate pair is confirmed on.

Stored with the other story features as one space-joined string of tagged tokens:

- ``d:2025-11-17``: an *event date*: a date written the Indonesian dateline way, after a day name
  (``Senin (17/11/2025)``, ``Rabu, 12 November 2025``, ``pada Minggu (13/7)``), or a day name
  alone (``di Jakarta, Rabu,``) read as the latest such weekday on or before the publication day.
  Other dates (``berlaku mulai 1 Januari 2026``) are not the day reported on and are left out.
  A date said to be in local time abroad (``Selasa (7/10) waktu setempat``) is ``l:2025-10-07``:
  it may be the next day in Jakarta.
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
    local: frozenset[str] = frozenset()  # days in local time abroad: +-1 day in Jakarta
    published: date | None = None  # the day of publication (not a stored token)

    @property
    def days(self) -> frozenset[str]:
        return self.dates | self.local


NO_FACTS = Facts(frozenset(), frozenset(), frozenset())
_LOCAL_TIME = re.compile(r"[^.;]{0,25}?\bwaktu setempat", re.I)  # matched at a date's end


def fact_tokens(text: str, published: str | None) -> list[str]:
    """The tagged fact tokens of a clean text (sorted), as the store keeps them."""
    text = unicodedata.normalize("NFKC", text)
    day = _day(published)
    tokens = {f"{kind}:{d.isoformat()}" for kind, d in _event_dates(text, day)}
    tokens |= {f"q:{q}" for q in _figures(text)}
    tokens |= {f"i:{i}" for i in _laws(text)}
    return sorted(tokens)


def parse_facts(tokens: Iterable[str], published: str | None = None) -> Facts:
    """Stored tokens back into their kinds; ``published`` (ISO) dates an article without a day."""
    kinds: dict[str, set[str]] = {"d": set(), "q": set(), "i": set(), "l": set()}
    for token in tokens:
        kind, _, value = token.partition(":")
        if kind in kinds and value:
            kinds[kind].add(value)
    return Facts(frozenset(kinds["d"]), frozenset(kinds["q"]), frozenset(kinds["i"]),
                 frozenset(kinds["l"]), _day(published))  # fmt: skip


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).date()
    except ValueError:
        return None


def _event_dates(text: str, published: date | None) -> set[tuple[str, date]]:
    """("d" or "l" for local time abroad, the day) of every dateline day in the text."""
    found: set[tuple[str, date]] = set()
    for m in _SLASH_DATE.finditer(text):
        day = _date(m.group(4), int(m.group(3)), int(m.group(2)), published)
        _add(found, text, m.end(), day)
    for m in _LONG_DATE.finditer(text):
        day = _date(m.group(4), _MONTHS[m.group(3).lower()], int(m.group(2)), published)
        _add(found, text, m.end(), day)
    if published is not None:
        for m in _BARE_DAY.finditer(text):
            back = (published.weekday() - _DAYS[m.group(1).lower()]) % 7
            _add(found, text, m.end(), published - timedelta(days=back))
    return found


def _add(found: set[tuple[str, date]], text: str, end: int, day: date | None) -> None:
    if day is not None:
        found.add(("l" if _LOCAL_TIME.match(text, end) else "d", day))


def _date(year: str | None, month: int, day: int, published: date | None) -> date | None:
    if year:
        y = int(year) + (2000 if len(year) == 2 else 0)
    elif published is not None:  # (13/7): the year of publication, or the one before in January
        y = published.year - (month > published.month + 1)
    else:
        return None
    with contextlib.suppress(ValueError):  # 31/2: not a date
        return date(y, month, day)
    return None


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


def conflict(a: Facts, b: Facts, retell_days: float | None = None) -> str | None:
    """Why two articles that share names report different things, or None when nothing disagrees.

    - ``date``: both give the day they report on, and no day is the same (the gold price on the
      21st and on the 28th; two BMKG briefings a day apart; a day in local time abroad may be one
      off); or one gives no day and was published more than a day before every day the other
      gives: it cannot report that. A later report without a day may retell an earlier event (that
      keeps the 2023 tribunnews seed in the 2025 seed story, through mediapesan); ``retell_days``
      bounds how much later (None: any; 7 makes the grouping event-level and splits that seed);
    - ``law``: both cite laws or rulings, and none is the same (two MK rulings);
    - ``figures``: both give at least MIN_FIGURES figures and share less than FIGURE_JACCARD of
      them (the 2024 and the 2025 Lebaran ticket counts).
    Otherwise facts missing on either side never disagree.
    """
    if a.days and b.days:
        if not _same_day(a, b):
            return "date"
    elif _apart(a, b, retell_days) or _apart(b, a, retell_days):
        return "date"
    if a.laws and b.laws and not a.laws & b.laws:
        return "law"
    if len(a.figures) >= MIN_FIGURES and len(b.figures) >= MIN_FIGURES:
        shared = len(a.figures & b.figures)
        if shared / len(a.figures | b.figures) < FIGURE_JACCARD:
            return "figures"
    return None


def _same_day(a: Facts, b: Facts) -> bool:
    if a.dates & b.dates or a.local & b.local:
        return True
    near = [(x, y) for x in a.local for y in b.days] + [(x, y) for x in b.local for y in a.days]
    return any(abs(date.fromisoformat(x) - date.fromisoformat(y)).days <= 1 for x, y in near)


def _apart(dayless: Facts, dated: Facts, retell_days: float | None) -> bool:
    """``dayless`` gives no day and was published over a day before the first day ``dated`` gives
    (or, with ``retell_days``, more than that after its last day)."""
    if dayless.days or not dated.days or dayless.published is None:
        return False
    days = [date.fromisoformat(d) for d in dated.days]
    if (min(days) - dayless.published).days > 1:
        return True
    return retell_days is not None and (dayless.published - max(days)).days > retell_days
