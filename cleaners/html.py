"""HTML in, blocks of text out: parse once, prune, and flatten to the lines a reader sees."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree, html
from lxml.cssselect import CSSSelector

from .csspath import ClassFirstTranslator
from .rules.catalogue import INLINE_LABEL, LABEL_AT_END
from .textutil import collapse

# Elements that start a new line in a browser; everything else flows inline.
BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "br", "caption",
    )
)  # fmt: skip
EMPHASIS_TAGS = frozenset(("em", "i"))
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Never text of an article, wherever they stand.
NOISE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "video", "audio", "source", "picture", "map", "select", "option", "button", "input",
    "textarea", "label", "ins", "form", "head", "link", "meta",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Block:
    """One line as a reader sees it, with what the engine needs to judge it."""

    text: str
    tag: str  # the block element it came from: p, h2, li, div, ...
    link_chars: int = 0  # characters inside <a>: link lists are navigation, not text
    emphasis_chars: int = 0  # characters inside <em>/<i>: an italic line under a photo
    after_image: bool = False  # an <img> came since the previous line of text

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS

    @property
    def is_image_caption(self) -> bool:
        """An italic line right under an image, as CMS editors write in-body captions."""
        return self.after_image and self.emphasis_chars >= 0.8 * len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def parse(page: str | bytes) -> html.HtmlElement:
    """Parse a page once; `huge_tree` so deep or large pages are read, not refused. A plain
    etree parser: lxml.html's element classes cost a Python call for every element touched."""
    data = markup_bytes(page)
    root = etree.fromstring(data, parser=_parser(isinstance(page, str)))
    if root is None:  # nothing lxml could read as markup: an empty document of our own
        root = etree.fromstring(b"<html><body></body></html>", parser=_parser(True))
    return root


# C0 controls other than tab, newline and carriage return: libxml2 keeps them in the text it
# parses, and lxml then refuses that text when a cleaning pass writes it back into the tree.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def markup_bytes(page: str | bytes) -> bytes:
    """The bytes to parse, without C0 control characters (a str is encoded to UTF-8). UTF-16
    bytes are left alone: their zero bytes are characters."""
    if isinstance(page, str):
        # No byte of a multibyte UTF-8 character is below 0x80: deleting the control bytes after
        # encoding deletes the same characters, in C (str.translate's dict: 10 ms a 170 KB page)
        return page.encode("utf-8").translate(None, _CONTROL_BYTES)
    if page[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return page
    return page.translate(None, _CONTROL_BYTES)


@lru_cache(maxsize=2)
def _parser(utf8: bool) -> etree.HTMLParser:
    # A str was encoded to UTF-8 here, whatever charset its <meta> declares.
    return etree.HTMLParser(huge_tree=True, remove_comments=False, remove_pis=True,
                            encoding="utf-8" if utf8 else None)  # fmt: skip


_STRING = etree.XPath("string()")


def text(element) -> str:
    """The text of an element and its descendants, as a browser's textContent (no comments)."""
    return _STRING(element)


@lru_cache(maxsize=1024)
def css(selector: str) -> CSSSelector:
    """Compiled once per selector string, shared by every page; a class test walked from the
    page's class attributes (`csspath`)."""
    return CSSSelector(selector, translator=ClassFirstTranslator())


def select(
    root: html.HtmlElement, selectors: tuple[str, ...], likely: bool = False
) -> list[html.HtmlElement]:
    """Elements matching the first selector that matches anything. Unless a match is `likely`
    (a headline, a body), one pass over the page first answers the common case of no match."""
    if not selectors:
        return []
    if not likely and len(selectors) > 1 and not css(", ".join(selectors))(root):
        return []
    for selector in selectors:
        found = css(selector)(root)
        if found:
            return found
    return []


def select_one(
    root: html.HtmlElement, selectors: tuple[str, ...], likely: bool = False
) -> html.HtmlElement | None:
    found = select(root, selectors, likely)
    return found[0] if found else None


def text_of(element: html.HtmlElement) -> str:
    return collapse(text(element))


def value_of(element: html.HtmlElement | None) -> str | None:
    """An element's text; for `<time>`, its machine-readable `datetime` when it has one."""
    if element is None:
        return None
    if element.tag == "time" and element.get("datetime"):
        return element.get("datetime")
    if element.tag == "abbr" and element.get("title"):  # microformats: `abbr.published`
        return element.get("title")
    if element.get("itemprop") and element.get("content"):  # microdata: `itemprop=… content=…`
        return element.get("content")
    return text_of(element) or None


# Characters lxml refuses in text it is given, though its parser keeps them from a page.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def remove(element: etree._Element) -> None:
    """Take an element out but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _XML_UNSAFE.sub("", (previous.tail or "") + tail)
        else:
            parent.text = _XML_UNSAFE.sub("", (parent.text or "") + tail)
    parent.remove(element)


def drop_all(root: html.HtmlElement, selectors: tuple[str, ...]) -> None:
    """Remove every element (below `root`) that any of `selectors` matches, in one pass."""
    if selectors:
        for element in css(", ".join(selectors))(root):
            if element is not root:
                remove(element)


# Inside any article body these are never its text: captions, navigation, comments, share and
# related widgets, ads. Matched on tag, id and class in one walk (an XPath union is slower).
BOILERPLATE_TAGS = frozenset(("figcaption", "nav", "aside"))
BOILERPLATE_CLASS = re.compile(
    r"wp-caption|gallery|comments-area|comment-respond|sharedaddy|jp-relatedposts|yarpp|share|"
    r"related|social|advert|adsbygoogle|iklan|baca-?juga|read-?also|terkait|newsletter|post-tags|tag-links|breadcrumb|"
    r"twitter-tweet|instagram-media|tiktok-embed|wp-block-embed|fb-post|embed-responsive"
)
BOILERPLATE_ID = re.compile(r"^(?:comments|respond)$|related|div-gpt-ad")


def drop_noise(root: html.HtmlElement) -> None:
    """Scripts, styles, embeds, hidden elements and the boilerplate widgets above."""
    etree.strip_elements(root, *NOISE_TAGS, with_tail=False)
    doomed = []
    for element in root.iter(etree.Element):
        if element is not root and _is_boilerplate(element):
            doomed.append(element)
    for element in doomed:
        if element.tag not in BLOCK_TAGS:
            label = _label_before(element)
            drop_break_beside(element if label is None else label, element)
            if label is not None:
                remove(label)
        remove(element)


def _label_before(element: etree._Element) -> etree._Element | None:
    """`<strong>Baca juga: </strong><a class="baca-juga">…</a><br>Kalimat.`: the label of a
    read-also link dropped by its class goes with it, else it opens the sentence after the link
    and the line rules take that sentence for the headline. A label element is returned, to go
    with the link; a label ending the text before it (`Baca juga: <a …>`) is cut here."""
    previous, parent = element.getprevious(), element.getparent()
    if previous is not None and previous.tag not in BLOCK_TAGS and blank(previous.tail):
        label = previous.text or ""  # a label, its colon after a bare word (`terkait` is a word)
        if not len(previous) and INLINE_LABEL.match(label) and LABEL_AT_END.search(label):
            return previous
        return None
    before = parent.text if previous is None else previous.tail
    match = LABEL_AT_END.search(before or "")
    if match:
        cut = before[: match.start()]
        cut = cut.rstrip() + " " if cut.strip() else ""  # `Satu. Baca juga:` → `Satu. `
        if previous is None:
            parent.text = cut
        else:
            previous.tail = cut
    return None


def drop_break_beside(first: etree._Element, last: etree._Element | None = None) -> None:
    """`… hari. <span class="baca-juga">…</span><br> Aturan …`: inline elements (`first` to
    `last`, siblings) inside a paragraph go with the `<br>` that set them apart (the one after
    them, else the one before), so the sentences around them stay one line. Between two
    halves of one `<p>` (`A.<br><b>Baca juga</b> …<br>B.`) both `<br>`s go: the halves are
    one paragraph."""
    last = first if last is None else last
    after, before = last.getnext(), first.getprevious()
    if is_br(after) and blank(last.tail):
        if is_br(before) and blank(before.tail) and _splits_paragraph(before, after):
            after.tail = " " + (after.tail or "")
            remove(before)
        remove(after)
    elif is_br(before) and blank(before.tail):
        remove(before)


def is_br(element: etree._Element | None) -> bool:
    return element is not None and element.tag == "br"


def _splits_paragraph(before: etree._Element, after: etree._Element) -> bool:
    """`<p>A.<br>…<br>B.</p>`: single `<br>`s, text on both sides, inside a `<p>` (in a body
    of text and `<br>`s a single one may part two paragraphs)."""
    parent = before.getparent()
    if parent is None or parent.tag != "p":
        return False
    # no text, or `<br><br>` (a paragraph break the page wrote), on either side: no halves
    previous, following = before.getprevious(), after.getnext()
    text_before = previous.tail if previous is not None else parent.text
    if blank(text_before) and (previous is None or previous.tag == "br"):
        return False
    return not (blank(after.tail) and (following is None or following.tag == "br"))


def blank(value: str | None) -> bool:
    """No text, or white space only (an element's text or tail)."""
    return not value or value.isspace()


def _is_boilerplate(element: html.HtmlElement) -> bool:
    if element.tag in BOILERPLATE_TAGS:
        return True
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    cls, ident = get("class"), get("id")
    return bool((cls and BOILERPLATE_CLASS.search(cls)) or (ident and BOILERPLATE_ID.search(ident)))


def cut_from(root: html.HtmlElement, marker: etree._Element) -> None:
    """Remove `marker` and everything after it in document order, inside `root`."""
    node = marker
    while node is not None and node is not root:
        for sibling in list(node.itersiblings()):
            node.getparent().remove(sibling)
        node.tail = None
        node = node.getparent()
    if marker is not root:
        marker.getparent().remove(marker)


def blocks(root: html.HtmlElement) -> list[Block]:
    """Flatten `root` to lines: a block element ends the line, inline text joins it exactly
    as written (white space collapsed), so `<b>A</b> <i>B</i>` is `A B` and `x<b>y</b>` is `xy`.
    Walks with iterwalk, not recursion: ten thousand nested divs must not overflow the stack.
    Comments are stripped first (their tail text kept): iterwalk does not report them."""
    etree.strip_tags(root, etree.Comment)
    out: list[Block] = []
    parts: list[str] = []
    link_parts: list[str] = []
    emphasis_parts: list[str] = []
    tags: list[str] = []  # the open block elements, innermost last
    in_link = in_emphasis = 0
    image_seen = False

    def flush() -> None:
        nonlocal image_seen
        if not parts:
            return
        text = collapse("".join(parts))
        if text:
            links = min(len(collapse("".join(link_parts))), len(text)) if link_parts else 0
            emphasis = (min(len(collapse("".join(emphasis_parts))), len(text))
                        if emphasis_parts else 0)  # fmt: skip
            out.append(Block(text, tags[-1] if tags else "div", links, emphasis, image_seen))
            image_seen = False
        parts.clear()
        link_parts.clear()
        emphasis_parts.clear()

    # One test a tag and the text appended inline, not through calls: this runs for every
    # element of every body.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            if tag in BLOCK_TAGS:
                if parts:
                    flush()
                tags.append(tag)
            elif tag == "img":
                image_seen = True
            elif tag == "a":
                in_link += 1
            elif tag in EMPHASIS_TAGS:
                in_emphasis += 1
            text = element.text if tag else None
        else:
            if tag in BLOCK_TAGS:
                if parts:
                    flush()
                tags.pop()
            elif tag == "a":
                in_link -= 1
            elif tag in EMPHASIS_TAGS:
                in_emphasis -= 1
            text = element.tail if element is not root else None
        if text:
            parts.append(text)
            if in_link:
                link_parts.append(text)
            if in_emphasis:
                emphasis_parts.append(text)
    flush()
    return out
