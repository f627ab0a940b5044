"""viva.co.id (www.; 2015-era channel hosts nasional.news., bola., otomotif. ...): VIVA Media's
own CMS. Every fact is [presumed] from public knowledge of the outlet; none was seen live."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="viva",
    hosts=("viva.co.id",),
    home="https://www.viva.co.id/",
    title=("h1.main-content-title", "div.main-content-title h1", "div.article-detail-title h1", "h1"),
    # Newer: `div.main-content-detail`; 2015: `span#article-detail-content` with <br>s. [presumed]
    body=("div.main-content-detail", "div.main-content-article", "#article-detail-content",
          "div.article-detail-body"),
    date=("div.main-content-date", "div.date", "div.article-detail-date"),
    authors=("div.main-content-author span.reporter a", "div.main-content-author a.reporter"),
    editor=("div.main-content-author span.editor a",),
    # 2015: "Oleh : NAME" [presumed]
    byline=("div.article-detail-reporter",),
    section=(*portal.BREADCRUMB, "div.article-detail-breadcrumb a"),
    tags=("div.main-content-tag a", "div.tag-list a", "div.article-detail-tag a"),
    image=("div.main-content-image img", "div.article-detail-photo img"),
    caption=("div.main-content-image span.caption", "div.article-detail-photo div.caption"),
    drop=(*portal.ADS, "div.paging", "div.read-more-box", "div.content-more"),
    end=(*portal.END, "div.main-content-tag", "div.article-detail-tag"),
    dateline=r"VIVA(?:\.co\.id|news)?\s?[-–—]",
    rules=(rule(r"^(?:Halaman Selanjutnya|Selanjutnya)\s*$"),
           rule(r"^Reporter\s*:\s*(?P<authors>[^|/]+?)\s*[|/]\s*Editor\s*:\s*(?P<editor>.+)$", Kind.META)),
    # /{channel}/{sub}/{id}-{slug}; 2015: /news/read/{id}-{slug} on channel hosts [presumed]
    article_url=r"^/(?:[\w-]+/){1,2}\d{5,}-[\w-]+/?$",
    not_article_url=r"^/(?:tag|tags|topik|indeks|search|video|foto|vstory|vlog)(?:/|$)",
    sources=(
        Source("news_sitemap", "https://www.viva.co.id/sitemap/news"),
        *portal.channel_feeds("https://www.viva.co.id/get/{channel}", ("all", "berita", "bola")),
    ),
)  # fmt: skip
