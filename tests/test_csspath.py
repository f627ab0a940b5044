"""The class-first CSS translation selects what lxml's own translation selects, in its order."""

from __future__ import annotations

import pytest
from lxml.cssselect import CSSSelector

from cleaners.csspath import ClassFirstTranslator
from cleaners.html import parse

PAGE = """<html><body class="single-post">
<div class="post author-box"><span class="author">Rina</span><a class="fn" href="/a">Ayu</a></div>
<div class=" author  byline "><a href="/penulis/rina" rel="author">Rina Ayu</a></div>
<ul class="tags"><li><a rel="tag" href="/tag/banjir">banjir</a></li>
<li class="first"><a rel="tag" class="profile-link" href="/tag/x">x</a></li></ul>
<div id="content" class="Article"><p class="lead">Satu.</p><p>Dua.</p><p class="lead">Tiga.</p></div>
<p itemprop="author"><span itemprop="name">Budi</span></p><time datetime="2025-01-02">2 Jan</time>
</body></html>"""

SELECTORS = [
    ".author",
    ".author a",
    "div.author.byline a",
    "[rel='author']:not(.profile-link)",
    "[itemprop='author'] [itemprop='name']",
    "a[rel='tag']",
    "[class*='tag'] a[href*='/tag']",
    "ul.tags > li.first a",
    "li:first-child a",
    "p.lead:nth-of-type(1)",
    "#content .lead",
    "div:has(.fn)",
    "a[rel!='tag']",
    ".article",  # class tests are case-sensitive: no match
    "time[datetime], abbr.published[title], h1",
    ".post, .author-box",
    "div + p.lead, p.lead + p",
    "p.lead ~ p",
]


@pytest.mark.parametrize("selector", SELECTORS)
def test_same_elements_in_the_same_order(selector: str) -> None:
    root = parse(PAGE)
    ours = CSSSelector(selector, translator=ClassFirstTranslator())(root)
    assert ours == CSSSelector(selector, translator="html")(root)


def test_a_class_step_walks_the_class_attributes() -> None:
    path = CSSSelector(".author a", translator=ClassFirstTranslator()).path
    assert path.startswith("descendant-or-self::*/@class[contains(., 'author')]/parent::*[")


def test_a_step_counting_positions_stays_as_written() -> None:
    """`h2 + p.lead` is the first following sibling (`position() = 1`): inside
    `parent::*[…]` position() would count the parents, not the siblings."""
    ours = CSSSelector("h2 + p.lead", translator=ClassFirstTranslator()).path
    assert "/@class" not in ours
    root = parse("<html><body><h2>A</h2><p class='lead'>B</p><p class='lead'>C</p></body></html>")
    assert [
        p.text for p in CSSSelector("h2 + p.lead", translator=ClassFirstTranslator())(root)
    ] == ["B"]
