"""tempo.co: channel hosts (nasional., bisnis., dunia., metro., en., …) until 2024, one host with
channel paths (www.tempo.co/politik/{slug}-{id}) since the 2024 redesign.

No internet here: [seen] marks what public scrapers and saved pages show, [presumed] is from
public knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

import re

from ..rules import Kind, rule
from ..site import Site, Source

SITE = Site(
    name="tempo",
    hosts=("tempo.co",),
    home="https://www.tempo.co/",
    title=("h1.title", "div.detail-title h1", "article h1[itemprop='headline']", "h1"),
    # div.detail-in / div#isi in 2015-2024 [presumed], the redesign's article body [presumed].
    body=("div#content-wrapper", "div.detail-in", "div#isi", "[itemprop='articleBody']"),
    date=("p.date", "span.date", "time"),
    # "Reporter: NAME" / "Editor: NAME" boxes [presumed]
    byline=("div.detail-reporter", "div.reporter-box"),
    section=("ul.breadcrumbs li a", "div.breadcrumb a", "nav.breadcrumb a"),
    tags=("div.box-tag-detail a", "div.tags a", "ul.tags li a"),
    image=("figure.foto-detail img", "div.foto img"),
    caption=("figure.foto-detail figcaption", "div.foto span.caption"),
    drop=("div.bacajuga", "p.bacajuga", "div.ads", "div.iklan", "div.paging", "div.box-avatar"),
    end=("div.box-tag-detail", "div.tags", "div.related"),
    dateline=r"TEMPO\.CO,\s?[A-Z][\w .'-]{1,40}\s?[-–—]",  # "TEMPO.CO, Jakarta - " [seen]
    rules=(
        rule(r"^Pilihan Editor\s*:", flags=re.I),  # in-body links to other stories [seen]
        # 2015-era pages end with the reporter's name in capitals: "ANTON SEPTIAN" [seen]
        rule(r"^(?P<authors>[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){1,3})$", Kind.META),
        # "Ikuti berita terkini dari Tempo di Google News" is a shared promo rule [seen]
    ),
    # /read/{id}/{slug} (2017-2024), /read/news/YYYY/MM/DD/{id}/{slug} (2015) [seen],
    # /{channel}/{slug}-{id} (2024-) [presumed]
    article_url=r"^/read/(?:news/\d{4}/\d{2}/\d{2}/)?\d+/[\w-]+/?$|^/[\w-]+/[\w-]+-\d{6,}/?$",
    not_article_url=r"^/(?:tag|topik|indeks|search|foto|video|penulis|author)(?:/|$)",
    # Long articles are split: "Halaman 1 2 Selanjutnya" links to `?page_num=2` (2017-2024);
    # no whole-article view is known, so the pages are followed and merged. [presumed]
    page_links=("div.paging a", "div.pagination a"),
    page_param="page_num",
    sources=(
        Source("feed", "https://rss.tempo.co/nasional"),  # one feed per channel [seen]
        Source("feed", "https://rss.tempo.co/bisnis"),
        Source("news_sitemap", "https://www.tempo.co/sitemap-news.xml"),  # [presumed]
    ),
)
