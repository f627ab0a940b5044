"""The one engine every site cleaner runs on: a `Site` is data, this reads it.

Parse once; read metadata from JSON-LD and meta tags, then from the outlet's markup; find the
body, cut it where it ends, drop what the outlet says is not the article, flatten to lines and
apply the text rules. No trafilatura here: the site path must stay fast.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html

from . import html as dom
from .article import Article
from .dates import parse_date
from .lines import Line, build_body, looks_like_article
from .metadata import PageMeta, ld_image, ld_list, ld_people, ld_text
from .rules import Captured, classify, is_caption
from .site import Site
from .textutil import collapse, dedupe
from .urls import canonical_url


def clean_site(
    root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None
) -> Article | None:
    """The article by the outlet's selectors, or None when they find no body text."""
    body_element = find_body(root, site)
    if body_element is None:
        return None
    headline = dom.select_one(root, site.title, likely=True)
    article = read_metadata(root, site, meta, url, body_element, headline)
    captured = Captured()
    header = [line for e in _header_blocks(root, headline, body_element) for line in _lines(e)]
    bylines = dom.select(root, site.byline)
    for line in [b.text for e in bylines for b in dom.blocks(e)] if bylines else header:
        classify(line, captured, site.rules)  # the outlet's byline forms too ("A - detikNews")
    # A lead caption in markup nobody named.
    captured.add("caption", next((t for t in header if t and is_caption(t)), ""))
    prune_body(body_element, site)
    lines = [
        Line(b.text, b.is_heading, b.link_density, b.is_image_caption)
        for b in dom.blocks(body_element)
    ]
    body = build_body(lines, rules=site.rules, dateline=site.dateline, title=article.title,
                      captured=captured, structured=True, signoff=site.signoff)  # fmt: skip
    if not looks_like_article(body.paragraphs):
        return None  # a 404 or a teaser in the body's place: not an article
    apply_captured(article, body.captured)
    article.paragraphs = body.paragraphs
    return article


def _lines(element: html.HtmlElement) -> list[str]:
    """An element's lines: one, unless `<br>`s break it (`Penulis : A<br>Editor : B`)."""
    if element.find(".//br") is None:
        return [dom.text_of(element)]
    return [block.text for block in dom.blocks(element)]


def _header_blocks(root: html.HtmlElement, headline, body) -> list[html.HtmlElement]:
    """The small blocks between the headline and the body, where a byline stands when the
    outlet's markup for it is unknown (`Penulis : A | Editor : B`, `Reporter NAME`)."""
    if headline is None:
        return []
    found, started = [], False
    for element in root.iter(html.etree.Element):
        if element is body or len(found) >= MAX_HEADER_BLOCKS:
            break
        if element is headline:
            started = True
        elif (
            started
            and element.tag in HEADER_TAGS
            and not any(child.tag in HEADER_TAGS for child in element)
        ):
            found.append(element)  # innermost blocks only: one line each
    return found


MAX_HEADER_BLOCKS = 30
HEADER_TAGS = frozenset(("div", "p", "span", "li", "td", "font", "small"))


def find_body(root: html.HtmlElement, site: Site) -> html.HtmlElement | None:
    found = dom.select_one(root, site.body, likely=True)
    if found is None and site.largest_block:
        found = largest_text_block(root)
    return found


CONTAINERS = frozenset(("article", "div", "section", "main", "td", "body"))


def largest_text_block(root: html.HtmlElement) -> html.HtmlElement | None:
    """The container owning the most text: its own text, in `<p>`s, in inline wrappers such as
    old CMSs' `<font>`, or loose between `<br>`s; text inside a nested container is that one's.
    An `<article>` counts half its paragraphs at any depth. One walk over the page."""
    owned: dict[html.HtmlElement, int] = {}
    stack: list[html.HtmlElement] = []  # open containers, innermost last
    for event, element in html.etree.iterwalk(root, events=("start", "end")):
        is_container = element.tag in CONTAINERS
        if event == "start":
            if is_container:
                stack.append(element)
            if stack and isinstance(element.tag, str) and element.text:
                owned[stack[-1]] = owned.get(stack[-1], 0) + len(element.text.strip())
            continue
        if is_container:
            stack.pop()
        if stack and element.tail:
            owned[stack[-1]] = owned.get(stack[-1], 0) + len(element.tail.strip())
    for article in root.iter("article"):
        half = sum(len(dom.text(p)) for p in article.iter("p")) // 2
        owned[article] = max(owned.get(article, 0), half)
    owned.pop(root, None)
    return max(owned, key=owned.get, default=None) if owned else None


def prune_body(body: html.HtmlElement, site: Site) -> None:
    for marker in _end_markers(body, site):
        if marker.getparent() is not None or marker is body:
            dom.cut_from(body, marker)
            break
    dom.drop_noise(body)
    dom.drop_all(body, site.drop)
    for figure in list(body.iter("figure")):
        if figure.find(".//img") is not None or figure.find(".//figcaption") is not None:
            dom.remove(figure)


def _end_markers(body: html.HtmlElement, site: Site) -> list:
    """Where the body ends, first in document order first."""
    markers = [e for e in dom.css(", ".join(site.end))(body) if e is not body] if site.end else []
    if site.end_comments:
        markers += [c for c in body.iter(html.etree.Comment)
                    if any(m in (c.text or "") for m in site.end_comments)]  # fmt: skip
    if len(markers) < 2:
        return markers
    order = {e: i for i, e in enumerate(body.iter())}
    return sorted(markers, key=lambda e: order.get(e, 0))


# Meta names that hold the publication date (kontan's own among them: known pages of other
# outlets on its CMS then get their date on the generic path too).
DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate", "date",
             "dc.date", "content_publisheddate")  # fmt: skip


def read_metadata(
    root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None, body=None, headline=None
) -> Article:
    """Every field but the body: JSON-LD, then meta tags, then the outlet's markup. `headline`:
    the headline element, when the caller has looked it up already."""
    ld = meta.ld
    if headline is None:
        headline = dom.select_one(root, site.title, likely=True)
    if headline is not None and _is_site_name(_text(headline), meta, url):
        headline = None  # an old layout's logo in <h1>: the head knows the headline
    first = lambda selectors: _text(dom.select_one(root, selectors))  # noqa: E731
    article = Article(
        url=canonical_url(url, switch=site.whole_article) if url else _canonical_from_page(meta),
        outlet=site.name,
        title=_text(headline) or ld_text(ld.get("headline")) or _og_title(meta),
        published=_date(
            ld.get("datePublished"),
            *(meta.first(n) for n in site.date_meta),
            meta.first(*DATE_META),
        )
        or parse_date(first(site.date)),  # the markup only when the head says nothing
        updated=_date(
            ld.get("dateModified"), meta.first("article:modified_time", "og:updated_time")
        ),
        authors=ld_people(ld.get("author")) or _texts(root, site.authors),
        editor=(ld_people(ld.get("editor")) or [None])[0] or first(site.editor),
        section=ld_text(ld.get("articleSection"))
        or meta.first("article:section")
        or _last(root, site.section),
        # The page's own tags first: SEO plugins fill JSON-LD keywords with focus keywords.
        tags=_tags(
            meta.all("article:tag") or _texts(root, site.tags) or ld_list(ld.get("keywords"))
        ),
        description=meta.first("description", "og:description")
        or ld_text(ld.get("description"))
        or first(site.description),
        images=_images(root, site, meta, url, body, headline),
        method="site",
    )
    if not article.authors and (author := meta.first("author")):
        # `<meta name="author" content="CNN Indonesia">`: the outlet itself is nobody's byline.
        article.authors = [n for n in ld_people(author) if not _is_site_name(n, meta, url)]
    return article


def apply_captured(article: Article, captured: Captured) -> None:
    """Bylines, editors and sources found in the text join what the page's metadata said."""
    article.authors = dedupe(article.authors + captured.authors)
    article.editor = article.editor or captured.editor
    article.source = article.source or captured.source
    if article.images and not article.images[0]["caption"] and captured.caption:
        article.images[0]["caption"] = captured.caption


def _text(element: html.HtmlElement | None) -> str | None:
    """An element's text; for `<time>`, its machine-readable `datetime` when it has one."""
    if element is None:
        return None
    if element.tag == "time" and element.get("datetime"):
        return element.get("datetime")
    return dom.text_of(element) or None


def _texts(root: html.HtmlElement, selectors: tuple[str, ...]) -> list[str]:
    return dedupe([dom.text_of(e) for e in dom.select(root, selectors)])


def _is_site_name(text: str | None, meta: PageMeta, url: str | None) -> bool:
    if not text:
        return False
    name = text.casefold().removeprefix("www.")
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    site_name = (meta.first("og:site_name") or "").casefold()
    return name in {site_name, host, host.split(".")[0]} - {""}


def _og_title(meta: PageMeta) -> str | None:
    """og:title without the ` - Site` / ` | Site` some outlets append."""
    title, site_name = meta.first("og:title"), meta.first("og:site_name")
    if title and site_name:
        title = re.sub(rf"\s[-|–]\s{re.escape(site_name)}$", "", title, flags=re.I)
    return title


def _tags(tags: list[str]) -> list[str]:
    """`#Pupuk Subsidi` is the tag `Pupuk Subsidi`."""
    return dedupe([collapse(t.lstrip("#")) for t in tags])


def _last(root: html.HtmlElement, selectors: tuple[str, ...]) -> str | None:
    found = [t for t in (dom.text_of(e) for e in dom.select(root, selectors)) if t]
    return found[-1] if found else None


def _date(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if parsed := parse_date(candidate):
            return parsed
    return None


def _canonical_from_page(meta: PageMeta) -> str | None:
    url = meta.first("og:url") or ld_text(meta.ld.get("url"))
    return canonical_url(url) if url and url.startswith("http") else None


def _images(root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None,
            body=None, headline=None) -> list[dict]:  # fmt: skip
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
    return [{"url": src, "caption": _text(caption)}]


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


__all__ = ["clean_site", "read_metadata"]
