"""Paragraph markup that is not what it looks like, made plain before the inline promos are
judged: a `<br>` inside one sentence (a quotation closed on its comma, its attribution after the
break), ad labels as bare text on lines of their own inside one `<p>` (`A.<br>ADVERTISEMENT<br>B.`),
and a read-also label split over two inline elements (`<strong>Baca</strong>
<strong>juga:</strong>`, an editor bolding word by word).
"""

from __future__ import annotations

import re

from lxml import etree

from .html import blank, is_br, remove
from .rules.catalogue import AD, INLINE_LABEL

# A quotation closed on its comma: its attribution (`kata X`) goes on the same sentence.
_QUOTE_ON_COMMA = re.compile(r",\s*[\"”’']\s*$")


def join_quote_breaks(root: etree._Element) -> None:
    """`<p>"… aset aman,"<br>kata analis …</p>`: a `<br>` between a quotation and its
    attribution in lower case is inside one sentence, so the paragraph stays one line."""
    for br in list(root.iter("br")):
        parent, previous = br.getparent(), br.getprevious()
        if parent is None or parent.tag != "p" or blank(br.tail):
            continue
        before = previous.tail if previous is not None else parent.text
        if before and _QUOTE_ON_COMMA.search(before) and br.tail.lstrip()[:1].islower():
            br.tail = " " + br.tail
            remove(br)


# The first word of a read-also label, alone in its element.
_LABEL_WORD = re.compile(r"^\s*(?:baca|lihat|simak|tonton|saksikan|berita|artikel)\s*$", re.I)


def join_split_labels(root: etree._Element, tags: tuple[str, ...]) -> None:
    """`<strong>Baca</strong> <strong>juga:</strong>` → `<strong>Baca juga:</strong>`: two inline
    elements of one tag, only white space between, that together are a read-also label."""
    for element in list(root.iter(*tags)):
        following = element.getnext()
        if (
            following is None
            or following.tag != element.tag
            or len(element)
            or len(following)
            or not _LABEL_WORD.match(element.text or "")
            or (element.tail and not element.tail.isspace())
        ):
            continue
        joined = f"{element.text.strip()} {(following.text or '').strip()}"
        if INLINE_LABEL.match(joined):
            element.text, element.tail = joined, following.tail
            following.tail = None
            remove(following)


def join_ad_breaks(root: etree._Element) -> None:
    """`<p>A.<br>ADVERTISEMENT<br>SCROLL TO CONTINUE WITH CONTENT<br>B.</p>`: the labels between
    two halves of one paragraph go with their `<br>`s, the halves stay one line."""
    for br in list(root.iter("br")):
        parent = br.getparent()
        if parent is None or parent.tag != "p" or br.getparent() is None:
            continue
        previous = br.getprevious()
        before = previous.tail if previous is not None else parent.text
        if blank(before) and (previous is None or previous.tag == "br"):
            continue  # no first half
        run, node = [br], br
        while node.tail and AD.match(node.tail.strip()) and is_br(node.getnext()):
            node = node.getnext()
            run.append(node)
        if len(run) < 2 or blank(node.tail):
            continue  # no ad label alone on its line, or no second half
        node.tail = " " + node.tail
        for element in run:
            element.tail = None if element is not node else element.tail
            remove(element)
