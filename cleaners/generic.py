"""The fallback for every other site: trafilatura tuned for precision, then the shared
Indonesian text rules, so an unknown Indonesian outlet comes out cleaner than trafilatura alone."""

from __future__ import annotations

import re
from typing import Any

from .article import Article
from .blocks import densest_block, owned_text
from .body import read_article
from .captions import drop_bare_captions, keep_story_captions_in_page
from .dominant import SURELY_DENSE, dominant, kept_as_owned
from .errors import NotAnArticle
from .html import blocks, markup_bytes, select
from .inline import cut_inline_boilerplate, cut_label_blocks
from .layout import (
    join_field_rows,
    paragraphs_from_breaks,
    rejoin_split_paragraphs,
    subheadings_as_paragraphs,
    unwrap_layout_tables,
    wrap_loose_text,
)
from .lines import Line, build_body, looks_like_article
from .metadata import apply_captured, read_meta, read_metadata
from .metadata.desks import info_line_names, split_people, theme_author
from .metadata.headline import agreeing_heading, is_site_name
from .metadata.people import one_name_each, same_person
from .metadata.visible import element_with_text, visible_date, visible_headline
from .pagekind import not_article_reason
from .readings import (
    KICKER_WORDS,
    dated_brief,
    glued,
    in_page_order,
    shown_text,
    without_kicker,
    without_standfirst,
)
from .rules import Captured, classify
from .site import Site
from .teasers import drop_teasers, keep_article_lists
from .textutil import collapse
from .urls import host_of

# Where an unknown page keeps its fields, when its head does not say.
GENERIC = Site(
    name="generic",
    hosts=(),
    home="",
    title=("h1",),
    # Blogger's `h2.date-header` ("Senin, 02 Desember 2024") heads the day's posts.
    # microdata's datePublished first: a page may print its modified date before it (Joomla).
    date=(
        "[itemprop='datePublished']",
        "time[datetime]",
        "abbr.published[title]",
        "time",
        "h2.date-header",
    ),
    authors=(
        "[rel='author']:not(.profile-link)",  # Blogger's sidebar "View my complete profile"
        "[itemprop='author'] [itemprop='name']",
        ".author a",
        ".byline a",
        ".post-author .fn",  # Blogger's "Diposting oleh"
        ".vcard .fn",
    ),
    section=("[itemprop='articleSection']",),
    tags=("a[rel='tag']",),
)


# Where a post's short info line (date, writer, hits) sits on an unknown page.
# (Joomla: `createdby`, and 1.5's `<span class="small">Ditulis oleh X</span>`.)
INFO_CLASS = re.compile(r"info|meta|byline|author|posted|tanggal|date|createdby|^small$", re.I)


def _persons(article: Article, tree, meta, url) -> None:
    """The page's authors that are persons; when it names none, the writer of its info line
    (`… | Penulis: Fadli Yusuf`). Logins, desks and the site itself are nobody's byline; an
    office (`Humas Pemkab X`) named instead is the source (`desks`)."""
    named = article.authors
    if not named:
        lines = [
            collapse(e.text_content())
            for e in tree.xpath("//body//*[@class]")
            if INFO_CLASS.search(e.get("class", "")) and len(e.text_content()) <= 200
        ]
        named = info_line_names(lines) or theme_author(tree)
    named = [a for a in named if not is_site_name(a, meta, url, tree, byline=True)]
    article.authors, office = split_people(named)
    article.source = article.source or office


def _site_bylines(article: Article, tree, site: Site | None) -> None:
    """The outlet's byline boxes (`Penulis : A`, `Editor : B`, `Rep: A/ Red: B`), read as the
    site path reads them: a redesign that moved the body often keeps them where they were. An
    unknown site (`GENERIC`, no boxes): the lines under its headline, for its editor and for a
    writer its head does not name."""
    if site is None:
        return
    captured = Captured()
    found = select(tree, site.byline) if site.byline else []
    lines = [b.text for e in found for b in blocks(e)]
    for line in lines:
        classify(line, captured, site.rules)
    if not lines:  # the box lost its class: the lines under the headline, for what is missing
        for line in _lines_under_headline(tree, article):
            classify(line, captured, site.rules)
        if article.authors:
            captured.authors = []  # the page's head named them: no line is surer
    if captured.authors or captured.editor or captured.source:
        apply_captured(article, captured)


MAX_HEADER_LINES = 30
HEADER_LINE = 160  # characters: longer, and the text has begun


def _lines_under_headline(tree, article: Article) -> list[str]:
    """The short lines right under the headline, where the byline stands when its box lost
    its class (`Penulis : A`, `Rep: A/ Red: B`, `NAME - Okezone`): up to the text's first
    paragraph. The headline is the heading that says the article's title (an old layout's
    first `<h1>` may be the site's logo, and what follows it the menu)."""
    headline = agreeing_heading(tree, article.title) if article.title else None
    if headline is None:
        return []
    lines: list[str] = []
    for element in _after(headline):
        for block in blocks(element) if isinstance(element.tag, str) else ():
            if len(block.text) > HEADER_LINE or len(lines) >= MAX_HEADER_LINES:
                return lines
            lines.append(block.text)
    return lines


def _after(element):
    """The elements after `element` in reading order: its next siblings, then its parent's."""
    while element is not None and element.tag != "body":
        yield from element.itersiblings()
        element = element.getparent()


def _from_visible_text(article: Article, tree, meta, url) -> None:
    """The headline and date a page shows but neither its head nor its markup says: an old
    portal's bold headline cell, a date printed under the headline."""
    heading = None
    if not article.title or is_site_name(article.title, meta, url, tree):
        title, heading = visible_headline(tree)
        article.title = title or article.title
    if article.published is None and article.title:
        if heading is None:
            heading = agreeing_heading(tree, article.title)
        if heading is None:
            heading = element_with_text(tree, article.title)
        article.published = visible_date(tree, heading)


def _huge_tree(page: str | bytes):
    """The page parsed once for the whole generic path, without libxml2's default limits
    (depth 256, 10 MB of text) that trafilatura's own parse would keep: a big or deep page
    would lose its article. An lxml.html tree, which trafilatura takes as it is."""
    from lxml import html

    data = markup_bytes(page)
    parser = html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True,
                             encoding="utf-8" if isinstance(page, str) else None)  # fmt: skip
    try:
        return html.document_fromstring(data, parser=parser)
    except (ValueError, html.etree.ParserError):
        return None  # nothing lxml can read as a document


# The precision pass decides unless it kept less than this share of what the densest-block
# baseline reads on the page: then trafilatura reads again for recall, and the baseline is the
# last resort. 0.15 on the Scrapinghub set: a higher share lets link-heavy blocks win over a
# right precision pass (F1 0.972 at 0.15, 0.970 at 0.2, 0.959 at 0.5).
ENOUGH_OF_MAIN_TEXT = 0.15
# A precision pass this long (characters) is an article's body: the baseline is not consulted.
SURELY_ENOUGH = 2000
# Above this many elements a page is read by the densest-block baseline alone, one linear walk
# at about 0.1 ms a line: trafilatura costs about 0.5 ms a line and grows faster than the page
# on its XPath passes (40k <br> lines took 17 s, 80k 75 s). Real pages stay far below: the
# Scrapinghub set's biggest has 1,600 elements, a long article with its comments a few thousand.
MAX_TRAFILATURA_ELEMENTS = 10_000


def clean_generic(
    page: str | bytes, url: str | None, site: Site | None = None, check_kind: bool = False
) -> Article | None:
    """The article by trafilatura and the text rules; None when nothing is left. With
    `check_kind`, a page that says it is no article raises NoArticle (the site path checked
    its own pages already).

    The densest text block first, read as the site engine reads a body (old markup: text
    between <br>s, layout tables, inline styles), when it plainly is the page's text (`dominant`,
    `kept_as_owned`): then trafilatura is not run (83 of the 181 Scrapinghub pages). Otherwise
    trafilatura's precision pass; when it finds nothing or far less than the densest block
    holds, its recall pass on a fresh parse; when that too falls short, the densest block."""
    tree = _huge_tree(page)
    if tree is None:
        return None
    meta = read_meta(tree)
    if check_kind and (reason := not_article_reason(tree, meta)):
        raise NotAnArticle(f"no article text: {reason}")
    # Metadata first: trafilatura prunes the tree it is given.
    article = read_metadata(tree, site or GENERIC, meta, url)
    article.outlet = site.name if site else (host_of(url) or None)
    article.method = "generic"
    _site_bylines(article, tree, site or GENERIC)
    _persons(article, tree, meta, url)
    _from_visible_text(article, tree, meta, url)
    if tree.xpath("count(//*)") > MAX_TRAFILATURA_ELEMENTS:  # counted in C, no Python per element
        dense = _densest_block(tree, url, site, meta)
        return _finish(article, dense) if dense else None
    # The metadata stages leave the tree as parsed: the densest block is judged on it, and it
    # is parsed again only when the block's reading has pruned it and trafilatura must read.
    owned = owned_text(tree)
    element = densest_block(tree, owned)
    dense, judged = None, element is not None and dominant(element, owned)
    if judged:
        dense = _read_block(tree, element, url, site, meta)
        if (
            dense
            and _chars(dense) >= SURELY_DENSE
            and kept_as_owned(dense[0], owned.get(element, 0))
        ):
            _join_bylines(article, dense[1])
            return _finish(article, dense)
        tree = _huge_tree(page)
    precise = _extract(tree, url, site, article, precision=True)
    if _chars(precise) >= SURELY_ENOUGH:  # the usual case: no second look at the page
        return _finish(article, precise)
    if not judged:
        dense = _densest_block(_huge_tree(page), url, site, meta)
    main = _chars(dense)
    if _enough(precise, main):
        return _finish(article, precise)
    fresh = _huge_tree(page)
    recall = _extract(fresh, url, site, article, precision=False) if fresh is not None else None
    if recall and glued(recall[0], article.title):
        recall = None
    best = max((p for p in (precise, recall) if p), key=_chars, default=None)
    if not _enough(best, main) and _chars(dense) > _chars(best):
        best = dense
    return _finish(article, best) if best else None


Body = tuple[list[str], Any]  # the paragraphs of one pass, and what its rules captured


def _extract(tree, url, site, article: Article, *, precision: bool) -> Body | None:
    import trafilatura  # slow to import: only pages that need it pay for it

    captured, title = Captured(), article.title
    _drop_standfirst_heading(tree, article.description)
    cut_inline_boilerplate(tree, captured)  # promos glued in paragraphs: cut where links end
    _drop_caption_tables(tree, captured)  # before the layout tables are unwrapped
    join_field_rows(tree)  # `Reporter | : | NAME` cells: one byline line
    rejoin_split_paragraphs(tree)  # `<p>A. <table>…</table> B.</p>`, parsed apart
    unwrap_layout_tables(tree)  # an article in a layout cell is not one table row
    paragraphs_from_breaks(tree)  # a body of text and <br>s: one <p> a line
    cut_label_blocks(tree)  # its `Baca juga:` line and the links a line after it
    drop_teasers(tree)  # the last one too: trafilatura drops its `<div>Terpopuler</div>` heading
    keep_article_lists(tree)  # a list of prices or steps: trafilatura's precision would drop it
    wrap_loose_text(tree)  # text after an ad slot in a <br> body: not the slot's tail
    captured.photos = keep_story_captions_in_page(tree)  # trafilatura would drop them
    if not captured.photos:
        drop_bare_captions(tree, captured)  # a photo's line in a box of its own: no paragraph
    subheadings_as_paragraphs(tree)  # trafilatura's wild-text pass drops every heading
    page_text = shown_text(tree) if captured.photos else None  # see below
    text = trafilatura.extract(
        tree,
        url=url,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=True,  # tables hold text on many real pages (results, prices)
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        return None
    # trafilatura keeps nbsp and runs of spaces inside its lines: the format allows neither.
    lines = [_line(line) for line in map(collapse, text.split("\n")) if line and not is_menu(line)]
    body = build_body(lines, rules=site.rules if site else (),
                      dateline=site.dateline if site else None, title=title,
                      captured=captured, signoff=site.signoff if site else None)  # fmt: skip
    dated = article.published and article.title
    if not looks_like_article(body.paragraphs) and not (
        dated and dated_brief(body.paragraphs, site.dateline if site else None)
    ):
        return None
    if page_text:  # trafilatura sets a photo story's lead before its captions
        return in_page_order(body.paragraphs, page_text), body.captured
    return body.paragraphs, body.captured


STANDFIRST_HEADINGS = ("h2", "h3", "h4")


def _drop_standfirst_heading(tree, description: str | None) -> None:
    """The standfirst set as a heading (`<div class=artdesc><h2>…</h2>`), its text the page's
    description: metadata, not a paragraph (a subheading is never the description's sentence)."""
    want = collapse(description or "")
    if len(want.split()) < KICKER_WORDS * 2:
        return
    for heading in list(tree.iter(*STANDFIRST_HEADINGS)):
        if collapse(heading.text_content()) == want:
            heading.drop_tree()
            return


# A photo with its caption in a table of its own: Blogger's `tr-caption-container`, WordPress'
# `wp-caption` tables of old themes. Its text is the caption, never a table row of the body.
CAPTION_TABLES = "//table[contains(@class,'tr-caption-container') or contains(@class,'wp-caption')]"


def _drop_caption_tables(tree, captured: Captured) -> None:
    for table in tree.xpath(CAPTION_TABLES):
        if caption := collapse(table.text_content()):
            captured.add("caption", caption)
        table.drop_tree()


def _line(text: str) -> Line:
    """A line of trafilatura's text; `- item` is a list item: its own line, without the dash."""
    if text.startswith("- ") and len(text) > 2:
        return Line(text[2:], item=True)
    return Line(text)


MENU_SEPARATORS = re.compile(r"\s+(?:\\?\||·|•|»)\s+")


def is_menu(line: str) -> bool:
    """A menu or breadcrumb flattened to text (`Kanal 1 | Kanal 2 | ...`): trafilatura keeps
    such lines from old layouts, where links sat in table cells instead of <nav>."""
    parts = [p for p in MENU_SEPARATORS.split(line.strip("|\\ ")) if p]
    return len(parts) >= 5 and sum(len(p.split()) for p in parts) <= 3 * len(parts)


def _densest_block(tree, url, site, meta) -> Body | None:
    """The simple baseline: the container owning the most text, read as the site engine reads
    a body (which prunes `tree`: give it a parse of its own)."""
    element = densest_block(tree) if tree is not None else None
    return _read_block(tree, element, url, site, meta) if element is not None else None


def _read_block(tree, element, url, site, meta) -> Body | None:
    dense = read_article(tree, element, site or GENERIC, meta, url)
    return (dense.paragraphs, dense) if dense else None  # its bylines are in `dense`


def _chars(body: Body | None) -> int:
    return sum(len(p) for p in body[0]) if body else 0


def _enough(body: Body | None, main: int) -> bool:
    return _chars(body) > 0 and _chars(body) >= ENOUGH_OF_MAIN_TEXT * main


def _join_bylines(article: Article, dense: Article) -> None:
    """The bylines the densest block's reading found in the text join the page's own, as the
    precision pass's do (`apply_captured`): each person once, under their fullest name; the
    editor is an author only where the page itself says so."""
    if article.authors and dense.authors:
        editor = article.editor or dense.editor
        # a page author its reading left out as the editor is whoever posted it, not a writer
        posted = [a for a in article.authors if dense.editor and same_person(a, dense.editor)
                  and not any(same_person(a, d) for d in dense.authors)]  # fmt: skip
        named = [a for a in article.authors if a not in posted]
        article.authors, _ = one_name_each(named, dense.authors, [], editor)


def _finish(article: Article, body: Body) -> Article:
    paragraphs, captured = body
    if isinstance(captured, Article):  # the densest-block pass read its own bylines
        for key in ("authors", "editor", "source", "initials"):
            if not getattr(article, key):
                setattr(article, key, getattr(captured, key))
    elif captured is not None:
        apply_captured(article, captured)
    article.paragraphs = without_kicker(without_standfirst(paragraphs, article.description))
    return article
