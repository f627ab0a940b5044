"""One person, one name: the byline, the page's metadata and the sign-off often name the same
writer in different lengths ("Rina Ayu Lestari", "(Tribunnews.com/Rina Ayu)", "(…/Rin)").

The full name is kept once; a shorter form that fits exactly one longer name is that person.
A sign-off name that fits nobody joins the authors only when it reads as a name; otherwise it
is a reporter's code (`initials`). The editor is no author, unless the page's own metadata
(JSON-LD or meta author) names them as one.
"""

from __future__ import annotations

import re

from ..textutil import dedupe


def tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.]+", name.casefold()) if t]


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is `full` cut down: each of its words the start of one of `full`'s, in
    order, the first word included ("Rina Ayu", "Rin", "Rina A." for "Rina Ayu Lestari"), its
    initials ("RAL"), or the first name as its initial, the rest whole ("M. Fauzan")."""
    a, b = tokens(short), tokens(full)
    if not a or not b or a == b or len(a) > len(b):
        return False
    if len(a) == 1 and len(b) > 1 and a[0] == "".join(t[0] for t in b):
        return True
    if len(a[0]) == 1 and len(a) == len(b) and b[0].startswith(a[0]) and a[1:] == b[1:]:
        return True  # "M. Fauzan" for "Muhammad Fauzan": the first name as its initial
    if not b[0].startswith(a[0]) or len(a[0]) < 2:
        return False
    rest = iter(b[1:])
    return all(any(word.startswith(t) for word in rest) for t in a[1:])


# What a photo credit puts where a sign-off has a name: nobody.
NOT_NAMES = frozenset(("foto", "dok", "dokumentasi", "istimewa", "ist", "ilustrasi", "net",
                       "internet", "handout", "ho", "file", "arsip", "screenshot", "tangkapan layar"))  # fmt: skip


def looks_like_name(text: str) -> bool:
    """A name ("Fransiskus Adhiyuda", "Reynas"), not a code ("Fah", "RAL", "rin")."""
    words = text.split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) > 1:
        return True
    return len(words[0]) >= 4 and not words[0].isupper()


def _match(name: str, names: list[str]) -> str | None:
    """The one name of `names` that `name` shortens, or None (no match, or more than one)."""
    fits = [n for n in names if abbreviates(name, n)]
    return fits[0] if len(set(fits)) == 1 else None


def one_name_each(
    page: list[str], found: list[str], signed: list[str], editor: str | None
) -> tuple[list[str], list[str]]:
    """The authors, each once under their fullest name, and the sign-off codes left over.
    `page`: the names the page's metadata gives; `found`: bylines in the text; `signed`: the
    names of a sign-off."""
    named = _one_spelling(page + [n for n in found if not _same(n, editor)])
    authors = [_match(n, named) or n for n in named]  # a short byline: the full name, once
    authors = dedupe(authors)
    codes: list[str] = []
    for name in signed:
        if name.casefold().strip(" .") in NOT_NAMES:
            continue  # a photo credit's "Istimewa", "Dok."
        if any(_same(name, a) for a in authors) or _match(name, authors):
            continue  # the byline's writer
        if fuller := next((a for a in authors if abbreviates(a, name)), None):
            authors[authors.index(fuller)] = name  # the sign-off spells the byline out
        elif _same(name, editor) or (editor and abbreviates(name, editor)):
            continue  # the editor's own sign-off
        elif looks_like_name(name):
            authors.append(name)
        else:
            codes.append(name)
    return dedupe(authors), codes


def _one_spelling(names: list[str]) -> list[str]:
    """Each name once, whatever its case: the first spelling that is not all capitals wins."""
    kept: dict[tuple[str, ...], str] = {}
    for name in names:
        key = tuple(tokens(name))
        if key and (key not in kept or (kept[key].isupper() and not name.isupper())):
            kept[key] = name
    return list(kept.values())


def same_person(a: str, b: str | None) -> bool:
    """The same name, whatever its case and dots ("Anita K. Wardhani", "ANITA K WARDHANI")."""
    return _same(a, b)


def _same(a: str, b: str | None) -> bool:
    return b is not None and tokens(a) == tokens(b)
