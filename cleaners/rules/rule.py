"""The types of the rules: what a line is (`Kind`), what was captured from taken-out lines
(`Captured`), and an outlet's own line rule (`Rule`, made with `rule()` in site files)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ..textutil import collapse, dedupe


class Kind(Enum):
    TEXT = "text"
    DROP = "drop"  # boilerplate: read-also, ads, promos, captions, credits, prompts
    META = "meta"  # a byline/editor/source line: its values go to metadata, the line goes
    SIGNOFF = "signoff"  # the article's last line: after it only metadata lines are read
    RELATED = "related"  # a related-articles heading: its links follow
    END = "end"  # the trailer starts here: share, comments, footer


# Wire agencies as sign-offs abbreviate them: `(Ant/E-3)` is Antara's.
WIRE_ABBREVIATIONS = {"ant": "Antara", "ant.": "Antara"}


@dataclass
class Captured:
    """Metadata found in lines that were taken out of the text."""

    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None
    caption: str | None = None  # a lead-photo caption found above the body's first paragraph
    # Names of a `(Tribunnews.com/Rina Ayu)` sign-off: matched against the byline's names later
    # (`cleaners.metadata.people`), as a sign-off often shortens them.
    signed: list[str] = field(default_factory=list)
    initials: list[str] = field(default_factory=list)  # reporter codes: `(ant/rin)` → ant, rin
    by: list[str] = field(default_factory=list)  # authors named only by "Oleh X", no role
    # A photo story's photos, each with its caption as printed (credit included): `images`.
    photos: list[dict[str, str | None]] = field(default_factory=list)

    def add(self, key: str | None, value: str) -> None:
        value = collapse(value).strip(" .,;:-–")
        if not key or not value:
            return
        if key in ("authors", "by", "editor") and (office := _OFFICE_AFTER.search(value)):
            value = value[: office.start()]  # `Agus - Humas Distanbun`: the office's writer
            if key != "editor":  # the writer's office is where the text comes from
                self.add("source", office["office"])
            if STAFF_CODE.match(value):  # `Ak, Humas Jateng`: the office's staff, by initials
                self.add("initials", value)
                return
        if key in ("authors", "by"):
            self.authors = dedupe(self.authors + split_names(value))
            if key == "by":
                self.by = dedupe(self.by + split_names(value))
        elif key == "editor" and not self.editor:
            self.editor = value
        elif key == "source" and not self.source:
            self.source = WIRE_ABBREVIATIONS.get(value.casefold(), value)
        elif key == "caption" and not self.caption:
            self.caption = collapse(value)
        elif key == "signed":
            self.signed = dedupe(self.signed + split_names(value))
        elif key == "initials":
            self.initials = dedupe(self.initials + _codes(value))


def split_names(value: str) -> list[str]:
    """Names in a byline value; a part with digits is a date or a count, not a name."""
    value = _AFFILIATION.sub("", value)  # "Muhammad Fauzan (Humas ITS)": the name, not its desk
    value = _DATE_TAIL.sub("", value)  # "Oleh Fathurrahman 27 Mei 2025": a theme's info line
    value = _PLACE_TAIL.sub("", value)  # "Oleh Budi di Jakarta": where it was written
    # an office's name is one name, its `dan` and commas its own (`Bagian Protokol dan
    # Komunikasi Pimpinan`, `Dinas Pemuda, Olahraga dan Pariwisata`)
    parts = [value] if OFFICE_NAME.match(value) else re.split(r"\s*(?:,|/|&|\bdan\b)\s*", value)
    parts = (n.strip() for n in parts)
    return [n for n in parts if n and not any(c.isdigit() for c in n)
            and n.split()[0].lower() not in ROLES and not DEGREE.match(n)]  # fmt: skip


# A date after the name, in the same info line: `Fathurrahman 27 Mei 2025`, `Admin, Senin,
# 2 Desember 2024`, `Budi | 02/12/2024 10:15`.
_DATE_TAIL = re.compile(
    r"[\s,|·•–-]+(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+)?"
    r"\d{1,2}(?:\s+[a-z]{3,9}\.?,?\s+\d{4}|[/.-]\d{1,2}[/.-]\d{2,4})\b.*$",
    re.I,
)


# `Agus Setiawan - Humas Distanbun Jateng`, `Agus / Humas Pemkab`: a writer and their office.
_OFFICE_AFTER = re.compile(
    r"(?:\s+[-–—|/]\s+|\s*,\s+)(?P<office>(?:humas|biro|bagian|dinas|diskominfo|kominfo|pemkab|pemkot|"
    r"pemprov|setda|prok(?:o|om)pim)\b.{2,60})$",
    re.I,
)


# The words an office's name opens with (`desks` judges it no person: the source).
OFFICE_NAME = re.compile(
    r"^(?:humas|biro|bagian|bidang|dinas|badan|diskominfo|kominfo|pemkab|pemkot|pemprov|setda|"
    r"sekretariat|kantor|subbag|sub bagian|prok(?:o|om)pim)\b",
    re.I,
)


# A writer's code, not a name, before their office: `Ak`, `Ul`, `RS` (`Penulis : Ak, Humas
# Jateng`, `Editor : Ul, Diskominfo Jateng`: a provincial portal's press staff sign so).
STAFF_CODE = re.compile(r"^(?:[A-Za-z]{1,2}|[A-Z]{3})$")  # not `Ani`, `Edi`: names


# `di Jakarta`, `dari Binjai` after a name: the place, never part of a name.
_PLACE_TAIL = re.compile(r"\s+(?:di|dari)\s+[A-Z].*$")


# An academic degree after a name's comma is no second name: `Ahmad Fauzi, M.T.`, `S.Pd.`,
# `M.Si`, `Ph.D` (campus and government pages print them).
DEGREE = re.compile(
    r"^(?:[SMD]\d?\.\s?[A-Z][A-Za-z]{0,4}\.?(?:[A-Z][a-z]?\.?)?|Ph\.\s?D\.?|MBA|MPH)$"
)


# A role where a name stands is nobody: `Reporter: Syaiful Islam, Jurnalis`, `Penulis:
# Kontributor Bandung, Reni Susanti` (the role and its place).
ROLES = frozenset(("jurnalis", "wartawan", "reporter", "penulis", "editor", "kontributor",
                   "koresponden", "pewarta", "redaktur", "fotografer", "videografer"))  # fmt: skip


_AFFILIATION = re.compile(r"\s*\([^()]{2,60}\)(?=\s*(?:,|/|&|\bdan\b|$))")


def _codes(value: str) -> list[str]:
    """`ant/rin`, `*/red`, `wan, hen`: the codes, without the stars that stand for nobody."""
    return [c for c in (p.strip(" *") for p in re.split(r"[/,]", value)) if c]


@dataclass(frozen=True)
class Rule:
    """An outlet's own line rule: lines matching `pattern` are of `kind`; a named group
    `authors`, `editor` or `source` sends its text to that metadata field, `signed` to the names
    of a sign-off (matched to the byline's), `initials` to the reporter codes."""

    pattern: re.Pattern[str]
    kind: Kind = Kind.DROP

    def apply(self, line: str, captured: Captured) -> Kind | None:
        match = self.pattern.search(line)
        if not match:
            return None
        for key, value in match.groupdict().items():
            if value:
                captured.add(key, value)
        return self.kind


def rule(pattern: str, kind: Kind = Kind.DROP, flags: int = 0) -> Rule:
    return Rule(re.compile(pattern, flags), kind)
