"""tribunnews.com and its regional hosts (surabaya., jateng., …): KG Media's CMS. [seen]"""

import re

from ..rules import Kind, rule
from ..site import Site, Source

SITE = Site(
    name="tribunnews",
    hosts=("tribunnews.com",),
    home="https://www.tribunnews.com/",
    publication="Tribunnews.com",
    title=("h1#arttitle", "h1.f50", "h1.crimson", "h1"),
    body=(
        "div#article_con div.side-article.txt-article",
        "div.side-article.txt-article.multi-fontsize",
        "div.txt-article",
        "div#article_con",
    ),
    date=("div.grey.bdr3.pb10.pt10 time", "div.mt10 time", "time"),
    byline=("div.credit > h5#penulis", "h5#penulis"),
    authors=("div#penulis a",),
    editor=("div#editor a",),
    section=("div.breadcrumb li", "ul.breadcrumb li", "div.breadcrumb a"),
    tags=("h5.tagcloud3 a", "div.tagcloud3 a"),
    description=("div.side-article h2.fbo", "h2.fbo"),
    image=("div#artimg img.imgfull", "div#artimg img"),
    caption=("div#artimg div.arial.f12.pt5.grey2", "div#artimg .grey2"),
    drop=(
        "p.baca",
        "div._popIn_recommend_art_title",
        "[class*='_popIn']",
        "div.reserved_box_ads",
        "div.article-content-body__item-break-index",
        "div.paging",
        "div.pagination",
        "div#pagingArticle",
        "div.side-article.mb5",
        "div.credit",
        "div#artimg",
    ),
    end=("div.side-article.mb5", "h5.tagcloud3"),
    dateline=r"TRIBUN[A-Z]*\.COM(?:,\s?[A-Z .'-]+)?\s?[-–—]",
    rules=(
        rule(r"^\((?:Tribun[\w.]*|[\w-]+\.com)/(?P<authors>[^()/]+)(?:/[^()]*)?\)$", Kind.SIGNOFF),
        rule(r"^Simak berita (?:terbaru|lainnya) .{0,80}$", flags=re.I),
    ),
    article_url=r"^(?:/[\w-]+)*/(?:\d{4}/\d{2}/\d{2}|\d{6,})/[\w-]+/?$",
    not_article_url=r"^/(?:tag|topic|video|foto|indeks|index|search|tribunners)(?:/|$)",
    whole_article={"page": "all"},
    sources=(
        Source("news_sitemap", "https://www.tribunnews.com/sitemap-news.xml"),
        # Per-section sitemaps exist too (/{section}/sitemap-news.xml); /rss is unreliable.
    ),
)
