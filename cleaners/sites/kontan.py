"""kontan.co.id and all its sub-domains (nasional., internasional., investasi., …). [seen]"""

from ..rules import Kind, rule
from ..site import Site, Source

SITE = Site(
    name="kontan",
    hosts=("kontan.co.id",),
    home="https://www.kontan.co.id/",
    publication="Kontan.co.id",
    news_sitemap_children=True,  # its sitemap index lists Google News sitemaps [seen]
    title=("h1.detail-desk", "h1.jdl_dtl", "h1"),
    body=("div.tmpt-desk-kon[itemprop='articleBody']", "div.tmpt-desk-kon", "[itemprop='articleBody']"),
    date=("div.fs14.ff-opensans.font-gray", "div.font-gray"),
    date_meta=("content_publisheddate",),
    section=("div.breadcumb a", "div.breadcumb li", "div.breadcrumb a"),
    tags=("div.tags a", "div.tag-detail a"),
    drop=("div.pagination", "div.track-bacajuga-inside"),
    end=("div.pagination ~ div.berita-terkait", "div.berita-terkait", "div.related"),
    end_comments=("pagination end",),
    dateline=r"KONTAN\.CO\.ID\s?[-–—]\s?(?:[A-Z][A-Z .'-]+\.)?",
    rules=(
        # A caption paragraph "ILUSTRASI. …" may stand before the dateline.
        rule(r"^(?P<caption>(?:ILUSTRASI|ilustrasi|Ilustrasi)\s?[.:/].*)$"),
        rule(r"^Agar bisa lanjut membaca sampai tuntas artikel ini", Kind.END),
    ),
    article_url=r"^/news/[\w-]+/?$",
    whole_article={"page": "all"},
    sources=(Source("sitemap", "https://www.kontan.co.id/sitemap.xml"),
             Source("index", "https://www.kontan.co.id/search/indeks?kanal=&tanggal={dd}&bulan={mm}"
                    "&tahun={yyyy}&pos=indeks&per_page=0", links="div.list-berita ul li a")),
)  # fmt: skip
