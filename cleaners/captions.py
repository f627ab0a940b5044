"""Photo pages whose story is their captions: the captions are kept as the text.

An article's captions are boilerplate (the format's table), and the engine drops figures,
figcaptions and gallery widgets. A photo story (`FOTO: …`, a WordPress gallery post) tells its
story in them: when the captions of a body hold more text than the rest of it, each caption
becomes a paragraph, without its photo credit, before the body is pruned.
"""

from __future__ import annotations

from lxml import etree

from .blocks import MIN_PHOTOS, largest_text_block
from .html import _is_boilerplate, remove, text
from .rules.classify import strip_credit
from .textutil import collapse

# Captions as themes mark them: <figcaption>, WordPress' wp-caption-text / gallery-caption /
# wp-element-caption, Jetpack's tiled-gallery-caption, CMSs' foto-caption / photo__caption.
_CAPTIONS = etree.XPath(
    ".//figcaption | .//*[contains(@class, 'caption') and not(ancestor::figcaption)]"
)
MIN_CAPTIONS = MIN_PHOTOS  # one or two captions are an article's photos, not a photo story


def keep_story_captions(body: etree._Element) -> bool:
    """Turn the captions of `body` into paragraphs when they are its story; whether they were."""
    captions = [c for c in _CAPTIONS(body) if not _inside_any(c, body)]
    if len(captions) < MIN_CAPTIONS:
        return False
    caption_chars = sum(len(collapse(text(c))) for c in captions)
    if caption_chars <= len(collapse(text(body))) - caption_chars:
        return False  # more text outside the captions: an article with photos
    for caption in captions:
        _as_paragraph(caption, body)
    return True


def keep_story_captions_in_page(root: etree._Element) -> None:
    """The same, where no body is known yet (the generic path, before trafilatura, which drops
    captions): in the page's largest text block, when the page has captions enough at all."""
    if _COUNT(root) < MIN_CAPTIONS:
        return
    block = largest_text_block(root)
    if block is not None:
        keep_story_captions(block)


_COUNT = etree.XPath("count(.//figcaption | .//*[contains(@class, 'caption')])")


def _inside_any(caption: etree._Element, body: etree._Element) -> bool:
    """A caption inside another caption (`<div class=caption><span class=caption-text>`)."""
    node = caption.getparent()
    while node is not None and node is not body:
        if node.tag == "figcaption" or "caption" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _as_paragraph(caption: etree._Element, body: etree._Element) -> None:
    line = strip_credit(collapse(text(caption)))
    if not line:
        remove(caption)
        return
    tail = caption.tail
    caption.clear()  # children, attributes and tail: the caption is one line of text now
    caption.tag, caption.text, caption.tail = "p", line, tail
    node = caption.getparent()
    while node is not None and node is not body:  # the gallery and figures around it stay
        if node.tag == "figure":
            node.tag = "div"
        if _is_boilerplate(node):
            for name in ("class", "id", "hidden", "aria-hidden"):
                node.attrib.pop(name, None)
        node = node.getparent()
