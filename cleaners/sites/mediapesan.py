"""mediapesan: an Indonesian WordPress news theme. The domain is [presumed]; change it here."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import wordpress as wp

DOMAIN = "mediapesan.com"

SITE = Site(
    name="mediapesan",
    hosts=(DOMAIN,),
    home=f"https://{DOMAIN}/",
    title=wp.TITLE,
    body=wp.BODY,
    date=wp.DATE,
    byline=("div.reporter", "span.reporter", "p.reporter", "div.byline"),
    authors=wp.AUTHORS,
    editor=wp.EDITOR,
    section=wp.SECTION,
    tags=wp.TAGS,
    image=wp.IMAGE,
    caption=wp.CAPTION,
    drop=wp.DROP,
    end=wp.END,
    dateline=r"[A-Z][A-Z .,'-]{1,40}\s?\|\s?MEDIAPESAN",
    rules=(rule(r"^Reporter\s+(?P<authors>[A-Z][\w.' -]{1,60})$", Kind.META),),
    article_url=r"^/(?!(?:category|tag|author|page|wp-|feed)/)[\w-]+(?:/[\w-]+)*/?$",
    not_article_url=r"^/(?:category|tag|author|page|wp-json|wp-content|feed|search)(?:/|$)",
    sources=(Source("sitemap", f"https://{DOMAIN}/wp-sitemap.xml"),
             Source("feed", f"https://{DOMAIN}/feed/")),
)  # fmt: skip
