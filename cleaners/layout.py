"""Markup made readable before trafilatura reads it: tables used for layout unwrapped, text
loose after a block element put in a paragraph of its own, in-body subheadings made paragraphs.

Pages of 2015 and earlier portals lay the whole page out in `<table>`s; trafilatura reads a
table as data and flattens each cell to one line (`| p1 p2 p3 |`), so an article in a layout
cell comes out as one line. A table whose cells hold paragraphs is layout, not data: its rows
and cells become `<div>`s. Data tables (results, prices) keep their cells.
"""

from __future__ import annotations

import re

from lxml import etree

from .html import BLOCK_TAGS, text
from .lines import continues
from .rules import Captured, Kind
from .rules.catalogue import AD, FIELD_KEYS
from .rules.classify import classify
from .textutil import collapse

TABLE_PARTS = ("thead", "tbody", "tfoot", "tr", "td", "th")
# Blocks a data cell does not hold two of.
_BLOCKS = frozenset(("p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                     "blockquote"))  # fmt: skip
MIN_BR_CELL = 200  # characters: a cell of text broken by <br>s this long is a page column


def unwrap_layout_tables(root: etree._Element) -> None:
    for table in list(root.iter("table")):
        cells = _cells(table)
        if any(_is_column(cell) for cell in cells) or _is_list(table, cells):
            for part in _parts(table):
                part.tag = "div"
            table.tag = "div"


def _is_list(table: etree._Element, cells: list[etree._Element]) -> bool:
    """One cell a row, row after row: a menu, a link list or a sidebar box laid out in a table
    (`Menu Utama`, `Berita Lainnya`), not data: data has columns."""
    rows = {cell.getparent() for cell in cells}
    return len(cells) >= 2 and len(rows) == len(cells)


def _cells(table: etree._Element) -> list[etree._Element]:
    """The table's own cells, not those of a table nested in one of them."""
    rows = [r for child in table for r in ((child,) if child.tag == "tr" else child.iter("tr"))]
    return [cell for row in rows if _owner(row) is table for cell in row
            if cell.tag in ("td", "th")]  # fmt: skip


def _owner(row: etree._Element) -> etree._Element | None:
    node = row.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _parts(table: etree._Element) -> list[etree._Element]:
    return [p for p in table.iter(*TABLE_PARTS) if _owner(p) is table]


def _is_column(cell: etree._Element) -> bool:
    """A cell holding a page's column: two paragraphs or more, or long text between <br>s."""
    blocks = sum(1 for child in cell if child.tag in _BLOCKS)
    if blocks >= 2:
        return True
    breaks = sum(1 for _ in cell.iter("br"))
    return breaks >= 2 and len(text(cell)) >= MIN_BR_CELL


_AFTER_BLOCK = BLOCK_TAGS - {"br", "td", "th", "tr", "tbody", "thead", "tfoot", "body"}


def wrap_loose_text(root: etree._Element) -> None:
    """`…</div>Paragraph text <b>bold</b> more<br><br>`: in a body of text and <br>s, the text
    after an ad slot or a widget is the tail of that block, and trafilatura loses a tail when it
    removes the block before it. The text and the inline elements up to the next `<br>`
    or block become a `<p>` of their own."""
    for block in [e for e in root.iter(*_AFTER_BLOCK) if e.tail and not e.tail.isspace()]:
        if not _removable(block) or not (_sentence_follows(block) or _splits_sentence(block)):
            continue  # a text block's tail, a byline or a date: trafilatura keeps or drops them
        paragraph = etree.Element("p")
        paragraph.text, block.tail = block.tail, None
        following = paragraph_end = block.getnext()
        while (
            following is not None
            and following.tag not in BLOCK_TAGS
            and isinstance(following.tag, str)
        ):
            paragraph_end = following.getnext()
            paragraph.append(following)  # moves it, with its tail
            following = paragraph_end
        block.addnext(paragraph)


MIN_LOOSE_WORDS = 6  # a sentence of a paragraph, not a byline or a date beside a block


def _splits_sentence(block: etree._Element) -> bool:
    """An ad slot in the middle of a sentence (`… kata Lukman <div>ad</div> di Jakarta.`): the
    parser closed the paragraph at the slot, and the tail, however short, goes on its text."""
    before = block.getprevious()
    if before is None or before.tag != "p":
        return False
    return continues(collapse(text(before)), collapse(block.tail))


def _sentence_follows(block: etree._Element) -> bool:
    words = len(block.tail.split())
    following = block.getnext()
    while words < MIN_LOOSE_WORDS and following is not None and following.tag not in BLOCK_TAGS:
        if isinstance(following.tag, str):
            words += len(text(following).split()) + len((following.tail or "").split())
        following = following.getnext()
    return words >= MIN_LOOSE_WORDS


# Blocks trafilatura removes with their tail: ad slots and recommendation widgets by their class,
# or a block with scripts, frames or ad tags and no text.
_WIDGET_CLASS = re.compile(r"(?:^|[\s_-])ads?(?:$|[\s_-])|advert|iklan|banner|recommend|related|"
                           r"popin|sponsor|promo", re.I)  # fmt: skip
_SLOT = etree.XPath("boolean(.//ins | .//script | .//iframe)")
_SHOWN = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")


def _removable(block: etree._Element) -> bool:
    name = f"{block.get('class') or ''} {block.get('id') or ''}"
    if _WIDGET_CLASS.search(name):
        return True
    shown = collapse(" ".join(_SHOWN(block)))
    # An ad slot whatever its class: no text, or only its labels (`ADVERTISEMENT`, `SCROLL TO
    # CONTINUE WITH CONTENT`, `- Iklan Google -`).
    return (bool(_SLOT(block)) and not shown) or bool(shown and AD.match(shown))


MIN_BR_TEXT = 200  # characters of text of its own between <br>s: a body of text, not a menu
_INLINE_WRAPPERS = frozenset(("font", "span", "b", "strong", "i", "em", "center", "small", "big"))


def paragraphs_from_breaks(root: etree._Element) -> None:
    """A body of text and `<br>`s (`<div><strong>CITY</strong> - text<br><br>text…</div>`)
    becomes one `<p>` per line, as the site engine reads it: trafilatura drops the run of text
    before the first `<br>` of such a body (the dateline lead), and a paragraph's inline markup
    with it."""
    for element in [e for e in root.iter() if _is_break_body(e)]:
        _split_at_breaks(element)


def _is_break_body(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("p", "pre", "textarea"):
        return False
    breaks = sum(1 for child in element if child.tag == "br")
    if breaks < 2:
        return False
    own = len((element.text or "").strip()) + sum(
        len((c.tail or "").strip()) for c in element if c.tag == "br" or c.tag in _INLINE_WRAPPERS
    )
    return own >= MIN_BR_TEXT and _has_sentences(element)


_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")


def _has_sentences(element: etree._Element) -> bool:
    """Prose ends its lines with a full stop somewhere; a sidebar box of headlines or agenda
    items between <br>s (`<h3>Agenda</h3>Item<br>Item<br>`) never does."""
    lines = [element.text or ""] + [c.tail or "" for c in element if c.tag == "br"]
    return any(_SENTENCE_END.search(line) for line in lines if line.strip())


def _split_at_breaks(element: etree._Element) -> None:
    children = list(element)
    paragraph = etree.Element("p")
    paragraph.text, element.text = element.text, None
    out: list[etree._Element] = []

    def close() -> None:
        nonlocal paragraph
        if (paragraph.text or "").strip() or len(paragraph):
            out.append(paragraph)
        paragraph = etree.Element("p")

    for child in children:
        element.remove(child)
        tail, child.tail = child.tail, None
        if child.tag == "br" or (isinstance(child.tag, str) and child.tag in BLOCK_TAGS):
            close()
            if child.tag != "br":
                out.append(child)
            paragraph.text = tail
        else:  # inline: goes on the current line, with its tail
            paragraph.append(child)
            child.tail = tail
    close()
    for node in out:
        element.append(node)
    if element.tag in _INLINE_WRAPPERS:
        element.tag = "div"  # <font> around paragraphs: a block now


# In-body subheadings (`<h2>Dewan Pers sambut baik</h2>` between two paragraphs). trafilatura
# keeps a heading only inside the frame it recognises; when a page's classes say nothing it
# knows (a redesign, a CMS of its own), it gathers the page's wild `<p>`s and loses every
# heading. A heading that stands between two paragraphs of the text is a line of that text.
SUBHEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
MAX_SUBHEADING_WORDS = 15
MAX_SUBHEADING_CHARS = 120
MIN_SENTENCE_WORDS = 8  # a paragraph of the text around it, not a label or a teaser
# Characters that may stand between the paragraph before and the heading: a read-also label and
# its headline, a page break's `2 dari 2 halaman`; never a list of teasers.
MAX_BETWEEN_CHARS = 120
_VISIBLE_TEXTS = etree.XPath(
    "//body//text()[normalize-space()][not(parent::script or parent::style or "
    "parent::noscript or parent::template)]"
)


def subheadings_as_paragraphs(root: etree._Element) -> None:
    """Make each in-body subheading a `<p>`: a short heading without links, right before a
    paragraph of the text and close after one, that reads as text (not `Komentar`, not
    `Berita Terkait`)."""
    headings = [h for h in root.iter(*SUBHEADING_TAGS) if _may_be_subheading(h)]
    if not headings:
        return  # the usual case: sidebar titles over lists, no text walk
    texts = _VISIBLE_TEXTS(root)
    first_of: dict[etree._Element, int] = {}
    for index, node in enumerate(texts):
        if node.is_text:
            first_of.setdefault(node.getparent(), index)
    for heading in headings:
        start = min((first_of[e] for e in heading.iter() if e in first_of), default=None)
        if start is None:
            continue
        end = start
        while end < len(texts) and _inside(texts[end], heading):
            end += 1
        after = _paragraph_of(texts[end]) if end < len(texts) else None
        if _is_sentence(after) and _sentence_before(texts[:start]):
            heading.tag = "p"


def _may_be_subheading(heading: etree._Element) -> bool:
    """The cheap tests first: a short line without links, a `<p>` right after it, words of
    the text (not `Komentar`, `Berita Terkait`)."""
    return (
        _heading_line(heading)
        and _p_follows(heading)
        and classify(collapse(text(heading)), Captured()) is Kind.TEXT
    )


def _inside(node, element: etree._Element) -> bool:
    owner = node.getparent()
    if node.is_tail and owner is element:
        return False  # the text after the element
    return owner is element or any(a is element for a in owner.iterancestors())


_LINE_BLOCKS = frozenset(("p", "ul", "ol", "li", "dl", "table", "pre", "form",
                          "h1", "h2", "h3", "h4", "h5", "h6"))  # fmt: skip


_SHOWS_TEXT = etree.XPath(
    "boolean(.//text()[normalize-space()][not(parent::script or parent::style)])"
)


def _p_follows(heading: etree._Element) -> bool:
    """Whether the first block of lines after the heading is a `<p>`, wrappers and ad slots
    between them aside."""
    node = heading
    while node is not None and node.tag != "body":
        for sibling in node.itersiblings():
            for element in sibling.iter(*_LINE_BLOCKS):
                if element.tag == "p" or _SHOWS_TEXT(element):
                    return element.tag == "p"
        node = node.getparent()
    return False


def _heading_line(heading: etree._Element) -> bool:
    line = collapse(text(heading))
    return (
        bool(line)
        and len(line) <= MAX_SUBHEADING_CHARS
        and len(line.split()) <= MAX_SUBHEADING_WORDS
        and not any(collapse(text(a)) for a in heading.iter("a"))
    )


def _paragraph_of(node) -> etree._Element | None:
    """The `<p>` a text node of the page reads in, if any."""
    element = node.getparent()
    if node.is_tail:
        element = element.getparent()
    while element is not None and element.tag != "p":
        if element.tag in BLOCK_TAGS:
            return None
        element = element.getparent()
    return element


MIN_LINE_WORDS = 3


def _own_words(paragraph: etree._Element) -> int:
    """Words of the paragraph outside its links."""
    linked = sum(len(text(a).split()) for a in paragraph.iter("a"))
    return len(text(paragraph).split()) - linked


def _is_sentence(paragraph: etree._Element | None) -> bool:
    return paragraph is not None and len(text(paragraph).split()) >= MIN_SENTENCE_WORDS


def _sentence_before(before: list) -> bool:
    """A paragraph of the text shortly before: a sentence, or a line of a list the text gives
    in `<p>`s (`Emas 100 gram: Rp225.912.000`), not a link. `before`: the texts before the
    heading, in page order."""
    between = 0
    for node in reversed(before):
        paragraph = _paragraph_of(node)
        if paragraph is not None and _own_words(paragraph) >= MIN_LINE_WORDS:
            return True
        between += len(node.strip())
        if between > MAX_BETWEEN_CHARS:
            return False
    return False
    return False


# A byline box of old CMSs laid out as a table, one field a row in cells: `Reporter | : | NAME`,
# `Laporan | : | A | &#124; | Editor | : | B`. Read cell by cell, each cell would be a line of its
# own ("Reporter", "NAME") and no byline rule would see the field.
FIELD_CELL = 60  # characters: a label, a colon or a name; a data cell of text is longer
_COLON_CELL = re.compile(r"^\s*:")


def join_field_rows(root: etree._Element) -> None:
    """A table whose every row is `label : value` cells becomes one line a row (`<p>`), as the
    page shows it: `Reporter : Muh. Irfan Anshari`."""
    for table in list(root.iter("table")):
        rows = [r for r in table.iter("tr") if _owner(r) is table]
        if not rows or not all(_is_field_row(row) for row in rows):
            continue
        lines = [" ".join(" ".join(text(c).split()) for c in _row_cells(row)) for row in rows]
        replacement = etree.Element("div")
        for line in lines:
            etree.SubElement(replacement, "p").text = line
        replacement.tail = table.tail
        table.getparent().replace(table, replacement)


def _row_cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _is_field_row(row: etree._Element) -> bool:
    """Two cells or more, all short, none holding a block or a table, and one that opens with
    the colon between a label and its value (`:` alone, or `: NAME`)."""
    cells = _row_cells(row)
    if len(cells) < 2 or len(cells) > 8:
        return False
    texts = [" ".join(text(c).split()) for c in cells]
    if any(len(t) > FIELD_CELL for t in texts) or any(
        c.find(".//table") is not None for c in cells
    ):
        return False
    colon = texts[0].endswith(":") or any(_COLON_CELL.match(t) for t in texts[1:])
    label = texts[0].rstrip(" :").lower() in FIELD_KEYS  # `Reporter | NAME`, no colon
    return (colon or label) and texts[0][:1].isalpha()


# Blocks an editor drops into the middle of a paragraph: a read-also box, an ad slot, an embed.
_INSERTS = ("table", "div", "aside", "figure", "section", "ul", "ins", "iframe")
_SPACE = " \t\xa0"


def rejoin_split_paragraphs(root: etree._Element) -> None:
    """`<p>Kalimat satu. <table class="linksisip">…</table> Kalimat dua.</p>`: a block may not
    stand in a `<p>`, so the parser ends the paragraph before it and leaves the rest of the
    sentence loose after it. The loose text (with its inline elements) goes back into the
    paragraph, which stays one line; the insert stays where it was, for the rules to judge. The
    trace of such a split: the paragraph's text ends in a space and the loose text starts with
    one, on the same line of the source."""
    for insert in [e for e in root.iter(*_INSERTS) if e.tail and e.tail[:1] in _SPACE]:
        paragraph = insert.getprevious()
        if paragraph is None or paragraph.tag != "p" or not insert.tail.strip():
            continue
        last = paragraph[-1].tail if len(paragraph) else paragraph.text
        if not last or last[-1:] not in _SPACE or not last.strip():
            continue
        loose, insert.tail = insert.tail, None
        if len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + loose
        else:
            paragraph.text = (paragraph.text or "") + loose
        following = insert.getnext()
        while (
            following is not None
            and isinstance(following.tag, str)
            and following.tag not in BLOCK_TAGS
        ):
            after = following.getnext()
            paragraph.append(following)  # an inline element of the same sentence, with its tail
            following = after
