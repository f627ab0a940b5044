"""Is this page an article at all? Decided from what the page says of itself, not from its URL.

About, contact, privacy, "Pedoman Media Siber", redaction, advertising-rate, tag, section, author,
gallery-only and video-only pages share no words in their addresses, but they do say what they are:
JSON-LD types them (AboutPage, CollectionPage, ProfilePage), WordPress marks the body of a static
page `page` and of a post `single-post`, og:type names a video or a profile, and none of them has a
publication date. The strongest signal that speaks wins; a page that says nothing is an article,
for the body finder to judge.
"""

from __future__ import annotations

import re

from lxml import html

from .metadata import PageMeta, ld_types

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
    "liveblogposting", "report", "satiricalarticle", "socialmediaposting",
})  # fmt: skip
# Types a page gives itself when it is not a story (WebPage alone says nothing either way).
NOT_ARTICLE_TYPES = frozenset({
    "aboutpage", "contactpage", "collectionpage", "profilepage", "searchresultspage",
    "itempage", "faqpage", "imagegallery", "mediagallery", "videogallery", "checkoutpage",
})  # fmt: skip
# WordPress body classes: a post is `single single-post postid-N`; everything else has its own.
WP_POST = frozenset({"single-post", "single-format-standard", "single-format-gallery"})
WP_NOT_POST = frozenset({
    "page", "page-template-default", "archive", "category", "tag", "author", "search",
    "search-results", "home", "blog", "error404", "attachment", "post-type-archive",
})  # fmt: skip
NOT_ARTICLE_OG = ("video", "profile", "book", "music")  # og:type prefixes
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "date", "dc.date", "dc.date.issued", "content_publisheddate",
)  # fmt: skip


def not_article_reason(root: html.HtmlElement, meta: PageMeta) -> str | None:
    """Why the page is not an article, in a few words; None when it is one (or says nothing)."""
    types = ld_types(root)
    if types & ARTICLE_TYPES:
        return None
    classes = _body_classes(root)
    if classes & WP_POST:
        return None
    if named := types & NOT_ARTICLE_TYPES:
        return f"the page calls itself {_pretty(named)} (JSON-LD), not an article"
    if named := classes & WP_NOT_POST:
        return f"a WordPress {_pretty(named)} page, not a post"
    og = (meta.first("og:type") or "").lower()
    if og.startswith(NOT_ARTICLE_OG):
        return f"og:type {og}, not an article"
    # Weak alone (corporate news pages look like this too): only with a static page's name.
    undated = og == "website" and not _has_date(root, meta) and not _article_element(root)
    if undated and (heading := _static_heading(root)):
        return f"a site page ({heading}) without a publication date, not an article"
    return None


# What media sites call the pages about themselves (the headline, not the URL): Indonesian and
# English, as the same CMS serves both.
STATIC_HEADING = re.compile(
    r"^(?:tentang(?: kami)?|about(?: us)?|kontak(?: kami)?|hubungi kami|contact(?: us)?|redaksi|"
    r"susunan redaksi|pedoman (?:media )?siber|kebijakan privasi|privacy policy|disclaimer|"
    r"syarat(?: dan|&) ketentuan|terms(?: of (?:use|service))?|(?:info|tarif|rate card) iklan|"
    r"advertis(?:e|ing)(?: with us)?|karir|karier|careers?|kode etik(?: jurnalistik)?)\b",
    re.I,
)


def _static_heading(root: html.HtmlElement) -> str | None:
    heading = root.find(".//h1")
    if heading is None:
        heading = root.find(".//title")
    text = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    match = STATIC_HEADING.match(text)
    return match.group(0) if match else None


def _body_classes(root: html.HtmlElement) -> set[str]:
    body = root.find(".//body") if root.tag != "body" else root
    return set((body.get("class") or "").lower().split()) if body is not None else set()


def _has_date(root: html.HtmlElement, meta: PageMeta) -> bool:
    if any(meta.first(name) for name in DATE_META):
        return True
    return root.find(".//time") is not None


def _article_element(root: html.HtmlElement) -> bool:
    return root.find(".//article") is not None


def _pretty(names: set[str]) -> str:
    return sorted(names)[0]
