"""republika.co.id (www., news., ekonomi., khazanah., internasional., ...): Republika's own CMS.
Every fact is [presumed] from public knowledge of the outlet; none was seen on a live page."""

import re

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="republika",
    hosts=("republika.co.id",),
    home="https://www.republika.co.id/",
    # Newer layout: `div.max-card__title h1`, body `div.article-content`; 2015: `div.content-detail`.
    title=("div.max-card__title h1", "div.wrap-detail-title h1", "h1"),
    body=("div.article-content", "div.artikel", "div.content-detail div.isi", "div.content-detail"),
    date=("div.date-detail span.date", "div.date-detail", "div.date_detail"),
    # "Rep: NAME/ Red: NAME" above the body [presumed]
    byline=("div.date-detail__author", "div.by", "div.reporter"),
    section=("div.breadcrumb li", "ol.breadcrumb li", "div.breadcome a"),
    tags=("div.tag-list a", "div.tags a", "div.tag a"),
    image=("div.max-card__image img", "div.image-detail img", "div.img-detail img"),
    caption=("div.max-card__image span.caption", "div.image-detail p", "div.caption-img"),
    drop=(*portal.ADS, "div.baca-juga", "div.widget-berita-terkait", "div.picked-article"),
    end=(*portal.END, "div.tag-list", "div.rekomendasi", "div.berita-lainnya"),
    dateline=r"REPUBLIKA\.CO\.ID,\s?(?:[A-Z][A-Z .'-]+\s?)?[-–—]{1,2}",
    rules=(
        rule(r"^Rep\s*:\s*(?P<authors>[^/]+?)(?:\s*/?\s*Red\s*:\s*(?P<editor>.+))?$", Kind.META),
        rule(r"^Red\s*:\s*(?P<editor>[A-Z][\w.'’ -]{1,60})$", Kind.META),
        rule(r"^Silakan akses epaper Republika\b.*$", flags=re.I),
        rule(r"^(?:Ikuti|Follow)\b.{0,60}\bRepublika\b.{0,80}$"),
    ),
    # Newer: /berita/{id}/{slug}; 2015: /berita/{channel}/{sub}/{yy}/{mm}/{dd}/{id}-{slug} [presumed]
    article_url=r"^/berita/(?:[a-z0-9]{6,12}/[\w-]+|(?:[\w-]+/){1,3}\d{2}/\d{2}/\d{2}/[\w-]+)/?$",
    not_article_url=r"^/(?:tag|tags|kanal|indeks|search|video|foto|podcast)(?:/|$)",
    sources=(
        Source("news_sitemap", "https://www.republika.co.id/sitemap-news.xml"),
        *portal.channel_feeds("https://www.republika.co.id/rss/{channel}",
                              ("news", "ekonomi", "khazanah", "internasional")),
    ),
)  # fmt: skip
