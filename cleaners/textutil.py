"""White space handling shared by every path: the format's rules for inside a line."""

from __future__ import annotations

import re

# Every Unicode space (nbsp, thin space, ...) and zero-width characters a CMS leaves behind.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def collapse(text: str) -> str:
    """One space for every white-space run, none at either end, invisible characters removed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def dedupe(items: list[str]) -> list[str]:
    """Keep the first of each value (case-insensitive), in order, dropping empty ones."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out
