"""The lead image of an article and its caption, wherever the page's theme puts it."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import html

from .. import html as dom
from ..site import Site
from .head import PageMeta, ld_image


def images(root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None,
            body=None, headline=None) -> list[dict]:  # fmt: skip
    """The lead image and its caption: og:image/JSON-LD, else the outlet's image selector."""
    src = meta.first("og:image") or ld_image(meta.ld.get("image"))
    if not src:
        image = dom.select_one(root, site.image)
        src = image.get("src") or image.get("data-src") if image is not None else None
    if not src:
        return []
    if url:
        src = urljoin(url, src)
    caption = dom.select_one(root, site.caption)
    if caption is None:  # (an lxml element with no children is falsy: no `or` here)
        caption = _lead_caption(root, headline, body)
    if caption is None:
        caption = _caption_of_image(root, src)
    return [{"url": src, "caption": dom.value_of(caption)}]


def _image_stem(url: str) -> str:
    """`…/bus-listrik-800x533.jpg?v=2` → `bus-listrik`: one photo in all its sizes."""
    name = url.rsplit("/", 1)[-1].split("?", 1)[0].rsplit(".", 1)[0]
    return re.sub(r"-\d+x\d+$", "", name).lower()


def _caption_of_image(root: html.HtmlElement, src: str) -> html.HtmlElement | None:
    """The caption of the page's own copy of the lead image: its figure's figcaption, or a
    caption element right after it."""
    stem = _image_stem(src)
    for image in root.iter("img"):
        if _image_stem(image.get("src") or image.get("data-src") or "") != stem:
            continue
        figure = next((a for a in image.iterancestors("figure")), None)
        if figure is not None and (found := figure.find(".//figcaption")) is not None:
            return found
        for element in (image, image.getparent()):
            after = element.getnext() if element is not None else None
            if after is not None and (
                after.tag == "figcaption" or "caption" in (after.get("class") or "")
            ):
                return after
    return None


def _lead_caption(root: html.HtmlElement, headline, body) -> html.HtmlElement | None:
    """The caption between the headline and the body's first paragraph: where every theme puts
    the lead image (before the body container, or at its top)."""
    if headline is None or body is None:
        return None
    started = in_body = False
    for element in root.iter(html.etree.Element):
        if element is headline:
            started = True
        elif element is body:
            in_body = True
        elif in_body and element.tag == "p" and dom.text(element).strip():
            return None  # the text began: a caption below is an in-body one
        elif started and (
            element.tag == "figcaption" or "wp-caption-text" in (element.get("class") or "")
        ):
            return element
    return None
