"""Teaser blocks inside an article's body column, removed before the body is flattened.

Outlets put lists of other articles inside or right after the body: "Baca juga" cards (an
image, a channel label, a linked headline, a date, an excerpt), "Terpopuler" rankings, "Berita
Lainnya dari …" grids, a "Video Pilihan" card; and small widgets: a "Topik Pilihan" box, a tag
list, a newsletter or poll box, a share bar. No class name need say so: a block is a teaser list
by its shape, items that are each one headline link (a line of its own, three words or more)
with at most a few short lines and one excerpt beside it. A real list of the article (prices,
steps, names) has sentences or short links inside its lines, so it is no teaser list. A widget
is told by its heading (`rules/headings.py`: `TEASER_HEADING`, `CONTRIBUTE`). Both paths run
this: the site engine on its body, the generic path on the page before trafilatura reads it.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from . import html as dom
from .inline import INLINE
from .rules.catalogue import DATE_STAMP, READ_ALSO, RELATED, RELATIVE_TIME
from .rules.headings import CONTRIBUTE, SUMMARY_HEADING, TEASER_HEADING
from .textutil import collapse

HEADLINE_WORDS = 3  # a headline link has this many words at least
HEADLINE_DENSITY = 0.8  # a headline's line is this much link text (a rank or a bullet beside)
MAX_LABEL = 60  # characters: a card's channel label, date, rank or duration
MAX_EXCERPT = 250  # characters: a card's excerpt under its headline
MAX_CARD = 600  # characters: more, and an item holds more than one teaser
MAX_HEADING = 80  # characters: a teaser block's heading
MAX_WIDGET = 300  # characters: a widget box with a catalogue heading (tags, poll, newsletter)
MAX_SUMMARY = 900  # characters: a summary box's few bullet lines under its heading
LEVELS = 6  # how far above a headline link its list is looked for (a card may nest deep)
HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
STRONG_TAGS = frozenset(("strong", "b"))
BOX_HEADINGS = frozenset(("p", "div", *HEADING_TAGS))
LABEL_BLOCKS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6")
# Boxes a teaser block may stand in alone, with its heading.
BOXES = frozenset(("div", "section", "aside", "article", "ul", "ol", "li", "td", "tr", "tbody",
                   "table", "figure", "header", "footer", "dl"))  # fmt: skip


def drop_teasers(root: etree._Element) -> None:
    """Remove the teaser lists and catalogue widgets below `root` (never `root` itself), each
    with the box that holds only it and its heading."""
    doomed: list[etree._Element] = []
    verdicts: dict[etree._Element, bool] = {}
    # Judged once a link: every list above it asks again for each of its items' links.
    headlines = _headline_links(root)
    for link in root.iter("a"):
        if link not in headlines:
            continue
        node = link
        for _ in range(LEVELS):
            parent = node.getparent()
            if parent is None or parent is root:
                break
            if parent not in verdicts:  # an inline element is a read-also of a paragraph
                verdicts[parent] = parent.tag not in INLINE and _teaser_list(parent, headlines)
            if verdicts[parent]:
                doomed.append(parent)
                break
            node = parent
    doomed += _widgets(root)
    for element in doomed:
        if _attached(element, root):
            _remove_with_heading(_wrapper(element, root), root)
    undecided = [root, *(p for p, verdict in verdicts.items() if not verdict)]
    # judged again: a removed block inside a link took its words out of the link's text
    headlines = _headline_links(root)
    for run in _card_runs((p for p in undecided if _attached(p, root)), headlines):
        _remove_with_heading(run[0], root, until=run[-1])
        for card in run[1:]:
            dom.remove(card)


MIN_RUN = 2  # teaser cards in a row, loose among the body's paragraphs


def _card_runs(parents, headlines: dict) -> list[list[etree._Element]]:
    """Teaser cards loose among a parent's other blocks, with no list of their own (`<p>story
    </p><div class=item><h3><a>…</a></h3><span>date</span></div><div class=item>…`): each run
    of two or more in a row, nothing but empty elements between them."""
    found = []
    for parent in parents:
        run: list[etree._Element] = []
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            kind = (
                None
                if child.tag in INLINE or _loose(child.tail)
                else _item(child, headlines, loose=True)
            )
            if kind == "card":
                run.append(child)
            elif kind != "empty":
                found += [run] if len(run) >= MIN_RUN else []
                run = []
        found += [run] if len(run) >= MIN_RUN else []
    return found


def _headline_links(root: etree._Element) -> dict[etree._Element, str]:
    """The headline links below `root`, each with its text collapsed."""
    found = {}
    for link in root.iter("a"):
        if (text := _headline_text(link)) is not None:
            found[link] = text
    return found


def _headline_text(link: etree._Element) -> str | None:
    """The link's text collapsed when it is a headline link (an address, three words), else None."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    text = collapse(dom.text(link))
    return text if len(text.split()) >= HEADLINE_WORDS else None


def _teaser_list(element: etree._Element, headlines: dict) -> bool:
    """Items that are each one teaser (two or more; one under a catalogue heading), with
    nothing between them but a heading first, short labels or empty elements."""
    if _loose(element.text):
        return False
    cards, heading = 0, None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _loose(child.tail):
            return False
        kind = _item(child, headlines)
        if kind is None:
            return False
        if kind == "card":
            cards += 1
        elif kind != "empty" and cards == 0 and heading is None:
            heading = kind  # the block's heading: its first line
        elif kind != "empty" and len(kind) > MAX_LABEL:
            return False
    return cards >= 2 or (cards == 1 and heading is not None and _catalogue(heading))


def _loose(value: str | None) -> bool:
    """Text between a list's items longer than a label: prose, not a list."""
    return bool(value) and len(value.strip()) > MAX_LABEL


def _item(element: etree._Element, headlines: dict, loose: bool = False) -> str | None:
    """`card`, `empty`, the text of a one-line heading or label, or None (anything else).
    `headlines`: the tree's headline links and their texts (`_headline_links`). `loose`: a card among
    paragraphs, not in a list, has no excerpt and no label that ends as a sentence does
    (`<p>BACA JUGA <a>…</a><br>Melalui aturan itu, …</p>` is a paragraph), and its label is
    None (a run of cards asks only whether an item is a card or empty)."""
    raw = dom.text(element)
    # A long text is no item: its first part collapsed shows it (a prefix collapses to no more
    # than the whole does), without collapsing a whole column's text at every level.
    if len(raw) > 4 * MAX_CARD and len(collapse(raw[: 2 * MAX_CARD])) > MAX_CARD:
        return None
    whole = collapse(raw)
    if not whole:
        return "empty"
    if len(whole) > MAX_CARD:
        return None
    hrefs = {a.get("href") for a in element.iter("a") if a in headlines}
    # Flattened only when its lines decide (most items are decided by their links alone);
    # flattening strips comments, and so does an item not flattened, as before.
    if len(hrefs) > 1 or (not hrefs and (loose or len(whole) > MAX_HEADING)):
        etree.strip_tags(element, etree.Comment)
        return None  # a list of its own, a paragraph with links, a long line, a loose label
    lines = dom.blocks(element)
    if not hrefs:
        return lines[0].text if len(lines) == 1 else None
    headline = excerpt = False
    linked = next(headlines[a] for a in element.iter("a") if a in headlines)
    for line in lines:
        if not headline and (
            line.link_density >= HEADLINE_DENSITY or _headline_line(line.text, linked)
        ):
            headline = len(line.text.split()) >= HEADLINE_WORDS
        elif len(line.text) <= MAX_LABEL and not (loose and line.text[-1] in '.!?"”'):
            continue
        elif not (excerpt or loose) and line.link_chars == 0 and len(line.text) <= MAX_EXCERPT:
            excerpt = True
        else:
            return None
    return "card" if headline else None


# What a teaser prints beside its headline in the headline's line: a rank before (`1`, `#2`,
# `03.`), a count, a time or a date after (`351 views`, `Dibaca 1,2 rb kali`, `2 jam lalu`,
# `(20/10/2025)`, `- Senin, 20 Oktober 2025`), run together when the markup puts no space
# between (`1Basarnas Tambah …351 views`).
RANK = re.compile(r"^(?:#?\d{1,2}[.)]?)?$")
COUNT = re.compile(
    r"^(?:(?:dibaca|dilihat)\s*)?\d[\d.,]*\s*(?:rb|ribu|k|jt)?\s*"
    r"(?:views?|kali(?:\s+dibaca)?|x|pembaca|komentar|comments?)?$",
    re.I,
)
BESIDE = " \t-–—|•·,:()[]"


def _headline_line(line: str, linked: str) -> bool:
    """The headline link with only its labels beside it: a rank before, a count or date after."""
    before, found, after = line.partition(linked)
    before, after = before.strip(BESIDE), after.strip(BESIDE)
    return bool(found) and bool(RANK.match(before)) and _stamp(after)


def _stamp(text: str) -> bool:
    return not text or any(p.match(text) for p in (COUNT, DATE_STAMP, RELATIVE_TIME))


def _catalogue(text: str) -> bool:
    return bool(
        TEASER_HEADING.match(text)
        or CONTRIBUTE.match(text)
        or RELATED.match(text)
        or READ_ALSO.match(text)
    )


def _widgets(root: etree._Element) -> list[etree._Element]:
    """Boxes under a catalogue heading (`Topik Pilihan`, `Tags`, `Newsletter`, `Polling`), and
    lines of such a label followed by links only (`Tags batik umkm`, `Bagikan: Facebook …`)."""
    found = []
    for block in root.iter(*LABEL_BLOCKS):
        if block is root:
            continue
        label = _label_of(block)
        if label is None:
            continue
        whole = collapse(dom.text(block))
        linked = sum(len(_letters(dom.text(a))) for a in block.iter("a"))
        if whole == label and block.tag in BOX_HEADINGS:  # its box, when small, goes too
            box = block.getparent()
            limit = MAX_SUMMARY if SUMMARY_HEADING.match(label) else MAX_WIDGET
            if (
                box is not None
                and box is not root
                and len(collapse(dom.text(box))) <= limit
                and collapse(dom.text(box)).startswith(label)
            ):
                found.append(box)
        elif linked and len(_letters(whole)) - linked <= len(_letters(label)) + 2:
            found.append(block)  # the label and its links
    return found


def _letters(value: str) -> str:
    return "".join(value.split())


def _label_of(block: etree._Element) -> str | None:
    """The catalogue label opening `block` (its own text or its first inline child's)."""
    head = block.text if block.text and not block.text.isspace() else None
    if head is None and len(block) and block[0].tag in ("span", "strong", "b", "em", "i"):
        head = block[0].text
    if not head or len(head) > MAX_HEADING:
        return None
    head = collapse(head)
    labels = (TEASER_HEADING, CONTRIBUTE, SUMMARY_HEADING)
    return head if any(p.match(head) for p in labels) else None


def _wrapper(element: etree._Element, root: etree._Element) -> etree._Element:
    """The outermost box holding nothing but `element` and a short heading block (`<div><h2>
    Terpopuler</h2><ul>…</ul></div>`): removed whole, its heading with it. Text loose in the
    box (a sentence around an inline label) keeps the box."""
    inner = None  # the text length of `element`: the last level's `outer`
    while True:
        parent = element.getparent()
        if parent is None or parent is root or parent.tag not in BOXES:
            return element
        if (parent.text or "").strip() or any((c.tail or "").strip() for c in parent):
            return element
        if inner is None:
            inner = len(collapse(dom.text(element)))
        outer = len(collapse(dom.text(parent)))
        if outer - inner > MAX_HEADING:
            return element
        element, inner = parent, outer


def _remove_with_heading(
    element: etree._Element, root: etree._Element, until: etree._Element | None = None
) -> None:
    """Remove `element`, and the heading right before it (`<p><strong>Terpopuler</strong></p>`,
    `<h3>Berita Lainnya</h3>`) when nothing stands between them. `until`: the last element of
    the block when it is a run of siblings (what follows it says whether the block is last)."""
    previous = element.getprevious()
    if (
        previous is not None
        and isinstance(previous.tag, str)
        and not (previous.tail or "").strip()
        and _heading(previous, last=not _text_after(until if until is not None else element))
    ):
        dom.remove(previous)
    dom.remove(element)


def _heading(element: etree._Element, last: bool) -> bool:
    """A block heading of a teaser block: a catalogue heading; or, when the block is the last
    thing in its box (a subheading of the article is followed by its text), a short heading (an
    `<h3>`, a `<p>` that is one `<strong>`) that does not read as a sentence."""
    text = collapse(dom.text(element))
    if not text or len(text) > MAX_HEADING:
        return False
    if _catalogue(text):
        return True
    if not last:
        return False
    if text[-1] in '.!?"”' or len(text.split()) > 6:
        return False
    if element.tag in HEADING_TAGS:
        return True
    strong = len(element) == 1 and element[0].tag in STRONG_TAGS
    return strong and not (element.text or "").strip() and not (element[0].tail or "").strip()


def _text_after(element: etree._Element) -> bool:
    if (element.tail or "").strip():
        return True
    return any(collapse(dom.text(e)) for e in element.itersiblings() if isinstance(e.tag, str))


def _attached(element: etree._Element, root: etree._Element) -> bool:
    node = element
    while node is not None and node is not root:
        node = node.getparent()
    return node is root


def keep_article_lists(root: etree._Element) -> None:
    """A real list of the article (prices, steps, names) right after one of its paragraphs:
    its items made paragraphs, as trafilatura's precision pass drops short list items, and its
    links unwrapped. A list of links (a menu, teasers) is left as it is."""
    for listing, items in _article_lists(root):
        for item in items:
            etree.strip_tags(item, "a")
            item.tag = "p"
        listing.tag = "div"


def unlink_article_lists(root: etree._Element) -> None:
    """The links of a real list's items unwrapped (`<a>Bali United</a> 1-1 <a>PSM</a>`): an
    item mostly of short links is text of the list, not a line of links to skip."""
    for _, items in _article_lists(root):
        for item in items:
            etree.strip_tags(item, "a")


def _article_lists(root: etree._Element):
    """The lists right after a paragraph of the article whose items are each a line of text."""
    for listing in list(root.iter("ul", "ol")):
        previous = listing.getprevious()
        if previous is None or previous.tag != "p" or len(collapse(dom.text(previous))) < LEAD_IN:
            continue
        items = [child for child in listing if isinstance(child.tag, str)]
        if len(items) >= 2 and all(item.tag == "li" and _text_item(item) for item in items):
            yield listing, items


LEAD_IN = 15  # characters: the paragraph that introduces a list (`Rincian bibit yang dibagikan:`)
MAX_ITEM = 300  # characters: a list item longer than this is a paragraph in a list
NAME_WORDS = 3  # a link in a list item of names is this short: a name, a team, not a headline


def _text_item(item: etree._Element) -> bool:
    """A list item of text: a line, mostly not link text, or of short links (names, teams)
    with text of its own between them (`<a>Persebaya</a> 3-0 <a>Arema FC</a>`); no list or
    block inside."""
    whole = collapse(dom.text(item))
    if not whole or len(whole) > MAX_ITEM or item.find(".//li") is not None:
        return False
    links = [collapse(dom.text(a)) for a in item.iter("a")]
    if sum(map(len, links)) < 0.5 * len(whole):
        return True
    if any(len(link.split()) > NAME_WORDS for link in links):
        return False
    bare = copy.deepcopy(item)
    etree.strip_elements(bare, "a", with_tail=False)
    return any(c.isalnum() for c in dom.text(bare))
