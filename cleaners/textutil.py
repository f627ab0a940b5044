"""White space handling shared by every path: the format's rules for inside a line."""

from __future__ import annotations

# Zero-width characters and soft hyphens a CMS leaves behind: not text, not space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def collapse(text: str) -> str:
    """One space for every white-space run (str.split knows every Unicode space: nbsp, thin
    space, ideographic space), none at either end, invisible characters removed."""
    return " ".join(text.translate(_INVISIBLE).split())


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
