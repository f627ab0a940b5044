"""Where a page's text is when no selector says: the container owning the most text, or, for a
photo story laid out one block per photo, the gallery. Read by the site engine (outlets with
`largest_block`), the generic path's densest-block baseline and the story-caption check."""

from __future__ import annotations

from lxml import html

from . import html as dom
from .textutil import collapse

GALLERY_GATE = 400  # characters: a largest block this small may be one photo of a gallery
CONTAINERS = frozenset(("article", "div", "section", "main", "td", "body"))
# Text no reader sees: a page's inline scripts and styles (tag managers, ad code: tens of KB on a
# real page) would otherwise make <body> the largest block and the whole page its article.
UNSEEN = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "object", "head"))
# One or two photos are an article's; a gallery, or a story told in its captions, has more.
MIN_PHOTOS = 3


def densest_block(root: html.HtmlElement, owned: dict | None = None) -> html.HtmlElement | None:
    """The largest text block; the gallery instead when that block holds little text. `owned`:
    `owned_text(root)` when the caller has it already (left as it is)."""
    found = largest_text_block(root, owned)
    if found is None or len(dom.text(found)) < GALLERY_GATE:
        gallery = gallery_block(root)  # a photo story, one block per photo
        found = found if gallery is None else gallery
    return found


def largest_text_block(
    root: html.HtmlElement, owned: dict | None = None
) -> html.HtmlElement | None:
    """The container owning the most text: its own text, in `<p>`s, in inline wrappers such as
    old CMSs' `<font>`, or loose between `<br>`s; text inside a nested container is that one's.
    An `<article>` counts half its paragraphs at any depth. One walk over the page."""
    owned = dict(owned) if owned is not None else owned_text(root)
    for article in root.iter("article"):
        half = sum(len(dom.text(p)) for p in article.iter("p")) // 2
        owned[article] = max(owned.get(article, 0), half)
    owned.pop(root, None)
    return max(owned, key=owned.get, default=None) if owned else None


def owned_text(root: html.HtmlElement) -> dict[html.HtmlElement, int]:
    """The characters of text each container below `root` owns (outside links, scripts and
    nested containers)."""
    owned: dict[html.HtmlElement, int] = {}
    stack: list[html.HtmlElement] = []  # open containers, innermost last
    in_link = 0  # text inside <a> is nobody's: sidebars and menus of links never win
    unseen = 0  # inside a script, a style ...: no one's text either
    for event, element in html.etree.iterwalk(root, events=("start", "end")):
        is_container = element.tag in CONTAINERS
        if event == "start":
            if is_container:
                stack.append(element)
            in_link += element.tag == "a"
            unseen += element.tag in UNSEEN
            if stack and not (in_link or unseen) and isinstance(element.tag, str) and element.text:
                owned[stack[-1]] = owned.get(stack[-1], 0) + len(element.text.strip())
            continue
        if is_container:
            stack.pop()
        in_link -= element.tag == "a"
        unseen -= element.tag in UNSEEN
        if stack and not (in_link or unseen) and element.tail:
            owned[stack[-1]] = owned.get(stack[-1], 0) + len(element.tail.strip())
    owned.pop(root, None)
    return owned


GALLERY_ITEMS = frozenset(("div", "li", "figure", "section", "article", "dl"))


def gallery_block(root: html.HtmlElement) -> html.HtmlElement | None:
    """The container of the most caption text in photo items (a child with an image and text
    of its own, three or more of them): a photo story laid out one `<div>` per photo, where no
    single block holds much text. Read only when the largest text block holds little."""
    best, best_chars = None, 0
    for container in root.iter("div", "section", "article", "ul", "main"):
        chars, items = 0, 0
        for child in container:
            if child.tag not in GALLERY_ITEMS or child.find(".//img") is None:
                continue
            own = len(collapse(dom.text(child))) - len(collapse(_links_text(child)))
            if own >= MIN_ITEM_CHARS:
                chars, items = chars + own, items + 1
        if items >= MIN_PHOTOS and chars > best_chars:
            best, best_chars = container, chars
    return best


MIN_ITEM_CHARS = 20  # a photo item's own text: a caption, not a date or a label


def _links_text(element: html.HtmlElement) -> str:
    return " ".join(dom.text(a) for a in element.iter("a"))
