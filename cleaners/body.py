"""An article read from a chosen body element: its metadata, the bylines between headline and
body, the body cut where it ends, pruned, flattened to lines and put through the text rules.

Shared by the site engine (the body its selectors found) and the generic path's densest-block
baseline (the block owning the most text), so neither imports the other.
"""

from __future__ import annotations

import re

from lxml import html

from . import html as dom
from .article import Article
from .captions import keep_story_captions, photo_story_body
from .inline import cut_inline_boilerplate
from .layout import join_field_rows, rejoin_split_paragraphs
from .lines import Line, build_body, is_short_news, looks_like_article
from .metadata import PageMeta, apply_captured, read_metadata
from .metadata.visible import element_with_text, visible_date
from .rules import Captured, Kind, classify, is_caption
from .rules.catalogue import FIELD_KEYS
from .site import Site
from .teasers import drop_teasers, unlink_article_lists
from .textutil import collapse


def read_article(
    root: html.HtmlElement, body_element: html.HtmlElement, site: Site, meta: PageMeta,
    url: str | None, short_ok: bool = False,
) -> Article | None:  # fmt: skip
    """The article whose body is `body_element` (pruned in place), or None when what it holds
    does not read as an article (a 404, a teaser). `short_ok`: the outlet's own body selector
    found it, so a one-sentence breaking-news item on a dated page with a headline is kept."""
    body_element = photo_story_body(body_element)  # a carousel beside a one-line lead
    rejoin_split_paragraphs(body_element)  # `<p>A. <table>…</table> B.</p>`, parsed apart
    headline = dom.select_one(root, site.title, likely=True)
    article = read_metadata(root, site, meta, url, body_element, headline)
    if article.published is None:  # an old page: the date only printed under its headline
        shown = headline
        if shown is None and article.title:  # no headline element: the one showing the title
            shown = element_with_text(root, article.title)
        article.published = visible_date(root, shown)
    captured = Captured()
    above = _header_blocks(root, headline, body_element)
    header = [line for e in above for line in _lines(e)]
    bylines = dom.select(root, site.byline)
    boxed = join_field_labels([b.text for e in bylines for b in dom.blocks(e)])
    for line in boxed if bylines else header:
        classify(line, captured, site.rules)  # the outlet's byline forms too ("A - detikNews")
    editor_links(bylines or above, captured)
    if not bylines and not captured.authors:
        _trailer_bylines(body_element, captured, site)
    # A lead caption in markup nobody named.
    captured.add("caption", next((t for t in header if t and is_caption(t)), ""))
    captured.photos = keep_story_captions(body_element)  # a photo story: captions are its text
    prune_body(body_element, site)
    join_field_rows(body_element)  # `Reporter | : | NAME` cells: one byline line
    cut_inline_boilerplate(body_element, captured)  # `… kata dia. <b>Baca juga: <a>…</a></b>`
    lines = [
        Line(b.text, b.is_heading, b.link_density, b.is_image_caption, b.tag in ITEM_TAGS)
        for b in dom.blocks(body_element)
    ]
    body = build_body(lines, rules=site.rules, dateline=site.dateline, title=article.title,
                      captured=captured, structured=True, signoff=site.signoff)  # fmt: skip
    dated_story = short_ok and article.published and article.title
    if not looks_like_article(body.paragraphs) and not (
        dated_story and is_short_news(body.paragraphs)
    ):
        return None  # a 404 or a teaser in the body's place: not an article
    apply_captured(article, body.captured)
    article.paragraphs = body.paragraphs
    return article


# A byline link to the editor's page (`/editor/ikhwan-yanuar`): that name is the editor's.
_EDITOR_PATH = re.compile(r"/(?:editor|redaktur)(?:/|-|$)", re.I)


def editor_links(elements: list[html.HtmlElement], captured: Captured) -> None:
    """`Oleh : <a href="/reporter/a">A</a>, <a href="/editor/b">B</a>`: a byline that lists the
    writer and the editor with no word between them, the links' paths saying who is who. The
    name linked to an editor's page is the editor, no author."""
    for element in elements:
        for link in element.iter("a"):
            name = dom.text_of(link)
            if name in captured.authors and _EDITOR_PATH.search(link.get("href") or ""):
                captured.authors.remove(name)
                captured.by = [n for n in captured.by if n != name]
                captured.editor = captured.editor or name


def _lines(element: html.HtmlElement) -> list[str]:
    """An element's lines: one, unless `<br>`s break it (`Penulis : A<br>Editor : B`)."""
    if labelled := _labelled_line(element):
        return [labelled]
    if next(element.iterdescendants("br"), None) is None:  # (ElementPath's find: twice the time)
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
            found.append(_label_line(element))  # innermost blocks only: one line each
    return list(dict.fromkeys(found))


# A field's label alone in an inline element, its name a link beside it (`<span>Oleh :</span>
# <a>NAME</a>`, viva; JNews' `<span class="meta_text">Oleh</span>`).
_LABEL_ALONE = re.compile(rf"^(?:{'|'.join(k for k, v in FIELD_KEYS.items() if v)})\s*:?$", re.I)
LABEL_PARENT = 160  # characters: a label's line with its name, not a whole box


def _label_line(element: html.HtmlElement) -> html.HtmlElement:
    """The element, or its parent when the element is only a byline's label and the parent is
    one short line (the label with its name)."""
    parent = element.getparent()
    if element.tag not in INLINE_LABELS or parent is None:
        return element
    if not _LABEL_ALONE.match(dom.text_of(element)):
        return element
    return parent if len(dom.text_of(parent)) <= LABEL_PARENT else element


INLINE_LABELS = frozenset(("span", "font", "small", "b", "strong"))
_SEPARATOR = re.compile(r"^[\s,;/&|·•]*(?:dan\s*)?[\s,;/&|·•]*$", re.I)


def _labelled_line(element: html.HtmlElement) -> str | None:
    """`<span>Penulis</span> <a>A</a> <a>B</a> <span>Editor</span> <a>C</a>` → `Penulis: A, B |
    Editor: C`: labels and the names linked after each, which the text alone runs together.
    None when no child of `element` is a label alone."""
    labels = [c for c in element if c.tag in INLINE_LABELS and _LABEL_ALONE.match(dom.text_of(c))]
    if not labels or len(dom.text_of(element)) > LABEL_PARENT:
        return None
    fields: list[tuple[str, list[str]]] = []
    joined = False  # the next text goes on the last name (`<a>A</a> <span>(Depok)</span>`)
    for child in element:
        text = dom.text_of(child)
        if child in labels:
            fields.append((text.rstrip(" :"), []))
            joined = False
        elif fields and text:
            _add_name(fields[-1][1], text, joined and child.tag != "a")
            joined = True
        tail = collapse(child.tail or "")
        if fields and tail:
            if "|" in tail:  # what follows the bar is no name of this field (a place, a date)
                fields.append(("", []))
            elif not _SEPARATOR.match(tail):
                _add_name(fields[-1][1], tail, joined)  # `<span>Oleh :</span> A (Depok)`
            else:
                joined = False  # `A, B`, `A dan B`: the next is another name
    found = [f"{key}: {', '.join(names)}" for key, names in fields if key and names]
    return " | ".join(found) or None


def _add_name(names: list[str], text: str, joined: bool) -> None:
    if joined and names:
        names[-1] += " " + text
    else:
        names.append(text)


# A field's key alone on its line (`<h6>Penulis</h6><h6>NAME</h6>`, kompas' credit box); not
# `Oleh`, which themes set apart from a name that is no block of its own.
_KEYS_WITH_ROLE = (k for k, v in FIELD_KEYS.items() if v and v != "by")
_KEY_ALONE = re.compile(rf"^(?:{'|'.join(_KEYS_WITH_ROLE)})\s*:?$", re.I)


def join_field_labels(lines: list[str]) -> list[str]:
    """`Penulis`, `Bagus Santosa`, `Editor`, `Dita` → `Penulis: Bagus Santosa`, `Editor: Dita`:
    the outlet's byline box whose keys and names are elements of their own."""
    out: list[str] = []
    for line in lines:
        if out and _KEY_ALONE.match(out[-1]) and not _KEY_ALONE.match(line) and line:
            out[-1] = f"{out[-1].rstrip(' :')}: {line}"
        else:
            out.append(line)
    return out


MAX_TRAILER_BLOCKS = 6
TRAILER_LINE = 160  # characters: a byline line after the body is no longer


def _trailer_bylines(body: html.HtmlElement, captured: Captured, site: Site) -> None:
    """`<div class="kcm-author"><p>Penulis : A</p><p>Editor : B</p></div>` right after the body,
    outside it (old layouts close the story so): the first few small blocks after the body are
    read for byline fields only (a related list or the tags there give nothing)."""
    seen = 0
    for element in _following(body):
        for block in element.iter(*HEADER_TAGS):
            if any(child.tag in HEADER_TAGS for child in block):
                continue  # innermost blocks only: one line each
            block = _label_line(block)
            seen += 1
            if seen > MAX_TRAILER_BLOCKS:
                return
            for line in _lines(block):
                found = Captured()
                if len(line) <= TRAILER_LINE and classify(line, found, site.rules) is Kind.META:
                    for name in found.authors:  # `Oleh X` stays whoever posted it
                        captured.add("by" if name in found.by else "authors", name)
                    captured.add("editor", found.editor or "")
                    captured.add("source", found.source or "")


def _following(element: html.HtmlElement):
    """The elements after `element` in reading order, outside it: its next siblings, then its
    parent's."""
    while element is not None and element.tag != "body":
        yield from (e for e in element.itersiblings() if isinstance(e.tag, str))
        element = element.getparent()


ITEM_TAGS = frozenset(("li", "dt", "dd", "td", "th"))  # lines that stand alone, never joined
MAX_HEADER_BLOCKS = 30
HEADER_TAGS = frozenset(("div", "p", "span", "li", "td", "font", "small"))


def prune_body(body: html.HtmlElement, site: Site) -> None:
    for marker in _end_markers(body, site):
        if marker.getparent() is not None or marker is body:
            dom.cut_from(body, marker)
            break
    dom.drop_noise(body)
    dom.drop_all(body, site.drop)
    drop_teasers(body)  # `Terpopuler`, `Berita Lainnya` lists and widgets inside the body
    unlink_article_lists(body)  # `<a>Persebaya</a> 3-0 <a>Arema FC</a>`: text, not links
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
