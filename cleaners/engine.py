"""The one engine every site cleaner runs on: a `Site` is data, this reads it.

Parse once (the caller); find the body by the outlet's selectors (or, for an outlet without
one, the densest block, `blocks`); read the article from it (`body`: metadata, bylines, the
body cut where it ends, pruned, flattened to lines, text rules). No trafilatura here: the site
path must stay fast.
"""

from __future__ import annotations

from lxml import html

from . import html as dom
from .article import Article
from .blocks import densest_block
from .body import read_article
from .guard import check_body
from .metadata import PageMeta
from .site import Site


def clean_site(
    root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None
) -> Article | None:
    """The article by the outlet's selectors, or None when they find no body text. Raises
    guard.UntrustedBody when what they found is plainly not the page's article."""
    body_element = find_body(root, site)
    if body_element is None:
        return None
    if not site.largest_block:  # a selector's match, which a changed layout may make wrong
        check_body(root, body_element, site.title)
    return read_article(root, body_element, site, meta, url)


def find_body(root: html.HtmlElement, site: Site) -> html.HtmlElement | None:
    found = dom.select_one(root, site.body, likely=True)
    if found is None and site.largest_block:
        found = densest_block(root)
    return found


__all__ = ["clean_site", "find_body"]
