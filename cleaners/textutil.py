"""White space handling shared by every path: the format's rules for inside a line."""

from __future__ import annotations

import re

# Zero-width characters and soft hyphens a CMS leaves behind: not text, not space. A regex, not
# str.translate: translate with a table looks up every character (25 µs for 300 characters of
# non-ASCII text, against 1 µs).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def collapse(text: str) -> str:
    """One space for every white-space run (str.split knows every Unicode space: nbsp, thin
    space, ideographic space), none at either end, invisible characters removed."""
    if not text.isascii():  # (a flag read: ASCII text holds none of them)
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


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
