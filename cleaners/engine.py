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
    matches = dom.select(root, site.body, likely=True)
    if matches:  # a selector's first match, which a changed layout may make the wrong one
        check_body(root, matches[0], site.title, matches[1:])
    body_element = find_body(root, site, matches)
    if body_element is None:
        return None
    # the outlet's own selector found it: a one-sentence breaking-news item is a story
    return read_article(root, body_element, site, meta, url, short_ok=bool(matches))


def find_body(
    root: html.HtmlElement, site: Site, matches: list | None = None
) -> html.HtmlElement | None:
    """The first match of the outlet's body selectors (`matches`, when the caller has them),
    else the densest block for an outlet with `largest_block`."""
    found = matches if matches is not None else dom.select(root, site.body, likely=True)
    if found:
        return found[0]
    return densest_block(root) if site.largest_block else None


__all__ = ["clean_site", "find_body"]
