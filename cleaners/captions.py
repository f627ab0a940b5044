"""Photo pages whose story is their captions: the captions are kept as the text.

An article's captions are boilerplate (the format's table), and the engine drops figures,
figcaptions and gallery widgets. A photo story (`FOTO: …`, a WordPress gallery post) tells its
story in them: when the captions of a body hold more text than the rest of it, each caption
becomes a paragraph, without its photo credit, before the body is pruned.
"""

from __future__ import annotations

import re

from lxml import etree

from .blocks import MIN_PHOTOS, largest_text_block
from .html import BLOCK_TAGS, _is_boilerplate, remove, text
from .rules import Captured
from .rules.classify import strip_credit
from .textutil import collapse

# Captions as themes mark them: <figcaption>, WordPress' wp-caption-text / gallery-caption /
# wp-element-caption, Jetpack's tiled-gallery-caption, CMSs' foto-caption / photo__caption.
_CAPTIONS = etree.XPath(
    ".//figcaption | .//*[contains(@class, 'caption') and not(ancestor::figcaption)]"
)
MIN_CAPTIONS = MIN_PHOTOS  # one or two captions are an article's photos, not a photo story


Photo = dict[str, str | None]  # {"url", "caption"}: the shape of `Article.images`


def keep_story_captions(body: etree._Element) -> list[Photo]:
    """Turn the captions of `body` into paragraphs when they are its story. The story's photos,
    each with its caption as printed, photo credit included (`Foto: X/detikcom`): the credit
    leaves the text but not the article's metadata. Empty when `body` is no photo story."""
    captions = _story_captions(body)
    if len(captions) < MIN_CAPTIONS:
        return []
    caption_chars = sum(len(collapse(text(c))) for c in captions)
    if caption_chars <= _other_chars(body):
        return []  # more text outside the captions: an article with photos
    photos = [{"url": _photo_of(c, body), "caption": _with_credit(c) or None} for c in captions]
    for caption in captions:
        _as_paragraph(caption, body)
    return photos


def _other_chars(body: etree._Element) -> int:
    """The text of `body` beside its captions: not a carousel's hidden clones of its slides,
    not the credit lines set under each photo (`<p class="credit">Foto: X/detikcom</p>`)."""
    chars = len(collapse(text(body)))
    taken: set[etree._Element] = set()  # taken off with all they hold
    for element in body.iter(etree.Element):
        if element is body:
            continue
        if element.getparent() in taken:
            taken.add(element)
        elif _hidden_here(element) or _is_caption_box(element) or _credit_line(element):
            chars -= len(collapse(text(element)))
            taken.add(element)
    return max(chars, 0)


def _hidden_here(element: etree._Element) -> bool:
    return element.get("aria-hidden") == "true" or "cloned" in (element.get("class") or "")


def _is_caption_box(element: etree._Element) -> bool:
    return element.tag == "figcaption" or "caption" in (element.get("class") or "")


def _credit_line(element: etree._Element) -> bool:
    """A photo's credit alone in its element (`Foto: Dika Prasetyo/detikcom`)."""
    if element.tag not in ("p", "span", "div", "small") or len(element):
        return False
    line = collapse(text(element))
    return bool(line) and len(line) <= CREDIT_CHARS and not strip_credit(line)


CREDIT_CHARS = 120  # a credit alone is no longer


def _story_captions(body: etree._Element) -> list[etree._Element]:
    """The captions a reader sees, each once: not one inside another, not a carousel's hidden
    clone of a slide (`slick-cloned`, `aria-hidden`), not the same words again."""
    seen: set[str] = set()
    found = []
    for caption in _CAPTIONS(body):
        if _inside_any(caption, body) or _hidden(caption, body):
            continue
        words = collapse(text(caption))
        if words not in seen:
            seen.add(words)
            found.append(caption)
    return found


def _hidden(caption: etree._Element, body: etree._Element) -> bool:
    node = caption
    while node is not None and node is not body:
        if node.get("aria-hidden") == "true" or "cloned" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


STORY_LEVELS = 3  # how far above the body found a photo story's captions may stand


def photo_story_body(body: etree._Element) -> etree._Element:
    """The body of a photo story whose captions stand beside the text the selectors found (a
    carousel above a one-line lead): the nearest container, a few levels up, that holds both,
    when its captions are the story (more text than that lead). Else `body` itself."""
    if len(_story_captions(body)) >= MIN_CAPTIONS:
        return body
    node = body
    for _ in range(STORY_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return body
        captions = _story_captions(node)
        if len(captions) >= MIN_CAPTIONS:
            chars = sum(len(collapse(text(c))) for c in captions)
            return node if chars > len(collapse(text(body))) else body
    return body


PHOTO_BOX_LEVELS = 3  # a photo's box, its gallery, the gallery's wrapper


def keep_story_captions_in_page(root: etree._Element) -> list[Photo]:
    """The same, where no body is known yet (the generic path, before trafilatura, which drops
    captions): in the page's largest text block, when the page has captions enough at all."""
    if _COUNT(root) < MIN_CAPTIONS:
        return []
    block = largest_text_block(root)
    # The largest block may be one photo of the story (its caption and credit the longest text
    # of the page): the story is the nearest container above it holding captions enough.
    if block is not None and _COUNT(block) >= 1:
        for _ in range(PHOTO_BOX_LEVELS):
            if block is None or _COUNT(block) >= MIN_CAPTIONS:
                break
            block = block.getparent()
    return keep_story_captions(block) if block is not None else []


def _photo_of(caption: etree._Element, body: etree._Element) -> str | None:
    """The image a caption is of: in the nearest container around it that holds one photo."""
    node = caption
    while node is not None and node is not body:
        images = [i for i in node.iter("img") if i.get("src") or i.get("data-src")]
        if images:
            alone = len(images) == 1 or sum(1 for _ in _CAPTIONS(node)) <= 1
            return (images[0].get("src") or images[0].get("data-src")) if alone else None
        node = node.getparent()
    return None


_COUNT = etree.XPath("count(.//figcaption | .//*[contains(@class, 'caption')])")


def _inside_any(caption: etree._Element, body: etree._Element) -> bool:
    """A caption inside another caption (`<div class=caption><span class=caption-text>`)."""
    node = caption.getparent()
    while node is not None and node is not body:
        if node.tag == "figcaption" or "caption" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _with_credit(caption: etree._Element) -> str:
    """The caption and the credit line a theme sets right after it (`<p class="credit">`)."""
    parts = [_shown(caption), *(_shown(c) for c in _credits_after(caption))]
    return " ".join(p for p in parts if p)


def _credits_after(caption: etree._Element) -> list[etree._Element]:
    """The credit lines right after a caption, each alone in its element (`Name/detikcom`)."""
    credits = []
    for sibling in caption.itersiblings():
        line = _shown(sibling) if isinstance(sibling.tag, str) else ""
        if not line or strip_credit(line):
            break  # not a credit alone
        credits.append(sibling)
    return credits


def _shown(caption: etree._Element) -> str:
    """A caption's text as a browser shows it: its blocks (`<p>` then the credit) apart."""
    parts = []
    for event, node in etree.iterwalk(caption, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        block = node is not caption and node.tag in BLOCK_TAGS
        if event == "start":
            parts += [" " if block else "", node.text or ""]
        elif node is not caption:
            parts += [" " if block else "", node.tail or ""]
    return collapse("".join(parts))


def _as_paragraph(caption: etree._Element, body: etree._Element) -> None:
    for credit in _credits_after(caption):  # in the photo's caption: not the text's
        remove(credit)
    line = strip_credit(_shown(caption))
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


# A photo and its caption in a box of their own, without figure or caption markup (an old CMS,
# a redesign whose classes say nothing): `<div><img><p>Warga melintasi banjir …</p></div>`.
# The line under the photo is its caption, not a paragraph: trafilatura would read it as one.
MAX_BARE_CAPTION_WORDS = 40
_IMAGE_TAGS = frozenset(("img", "picture"))
_CAPTION_HOLDERS = frozenset(("p", "span", "div", "small", "em", "i", "font", "figcaption"))


def drop_bare_captions(root: etree._Element, captured: Captured) -> None:
    """Take the captions of photo boxes out of the page, the first to `captured`; a page with
    photos enough to be a photo story keeps them (`keep_story_captions`)."""
    boxes, lines = _near_images(root)
    captions = [c for c in map(_bare_caption, boxes) if c is not None]
    captions += [c for c in map(_centred_caption, lines) if c is not None and c not in captions]
    if len(captions) >= MIN_CAPTIONS:
        return
    for caption in captions:
        line = collapse(text(caption))
        captured.add("caption", strip_credit(line) or line)
        remove(caption)


_BOX_TAGS = frozenset(("div", "td", "span", "p"))
HOLDER_LEVELS = 4  # an image in its link, its paragraph, its box: `<p><a><img></a></p>`


def _near_images(root: etree._Element) -> tuple[list, list]:
    """Where a caption can stand, found from the page's images (few, where its elements are
    many): the boxes holding an image (its parent or its wrapper's), and the elements right
    after an image's holders. Each once, in page order."""
    boxes: dict[etree._Element, None] = {}
    lines: dict[etree._Element, None] = {}
    for image in root.iter("img"):
        node = image
        for _ in range(HOLDER_LEVELS):
            parent = node.getparent()
            if (after := node.getnext()) is not None:
                lines[after] = None
            if parent is None:
                break
            if parent.tag in _BOX_TAGS:
                boxes[parent] = None
            node = parent
    return list(boxes), list(lines)


def _bare_caption(box: etree._Element):
    children = [c for c in box if isinstance(c.tag, str)]
    if len(children) != 2 or (box.text or "").strip():
        return None
    photo, caption = children
    if (photo.tail or "").strip() or (caption.tail or "").strip():
        return None
    if not _only_image(photo) or caption.tag not in _CAPTION_HOLDERS:
        return None
    blocks = [e.tag for e in caption.iterdescendants() if isinstance(e.tag, str)
              and e.tag in BLOCK_TAGS]  # fmt: skip
    if blocks not in ([], ["p"]):  # the line itself, or the line in a <p> of the holder
        return None
    words = len(text(caption).split())
    return caption if 0 < words <= MAX_BARE_CAPTION_WORDS else None


def _only_image(element: etree._Element) -> bool:
    """An image, or an element (a link, a wrapper) holding one image and no text."""
    if element.tag in _IMAGE_TAGS:
        return True
    images = sum(1 for _ in element.iter("img"))
    return images == 1 and not text(element).strip()


_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)


def _centred_caption(line: etree._Element):
    """`<p style="text-align:center"><img></p><p style="text-align:center">Warga …</p>`: a
    centred line right under a photo alone in its own block (Blogger's and WordPress' editors
    centre both), not a paragraph of the story, which is never centred; or a line that reads
    as a caption there (`_reads_as_caption`)."""
    if line.tag not in ("p", "div"):
        return None
    if not _CENTRED.search(line.get("style") or "") and not _reads_as_caption(line):
        return None
    photo = line.getprevious()
    if photo is None or not isinstance(photo.tag, str) or (photo.tail or "").strip():
        return None
    if not _only_image(photo) or any(e.tag in BLOCK_TAGS for e in line.iterdescendants()
                                      if isinstance(e.tag, str)):  # fmt: skip
        return None
    words = len(text(line).split())
    return line if 0 < words <= MAX_BARE_CAPTION_WORDS else None


SHORT_CAPTION_WORDS = 15


def _reads_as_caption(line: etree._Element) -> bool:
    """Not centred, but a caption all the same: a short line with no full stop, and a paragraph
    of the story right after it (`<p><img></p><p>Penyerahan bantuan mesin di Kejajar</p><p>…`)."""
    words = collapse(text(line))
    following = line.getnext()
    return (
        0 < len(words.split()) <= SHORT_CAPTION_WORDS
        and words[-1:] not in '.!?"”:'
        and following is not None
        and following.tag == "p"
        and len(text(following).split()) > len(words.split())
    )
