"""Boilerplate glued inside a paragraph, cut out of the page before it is flattened.

A read-also label with its linked headline (`<b>Baca Juga :</b> <a>…</a><br>`, a bare
`<a>Lihat juga: …</a>`), a promo (`<strong>Dapatkan update berita pilihan … <a>WhatsApp
Channel</a></strong>`), an ad label (`<span>ADVERTISEMENT</span>`) or a republishing note in an
inline element of a real paragraph: the element goes, with the `<br>` that set it apart, and the
sentence around it stays, one line. On the flat line the headline's end could only be guessed;
in the page it is where the link ends. Both paths run this: the site engine on its body, the
generic path on the page before trafilatura reads it.
"""

from __future__ import annotations

from lxml import etree

from . import inline_links
from .breaks import join_ad_breaks, join_quote_breaks, join_split_labels
from .html import blank, drop_break_beside, is_br, remove, text
from .rules import Captured, Kind, classify
from .rules.catalogue import (
    AD,
    FIELD,
    INLINE_LABEL,
    INLINE_LABEL_LEAD,
    INLINE_LABEL_UNLINKED,
    INLINE_TRIGGER,
    LABEL_AT_END,
    PROMO,
    PROMO_LEAD,
    PROMPT,
    VIDEO_PROMO,
)
from .rules.classify import FIELD_LINE, LONG, SHORT, republished
from .textutil import collapse

INLINE = ("a", "b", "strong", "em", "i", "span", "font", "u", "small", "mark", "sup")
_INLINE = frozenset(INLINE)
# Between a label and its headline's link only white space or punctuation stands.
_SEPARATOR = frozenset(" \t\r\n\xa0:：-–—»>|")


def cut_inline_boilerplate(root: etree._Element, captured: Captured | None = None) -> None:
    """Remove the promos glued inside the paragraphs below `root`; a republishing note's
    origin outlet goes to `captured`'s source."""
    join_split_labels(root, INLINE)
    join_ad_breaks(root)
    for element in list(root.iter(*INLINE)):
        head = element.text
        trigger = head and INLINE_TRIGGER.match(head) and not head.isspace()
        if trigger and _attached(element, root):
            _judge(_promo_holder(_outermost(element), root), captured)
        if element.tag == "a" and not _link_promo(element, root):
            _label_before(element, root)
        elif head and FIELD.match(head.strip()) and _attached(element, root):
            _byline_at_end(element, captured)
    cut_label_blocks(root)
    join_quote_breaks(root)


def _byline_at_end(element: etree._Element, captured: Captured | None) -> None:
    """`… secukupnya. <strong>Reporter: Dedi Saputra</strong></p>`: a byline set inline after
    the paragraph's last sentence. Its names go to `captured`; the sentence stays."""
    parent = element.getparent()
    if parent is None or element.getnext() is not None or not blank(element.tail):
        return
    line = collapse(text(element))
    before = collapse(text(parent))[: -len(line)] if line else ""
    if len(line) > FIELD_LINE or not before.rstrip().endswith((".", "!", "?", "”", '"')):
        return
    found = Captured()
    if classify(line, found) is not Kind.META or not (found.authors or found.editor):
        return
    if captured is not None:
        for name in found.authors:
            captured.add("authors", name)
        if found.editor:
            captured.add("editor", found.editor)
    _cut([element])


def cut_label_blocks(root: etree._Element) -> None:
    """Remove each read-also label standing in a block of its own, with the link blocks after
    it; the generic path runs it again once a `<br>` body is split into paragraphs."""
    for block in list(root.iter(*LABEL_BLOCKS)):
        _label_block(block, root)


LABEL_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6")


def _label_block(block: etree._Element, root: etree._Element) -> None:
    """A read-also label in a block of its own (`<p><strong>Baca Juga:</strong></p>`) and the
    block of links after it: the plain-text path would read the label as a related block and
    end the article there."""
    head = block.text if block.text and not block.text.isspace() else None
    if head is None and len(block) and isinstance(block[0].tag, str):
        head = block[0].text
    if not head or not INLINE_TRIGGER.match(head) or block is root:
        return
    if len(head) > SHORT or not INLINE_LABEL.match(collapse(text(block))):
        return
    if not _attached(block, root):
        return
    block = _wrapper_of(block, root)  # `<div class=heading><h3>Berita Terkait</h3></div>`
    links = block.getnext()
    while links is not None and blank(block.tail) and _links_only(links):
        following = links.getnext()  # `Baca juga:` then a link a line (a split <br> body)
        remove(links)
        links = following
    remove(block)


def _wrapper_of(block: etree._Element, root: etree._Element) -> etree._Element:
    """The outermost element around `block` holding nothing else: its links follow that."""
    parent = block.getparent()
    while (
        parent is not None
        and parent is not root
        and len(parent) == 1
        and blank(parent.text)
        and blank(block.tail)
    ):
        block, parent = parent, parent.getparent()
    return block


def _links_only(element: etree._Element) -> bool:
    """A block whose text is all in links: the read-also headlines (`<ul><li><a>…`)."""
    if not isinstance(element.tag, str) or element.tag in _INLINE or element.tag == "br":
        return False
    whole = collapse(text(element))
    linked = collapse(" ".join(text(a) for a in element.iter("a")))
    return bool(whole) and len(linked) >= 0.9 * len(whole)


def _judge(element: etree._Element, captured: Captured | None) -> None:
    line = collapse(text(element))
    if INLINE_LABEL.match(line):
        group = _link_after(element)
        if group:  # `<b>Baca Juga :</b> <a>headline</a>`, `<b>Baca Juga:</b><br><a>…</a>`
            _cut([element, *group])
        return
    has_link = element.tag == "a" or element.find(".//a") is not None
    promo = PROMO.match(line) or (
        len(line) <= LONG and (PROMO_LEAD.match(line) or PROMPT.match(line))
    )
    if (
        (has_link and len(line) <= SHORT and INLINE_LABEL_LEAD.match(line))
        or AD.match(line)
        or (len(line) <= SHORT and VIDEO_PROMO.match(line))
        or (not has_link and len(line) <= SHORT and INLINE_LABEL_UNLINKED.match(line))
    ):
        _cut(
            [element]
        )  # `<a>Lihat juga: …`, `<span>ADVERTISEMENT</span>`, `<b>Simak Video "…"</b>`
    elif promo:
        _drop_tagline(element)
        _cut([element])
    elif match := republished(line):
        if captured is not None:
            captured.add("source", match["source"])
        _cut([element])


_DASHES = ("-", "–", "—", "|")


def _drop_tagline(element: etree._Element) -> None:
    """`<p><strong>Jasa Website Jogja</strong> – Buat website berita mulai Rp 1,5 juta</p>`: the
    text after a dash that ends the promo's line is its tagline, not a sentence of the story
    (no sentence of a paragraph starts with a dash); it goes with the promo."""
    following = element.getnext()
    tail = (element.tail or "").lstrip()
    if tail.startswith(_DASHES) and (following is None or is_br(following)):
        element.tail = None


def _promo_holder(element: etree._Element, root: etree._Element) -> etree._Element:
    """The inline element a promo opens, when the whole of it is that promo: `<a><strong>Jasa
    Pembuatan Website Berita</strong> – profesional, cepat, harga bersahabat</a>` is one ad."""
    holder, parent = element, element.getparent()
    while (
        parent is not None
        and parent is not root
        and parent.tag in _INLINE
        and blank(parent.text)
        and parent[0] is holder
    ):
        holder, parent = parent, parent.getparent()
    if holder is not element and PROMO.match(collapse(text(holder))):
        return holder
    return element


def _link_promo(link: etree._Element, root: etree._Element) -> bool:
    """A promo that is the link, or ends with it, standing between sentences (inline_links.py):
    cut, with the promo's words before the link; the sentences stay."""
    if not _attached(link, root):
        return False
    link = _outermost(link)
    previous, parent = link.getprevious(), link.getparent()
    before = (previous.tail if previous is not None else parent.text) or ""
    after, words = link.tail or "", text(link)
    if inline_links.click_nag(words, before, after):
        _cut([link])
        return True
    start = inline_links.promo_start(before, words, after, after_element=previous is not None)
    if start is None:
        return False
    if previous is not None:
        previous.tail = before[:start]
    else:
        parent.text = before[:start]
    if after.lstrip().startswith("."):  # the promo's own full stop goes with it
        link.tail = after.lstrip()[1:]
    _cut([link])
    return True


def _label_before(link: etree._Element, root: etree._Element) -> None:
    """`… pada awal November. Baca juga: <a>headline</a>`: the label is text, not an element."""
    link = _outermost(link)
    previous, parent = link.getprevious(), link.getparent()
    if parent is None:
        return
    before = previous.tail if previous is not None else parent.text
    match = LABEL_AT_END.search(before) if before and len(before.strip()) >= 4 else None
    if not match or not _attached(link, root):
        return
    kept = before[: match.start()]
    if previous is not None:
        previous.tail = kept
    else:
        parent.text = kept
    _cut([link])


def _cut(group: list[etree._Element]) -> None:
    """Remove the elements of `group` (adjacent siblings, in order) and the `<br>` that set
    them apart from the sentence: the one after them, else the one before; both when they
    stood between two halves of one `<p>`."""
    group = _holder_of(group)
    drop_break_beside(group[0], group[-1])
    for element in group[:-1]:
        if set(element.tail or "") <= _SEPARATOR:
            element.tail = None  # the ` | ` between two promos goes with them
    _unbracket(group)
    _close_up(group)
    for element in group:
        remove(element)


def _unbracket(group: list[etree._Element]) -> None:
    """`… itu (<em>Baca juga: <a>…</a></em>) masih …`: the brackets around the promo go too."""
    last, first = group[-1], group[0]
    previous, parent = first.getprevious(), first.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else None
    if not before or not before.rstrip().endswith(("(", "[")) or not last.tail:
        return
    if not last.tail.lstrip().startswith((")", "]")):
        return
    last.tail = last.tail.lstrip()[1:]
    kept = before.rstrip()[:-1]
    if previous is not None:
        previous.tail = kept
    else:
        parent.text = kept


def _holder_of(group: list[etree._Element]) -> list[etree._Element]:
    """`<span><strong>Baca juga:</strong> <a>…</a></span><br>`: the inline element holding the
    whole group and nothing else goes instead, so the `<br>` after it goes too."""
    parent = group[0].getparent()
    while (
        parent is not None
        and parent.tag in _INLINE
        and list(parent) == group
        and blank(parent.text)
        and all(set(e.tail or "") <= _SEPARATOR for e in group)
    ):
        group, parent = [parent], parent.getparent()
    return group


def _close_up(group: list[etree._Element]) -> None:
    """`… pekan ini <em>Baca juga: <a>…</a></em>.`: the sentence's own full stop after the promo
    closes up to its last word, and a comma left hanging before it goes."""
    last, first = group[-1], group[0]
    tail = (last.tail or "").lstrip()
    if not tail[:1] or tail[0] not in ".,;:!?":
        return
    previous, parent = first.getprevious(), first.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else None
    if not before or not before.strip():
        return
    kept = before.rstrip()
    if tail[0] in ".!?" and kept.endswith((",", ";", ":")):
        kept = kept[:-1].rstrip()
    elif kept.endswith((".", "!", "?")):  # `… kontrak. Baca juga: <a>…</a>.`: the link's stop
        tail = tail[1:].lstrip()
    last.tail = tail
    if previous is not None:
        previous.tail = kept
    else:
        parent.text = kept


def _link_after(element: etree._Element) -> list[etree._Element]:
    """The links right after `element` (nothing but white space or punctuation between, or
    `<br>`s: `<b>Baca juga:</b> <a>A</a> | <a>B</a>`), with those `<br>`s; empty when none."""
    following = element.getnext()
    if following is None or not set(element.tail or "") <= _SEPARATOR:
        return []
    group = []
    while is_br(following) and blank(following.tail):  # `<b>Baca Juga:</b><br><br><a>…`
        group.append(following)
        following = following.getnext()
    if group and not _is_link(following):
        return []
    while _is_link(following):
        group.append(following)
        if not set(following.tail or "") <= _SEPARATOR:
            break
        following = following.getnext()
        if is_br(following) and blank(following.tail) and _link_line(following.getnext()):
            group.append(following)  # `<b>Baca juga:</b><br><a>A</a><br><a>B</a><br>`: stacked
            following = following.getnext()
    return group if group and _is_link(group[-1]) else []


def _link_line(element: etree._Element | None) -> bool:
    """A link alone on its line: nothing after it but a `<br>` or the paragraph's end."""
    if not _is_link(element) or not blank(element.tail):
        return False
    following = element.getnext()
    return following is None or is_br(following)


def _is_link(element: etree._Element | None) -> bool:
    return element is not None and (
        element.tag == "a" or (element.tag in _INLINE and _only_link(element))
    )


def _only_link(element: etree._Element) -> bool:
    """`<strong><a>headline</a></strong>`: an inline wrapper around one link and nothing else."""
    return (
        len(element) == 1
        and element[0].tag == "a"
        and blank(element.text)
        and blank(element[0].tail)
    )


def _outermost(element: etree._Element) -> etree._Element:
    """The outermost inline wrapper holding nothing but `element`: `<strong><a>…</a></strong>`."""
    parent = element.getparent()
    while (
        parent is not None
        and parent.tag in _INLINE
        and len(parent) == 1
        and blank(parent.text)
        and blank(element.tail)
    ):
        element, parent = parent, parent.getparent()
    return element


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Still in the tree: an element inside a removed one keeps its parent but loses `root`."""
    node = element
    while node is not None and node is not root:
        node = node.getparent()
    return node is root
