"""Selectors shared by Indonesian WordPress news themes (mediapesan, patrazone). [presumed]"""

from __future__ import annotations

from typing import Any

from ..site import Site, Source

BODY = (
    "div.entry-content", "div.td-post-content", "div.jeg_post_content div.content-inner",
    "div.content-inner", "div.jeg_post_content", "div.post-content", "div.single-content",
    "div.post-entry", "article .entry",
)  # fmt: skip
TITLE = ("h1.entry-title", "h1.jeg_post_title", "h1.post-title", "h1.tdb-title-text", "h1")
DATE = ("time.entry-date", "time.published", "span.posted-on time", "div.jeg_meta_date", "time")
AUTHORS = (
    "span.author a",
    "a[rel='author']",
    "div.jeg_meta_author a",
    "span.td-post-author-name a",
)
EDITOR = ("div.jeg_meta_editor a", "span.post-editor a")
SECTION = (
    "span.cat-links a", "ul.post-categories a", "div.jeg_meta_category a", "nav.breadcrumb a",
    "div.breadcrumbs a", "nav.breadcrumbs li", ".breadcrumbs li",
)  # fmt: skip
TAGS = ("span.tags-links a", "div.tags a", "div.jeg_post_tags a", "ul.td-tags a", "a[rel='tag']")
IMAGE = (
    "[class*='featured-image'] img", ".post-thumbnail img", ".post-thumb img", "div.jeg_featured img",
    "div.td-post-featured-image img",
)  # fmt: skip
# Lead-image captions: none by class; the engine takes the caption between the headline and
# the body's first paragraph, wherever the theme puts it.
CAPTION: tuple[str, ...] = ()
DROP = (
    ".sharedaddy", ".jp-relatedposts", ".post-tags", ".tags-links", ".entry-footer",
    ".code-block", ".ai-viewport-1", ".adsbygoogle", ".widget", "div.jeg_post_tags",
    "div.jeg_share_button", "div.td-post-sharing", "div.author-box", "div.post-views",
)  # fmt: skip
END = ("#comments", "#respond", "div.comments-area", "div.entry-footer", "footer.entry-footer")


# WordPress core's sitemap index lists posts, pages, taxonomies and users: only posts are articles.
# Yoast and Rank Math answer wp-sitemap.xml with their own index (page-sitemap.xml, ...).
WP_NOT_POSTS = (
    r"wp-sitemap-(?:posts-page|posts-attachment|taxonomies|users)-|"
    r"/(?:page|category|post_tag|tag|author|attachment|web-story|elementor_library)-sitemap\d*\.xml"
)

ARTICLE_URL = r"^/(?!(?:category|tag|author|page|wp-|feed)/)[\w-]+(?:/[\w-]+)*/?$"
NOT_ARTICLE_URL = r"^/(?:category|tag|author|page|wp-json|wp-content|feed|search)(?:/|$)"


def wordpress_site(name: str, domain: str, **own: Any) -> Site:
    """An outlet on a WordPress news theme: the shared selectors, sources and URL rules, with
    the outlet's `own` fields (dateline, rules, byline, ...) on top."""
    fields: dict[str, Any] = dict(
        title=TITLE, body=BODY, date=DATE, authors=AUTHORS, editor=EDITOR, section=SECTION,
        tags=TAGS, image=IMAGE, caption=CAPTION, drop=DROP, end=END,
        article_url=ARTICLE_URL, not_article_url=NOT_ARTICLE_URL,
        sources=(Source("sitemap", f"https://{domain}/wp-sitemap.xml", skip=WP_NOT_POSTS),
                 Source("feed", f"https://{domain}/feed/")),
    )  # fmt: skip
    return Site(name=name, hosts=(domain,), home=f"https://{domain}/", **{**fields, **own})
