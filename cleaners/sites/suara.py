"""suara.com and its regional hosts (jatim., jogja., bali., sumsel., jabar., ...): Arkadia Media's
own CMS. Every fact is [presumed] from public knowledge of the outlet; none was seen live."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="suara",
    hosts=("suara.com",),
    home="https://www.suara.com/",
    title=("div.detail-title h1", "div.info h1", "h1"),
    # Newer: `article.detail-content`; 2015: `div.content-article`. [presumed]
    body=("article.detail-content", "div.detail--content", "div.content-article",
          "[itemprop='articleBody']"),
    date=("div.detail-date", "div.info time", "time"),
    authors=("div.writer span.reporter a", "div.writer a", "div.author a"),
    editor=("div.writer span.editor a", "div.editor a"),
    section=("ul.breadcrumb li", "div.breadcrumb a"),
    tags=("div.tag-detail a", "ul.list-tag a", "div.tags a"),
    image=("div.detail-image img", "figure.detail-image img", "div.img-content img"),
    caption=("div.detail-image figcaption", "div.img-content span.caption"),
    drop=(*portal.ADS, "div.baca-10-detik", "div.summary-box", "div.pagination", "div.bacajuga"),
    end=(*portal.END, "div.tag-detail", "ul.list-tag", "div.writer-bottom"),
    # "Suara.com - ", regional "SuaraJatim.id - " [presumed]
    dateline=r"Suara(?:[A-Z][a-z]+)?\.(?:com|id)\s?[-–—]",
    rules=(rule(r"^Baca 10 Detik\b.*$"),
           rule(r"^Kontributor\s*:\s*(?P<authors>[A-Z][\w.'’ -]{1,60})$", Kind.META)),
    # /{channel}/YYYY/MM/DD/HHMMSS/{slug}; regional hosts: /read/YYYY/MM/DD/HHMMSS/{slug} [presumed]
    article_url=r"^/[\w-]+/\d{4}/\d{2}/\d{2}/\d{6}/[\w-]+/?$",
    not_article_url=portal.NOT_ARTICLE,
    sources=(
        Source("news_sitemap", "https://www.suara.com/sitemap/news.xml"),
        *portal.channel_feeds("https://www.suara.com/rss/{channel}", ("news", "bisnis", "bola")),
        Source("feed", "https://jatim.suara.com/rss"),
    ),
)  # fmt: skip
