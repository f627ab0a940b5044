"""What only the page's visible text says, for pages whose head and markup say nothing: the
headline of an old layout portal (no <h1>, a <title> that is the site's name, the headline a
bold cell of a table row) and a date printed under the headline (`Jumat, 15 November 2024 |
14:30 WIB`, `Diterbitkan: …`, `17/11/2024 07:45`) where no meta, JSON-LD or <time> holds one."""

from __future__ import annotations

import re

from lxml import html

from .. import html as dom
from ..blocks import largest_text_block
from ..dates import parse_date
from ..rules.catalogue import DATE_STAMP
from ..rules.stamps import is_dated_label_line
from ..textutil import collapse

INFO_TEXT = 120  # characters: an info line under a headline is no longer than this
LOOK_AHEAD = 40  # elements after the headline where its info line may be
# "2 jam yang lalu", "5 menit lalu": relative times are no dates.
RELATIVE = re.compile(r"\b(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu\b", re.I)


# `Minggu (20/7/2025)`, `(20/7)`: the day of the event in a story's or a caption's sentence.
EVENT_DAY = re.compile(r"\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)")


# Where a theme prints the date just above the headline: its info line, by class.
_INFO_CLASS = re.compile(r"date|time|tanggal|waktu|meta|info|posted|byline", re.I)


def visible_date(root: html.HtmlElement, headline: html.HtmlElement | None) -> str | None:
    """The first date in a short element after the headline, before the body's text begins;
    else in an info line right above it (`<div class="meta">Senin, 2 Desember 2024</div><h1>`),
    never the page's "today" bar."""
    if headline is None:
        return None
    return _date_beside(headline) or _date_after(root, headline) or _date_above(headline)


def _date_beside(headline: html.HtmlElement) -> str | None:
    """`<td><b>Headline</b> | Senin, 2 Desember 2024</td>`: the date in the headline's own cell."""
    parent = headline.getparent()
    if parent is None:
        return None
    rest = dom.text_of(parent).replace(dom.text_of(headline), " ", 1)
    if len(rest) > INFO_TEXT or RELATIVE.search(rest) or not any(c.isdigit() for c in rest):
        return None
    return parse_date(rest)


def element_with_text(root: html.HtmlElement, text: str) -> html.HtmlElement | None:
    """The first element of the body whose whole text is `text` (a headline set in bold)."""
    want = collapse(text)
    for element in root.iterfind(".//body//*"):
        if isinstance(element.tag, str) and len(element) <= 2 and dom.text_of(element) == want:
            return element
    return None


def _date_above(headline: html.HtmlElement) -> str | None:
    siblings = _preceding(headline)[:2]
    rows = _rows_above(headline)
    for sibling in [*siblings, *rows]:
        if not isinstance(sibling.tag, str):
            continue
        for element in sibling.iter(html.etree.Element):
            text = dom.text_of(element)
            # a classed info line; in a layout table's row above, a cell that is only a date (a
            # bare date beside the headline itself may be the page's top bar)
            bare = (sibling in rows and DATE_STAMP.match(text)) or _timed_stamp(text)
            if bare or _INFO_CLASS.search(element.get("class") or ""):
                short = len(text) <= INFO_TEXT and not RELATIVE.search(text)
                if short and (found := parse_date(text)):
                    return found
    return None


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def _timed_stamp(text: str) -> bool:
    """A date with its time alone on its line, or beside a channel (`Senin, 05 Desember 2016
    13:20 WIB | Kampar`): a story's date line, even unclassed (a top bar prints no time)."""
    return bool(_CLOCK.search(text)) and bool(DATE_STAMP.match(text) or is_dated_label_line(text))


WRAPPERS_UP = 2  # levels: a headline first in its wrapper (`<div class="itemHeader"><h2>`)


def _preceding(headline: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements before the headline, nearest first; for a headline that opens its wrapper,
    those before the wrapper (K2's `<span class="itemDateCreated">` before `div.itemHeader`)."""
    node = headline
    for _ in range(WRAPPERS_UP + 1):
        found = [e for e in node.itersiblings(preceding=True) if isinstance(e.tag, str)]
        if found or (node := node.getparent()) is None or node.tag == "body":
            return found
    return []


_CELL_TAGS = frozenset(("td", "th", "tr", "tbody", "font", "b", "strong", "center", "span", "div"))


def _rows_above(headline: html.HtmlElement) -> list[html.HtmlElement]:
    """A headline in a layout table's cell: the two rows above its row, where an old portal
    prints the date (`<tr><td>Senin, 14 Maret 2016 10:22 WIB</td></tr><tr><td><b>Headline</b>`)."""
    node = headline
    while (parent := node.getparent()) is not None and parent.tag in _CELL_TAGS:
        node = parent
        if node.tag == "tr":
            return list(node.itersiblings(preceding=True))[:2]
    return []


def _date_after(root: html.HtmlElement, headline: html.HtmlElement) -> str | None:
    inside = set(headline.iter())
    seen = 0
    for element in _after(root, headline):
        if element in inside or not isinstance(element.tag, str) or _in_caption(element):
            continue  # a photo's caption dates the photo (`… Senin (2/12/2024).`)
        seen += 1
        if seen > LOOK_AHEAD:
            return None
        text = dom.text_of(element)
        if element.tag == "p" and len(text) > INFO_TEXT:
            return None  # a paragraph of the body: the info line would have come before it
        if len(text) > INFO_TEXT or not any(ch.isdigit() for ch in text) or RELATIVE.search(text):
            continue
        if EVENT_DAY.search(text):
            continue  # `… Minggu (20/7/2025).`: a story's way of dating its event, no info line
        if found := parse_date(text):
            return found
    return None


def _in_caption(element: html.HtmlElement) -> bool:
    """Inside a caption, or holding one (its text would be the caption's)."""
    for node in (*element.iterancestors(), *element.iter(html.etree.Element)):
        if node.tag in ("figure", "figcaption") or "caption" in (node.get("class") or "").lower():
            return True
    return False


def _after(root: html.HtmlElement, start: html.HtmlElement):
    """The elements after `start` in document order."""
    started = False
    for element in root.iter():
        if element is start:
            started = True
        elif started:
            yield element


# Old portals mark the headline cell by class (`judul`, `judulberita`, `title`) or set it bold.
_HEADLINE_CLASS = re.compile(r"judul|headline|\btitle\b|news-?title|post-?title", re.I)
_NOT_HEADLINE_CLASS = re.compile(r"kiri|kanan|widget|site|menu|sidebar|footer", re.I)
_EMPHASIS = ("b", "strong", "font", "h1", "h2", "h3", "h4")
MIN_WORDS, MAX_WORDS = 3, 25


def visible_headline(root: html.HtmlElement) -> tuple[str | None, html.HtmlElement | None]:
    """The headline nearest before the page's largest text block: a heading, an element classed
    as a headline, or a bold run that is all the text of its cell; and its element."""
    block = largest_text_block(root)
    if block is None:
        return None, None
    before = []
    for element in root.iter():
        if element is block:
            break
        if isinstance(element.tag, str):
            before.append(element)
    for element in reversed(before):
        if _is_headline(element):
            return dom.text_of(element), element
    return None, None


def _is_headline(element: html.HtmlElement) -> bool:
    text = dom.text_of(element)
    if not MIN_WORDS <= len(text.split()) <= MAX_WORDS or parse_date(text) or ":" in text:
        return False
    if element.tag == "a" or element.find(".//a") is not None:
        return False  # a link: a menu item or another article's headline
    cls = element.get("class") or ""
    if _HEADLINE_CLASS.search(cls) and not _NOT_HEADLINE_CLASS.search(cls):
        return True
    if element.tag not in _EMPHASIS:
        return False
    parent = element.getparent()
    return element.tag.startswith("h") or (
        parent is not None and dom.text_of(parent) == text and parent.tag in ("td", "div", "p")
    )
