"""Is the page's densest text block plainly its article? Then the generic path reads it as the
site engine reads a body and trafilatura is not run (83 of the 181 Scrapinghub pages at F1
0.9691; the variants measured are in bench/RESULTS.md, "The generic path")."""

from __future__ import annotations

from . import html as dom

# The densest block decides without trafilatura when it holds this share of the text of the
# page's containers, the next largest at most this share of its, and the rules keep about what
# it owns (not far less: its text was boilerplate; not far more: links or nested blocks).
DOMINANT_SHARE = 0.6
NEXT_LARGEST = 0.3
KEPT_RANGE = (0.8, 1.2)
SURELY_DENSE = 500  # characters


def dominant(element, owned: dict) -> bool:
    mine, total = owned.get(element, 0), sum(owned.values())
    ranked = sorted(owned.values(), reverse=True)[:2]
    runner_up = ranked[1] if len(ranked) > 1 else 0
    return (
        total > 0
        and mine >= DOMINANT_SHARE * total
        and runner_up <= NEXT_LARGEST * ranked[0]
        and not _captioned_photo(element)
        and not _linked_lines(element)
    )


# A line of the block mostly linked (`Pilihan Editor: <a>headline</a>`) but kept by the rules,
# which drop only lines over 0.7 links: a promo an outlet's rules would know, trafilatura too.
_LINES = "self::p or self::li or self::div[not(.//p or .//div)] or self::h2 or self::h3"
LINKED_SHARE = (0.5, 0.7)


def _linked_lines(element) -> bool:
    for line in element.xpath(f".//*[{_LINES}][.//a]"):
        chars = len(dom.text(line).strip())
        linked = sum(len(dom.text(a).strip()) for a in line.iter("a"))
        if chars and LINKED_SHARE[0] * chars <= linked <= LINKED_SHARE[1] * chars:
            return True
    return False


# The first text after a photo, short and ending in a bracket (`Posko mudik di jalur Pantura
# (VIVA.co.id/Dody Handoko)`): its caption and credit, which the rules cannot tell from a
# paragraph where the markup says nothing more (trafilatura reads the markup).
_AFTER_PHOTO = "following::text()[normalize-space()][1]"
CAPTION_CHARS = 160


def _captioned_photo(element) -> bool:
    for image in element.iter("img"):
        after = image.xpath(_AFTER_PHOTO)
        text = after[0].strip() if after else ""
        if text and len(text) <= CAPTION_CHARS and text[-1] == ")":
            return True
    return False


def kept_as_owned(paragraphs: list[str], owned: int) -> bool:
    kept = sum(len(p) for p in paragraphs)
    return owned > 0 and KEPT_RANGE[0] * owned <= kept <= KEPT_RANGE[1] * owned
