"""kompas.com and its channel hosts (nasional., regional., money., megapolitan., internasional.,
tekno., bola., …): KG Media's CMS, kin of tribunnews and kontan.

Nothing here was checked against the live site (no internet on these machines): [seen] marks
what public scrapers and saved copies of kompas.com pages show; [presumed] is from public
knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

import re

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="kompas",
    hosts=("kompas.com",),  # every channel host [seen]; kompas.id and kompas.tv are other outlets
    home="https://www.kompas.com/",
    # h1.read__title since ~2018 [seen]; h1.kcm-read-title on the 2015 "kcm" pages [presumed].
    title=("h1.read__title", "h1.kcm-read-title", "div.kcm-read h1", "h1"),
    body=(
        "div.read__content",
        "div.kcm-read-text",
        "div.kcm-read-content",
    ),  # [seen], old [presumed]
    # "Kompas.com - 03/11/2025, 10:30 WIB" [seen]; content_PublishedDate meta as kontan's [seen].
    date=("div.read__time", "div.kcm-date"),
    date_meta=("content_publisheddate",),
    # "Penulis : NAME" / "Editor : NAME" items [seen]; the newer credit box [presumed].
    byline=("div.read__credit", "div.credit-title-nameEditor", "div.credit"),
    section=(
        "ul.breadcrumb__wrap li a",
        "div.breadcrumb a",
        "ul.kcm-breadcrumb li a",
        "div.kcm-breadcrumb a",
    ),
    tags=("ul.tag__article__wrap li a", "div.tag__article__item a", "div.kcm-read-tag a"),
    image=("div.photo__wrap img", "div.kcm-read-photo img"),
    caption=("div.photo__caption", "div.kcm-read-photo .caption"),
    drop=(
        "div.ads-on-body",  # ad slots between paragraphs [seen]
        "div.kompasidRec",  # "Pilihan Untuk Anda" widget [presumed]
        "div.read__paging",  # "Halaman: 1 2 Selanjutnya" [seen]
        "div.video-wrap",
        "div.read__bottom",
        "div.kcm-read-paging",
    ),
    end=("div.read__bottom", "div.tag__article", "div.read__tag", "div.kcm-read-tag"),
    # "JAKARTA, KOMPAS.com - " [seen]; the 2015 pages used an em dash "—" [seen].
    dateline=r"(?:[A-Z][A-Z .'-]+,\s?)?KOMPAS\.com\s?[-–—]",
    rules=(
        rule(r"^Pilihan untuk Anda$", Kind.RELATED, re.I),  # [presumed]
        # "Lihat Nasional Selengkapnya", a channel link under the body [presumed].
        rule(r"^Lihat \w+(?: \w+)? Selengkapnya$", Kind.END),
        # Its Telegram/WhatsApp promos start "Dapatkan update…", "Simak breaking news…": the
        # shared catalogue drops them [seen]. The app promo [presumed]:
        rule(r"^Download aplikasi Kompas\.com\b", flags=re.I),
    ),
    # /read/YYYY/MM/DD/{id}/{slug} on every channel host; www.kompas.com/{channel}/read/… [seen]
    # 2015 slugs were dotted: /read/2015/11/03/10301161/Pencairan.Dana.Desa [seen]
    article_url=r"^(?:/[\w-]+)?/read/\d{4}/\d{2}/\d{2}/\d+/[\w.-]+/?$",
    not_article_url=r"^/(?:tag|topik|jeo|indeks|search|author|video|image)(?:/|$)",
    whole_article={"page": "all"},  # [seen]
    sources=(
        Source("news_sitemap", "https://www.kompas.com/sitemap-news.xml"),  # [presumed]
        # One RSS feed per channel [presumed]: terkini (all), then the big channels.
        *portal.channel_feeds(
            "https://www.kompas.com/getrss/{channel}", ("terkini", "nasional", "regional", "money")
        ),
    ),
)
