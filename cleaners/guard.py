"""Is the body the outlet's selectors found the page's article? A selector may match the wrong
element on a changed layout (a teaser's summary, one paragraph's wrapper, a sidebar box reusing
the class, the first of several `.content` blocks): a short body, stored as if fine. The page
itself says where its main text is: the densest text block (`blocks`). When the selected body
neither holds that block nor as much text as it owns, the site result is not trusted and the page
goes to the generic path, flagged as drift with the reason.

Measured at 20:10 UTC (site pages of every fixture and tune/tune2/tune3/untuned holdout, each
also padded four ways as in tests/test_link_padding.py: 895 bodies): 880 hold the densest block
(after `captions.photo_story_body`: a detik photo story's lead alone holds 0.12 of its gallery);
the other 15 hold 1.05 times its text or more. A wrong element (tests/test_selector_guard.py,
13 pages of 11 outlets) holds 0.03 to 0.53 of it as a lead paragraph's wrapper, at most 0.10 as
a teaser's summary or a sidebar box: SHARE 0.7 lies between, 1.5 times under the lowest real
body. A story that really is short (one paragraph of breaking news, a video's two lines) is not
outweighed by what a page holds beside it: the block must own MAIN_CHARS, one in a footer, aside,
nav or header never counts, and a block after the story (an "about us" box) loses to the story
standing first under the headline, unless a later match of the same selector holds that block
(the first of several `.content` boxes).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import html

from . import html as dom
from .blocks import UNSEEN, owned_text
from .captions import photo_story_body
from .site import Selectors
from .textutil import collapse

SHARE = 0.7  # the body holds under this share of the densest block's text: not the article
MAIN_CHARS = 300  # characters a densest block owns before it counts as the page's article
OUTSIDE = frozenset(("footer", "aside", "nav", "header"))  # never the article region


class UntrustedBody(Exception):
    """The site path's body is not the page's article; the message says why."""


def check_body(
    root: html.HtmlElement, body: html.HtmlElement, title: Selectors, others: Sequence = ()
) -> None:
    """Raise UntrustedBody when `body` is plainly not the page's main text: it holds under SHARE
    of the text the densest block owns, and that block is in the article's place (not a footer
    or an aside; `body` itself inside it, another match of the same selector holding it, or the
    block nearer under the headline than `body`). `others`: the selector's later matches."""
    if (why := _wrong(root, body, title, others)) is None:
        return
    story = photo_story_body(body)  # a photo story: its captions beside a one-line lead
    if story is body or _wrong(root, story, title, others) is not None:
        raise UntrustedBody(why)


def _wrong(root: html.HtmlElement, body: html.HtmlElement, title: Selectors, others) -> str | None:
    chars = len(collapse(dom.text(body)))
    if chars >= SHARE * _owned_at_most(root):
        return None  # no block can own enough more than the body: the walk below is not needed
    owned = owned_text(root)
    dense = max(owned, key=owned.get, default=None)
    if dense is None or dense is body or owned[dense] < MAIN_CHARS or chars >= SHARE * owned[dense]:
        return None
    ancestors = list(dense.iterancestors())
    if body in ancestors or any(a.tag in OUTSIDE for a in ancestors):
        return None
    if any(other is dense or other in ancestors for other in others):
        return _reason(body, chars, dense, owned[dense], "a later match of the selector holds it")
    headline = dom.select_one(root, title, likely=True)  # the outlet's headline selectors
    if dense not in set(body.iterancestors()) and _first_under(headline, body, dense):
        return None  # a short story, then another block (an "about us" box): the story first
    return _reason(body, chars, dense, owned[dense], "the selector found the wrong element")


def _reason(body, chars: int, dense, main: int, why: str) -> str:
    return (
        f"the body selector matched <{body.tag}{_named(body)}> ({chars} characters), the "
        f"page's densest text block <{dense.tag}{_named(dense)}> holds {main}: {why}"
    )


def _first_under(headline: html.HtmlElement | None, body, dense) -> bool:
    """Whether `body` is under the headline and before `dense` in the page (or `dense` wholly
    above the headline); counted in C, on this rare path only."""
    if headline is None or dense in set(headline.iterancestors()):
        return False
    at, top, other = (_position(e) for e in (headline, body, dense))
    return at < top and (top < other or other < at)


_POSITION = html.etree.XPath("count(preceding::*) + count(ancestor::*)")


def _position(element: html.HtmlElement) -> int:
    return int(_POSITION(element))


# Text no block owns (blocks.owned_text): links' and what the elements of blocks.UNSEEN hold
# directly (a script's or a style's whole text). One union of text nodes, so none counts twice;
# what an unseen element holds deeper (the `<title>` in `<head>`) stays counted: more, never less.
_UNOWNED_TEXT = html.etree.XPath(
    " | ".join(["//a//text()", *(f"//{tag}/text()" for tag in sorted(UNSEEN))]),
    smart_strings=False,
)


def _owned_at_most(root: html.HtmlElement) -> int:
    """At least the text any one block owns: the page's text less links, scripts and styles."""
    return len(dom.text(root)) - sum(map(len, _UNOWNED_TEXT(root)))


def _named(element: html.HtmlElement) -> str:
    ident, cls = element.get("id"), element.get("class")
    return (f' id="{ident}"' if ident else "") + (f' class="{cls}"' if cls else "")
