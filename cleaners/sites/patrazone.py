"""patrazone.com: presumed a WordPress news theme, like mediapesan. [presumed]"""

from ..site import Site, Source
from . import wordpress as wp

DOMAIN = "patrazone.com"

SITE = Site(
    name="patrazone",
    hosts=(DOMAIN,),
    home=f"https://{DOMAIN}/",
    title=wp.TITLE,
    body=wp.BODY,
    date=wp.DATE,
    authors=wp.AUTHORS,
    editor=wp.EDITOR,
    section=wp.SECTION,
    tags=wp.TAGS,
    image=wp.IMAGE,
    caption=wp.CAPTION,
    drop=wp.DROP,
    end=wp.END,
    dateline=r"Patrazone\.com\s?[-–—]",
    article_url=r"^/(?!(?:category|tag|author|page|wp-|feed)/)[\w-]+(?:/[\w-]+)*/?$",
    not_article_url=r"^/(?:category|tag|author|page|wp-json|wp-content|feed|search)(?:/|$)",
    sources=(Source("sitemap", f"https://{DOMAIN}/wp-sitemap.xml"),
             Source("feed", f"https://{DOMAIN}/feed/")),
)  # fmt: skip
