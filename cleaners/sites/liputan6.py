"""liputan6.com (www.; channels are paths: /news/read/…, /bisnis/read/…, /regional/read/…; in
2015 they were hosts: news.liputan6.com/read/…): Emtek's CMS.

No internet here: [seen] marks what public scrapers and saved pages show, [presumed] is from
public knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

import re

from ..rules import rule
from ..site import Site, Source

SITE = Site(
    name="liputan6",
    hosts=("liputan6.com",),
    home="https://www.liputan6.com/",
    title=("h1.read-page--header--title", "h1.entry-title", "h1"),  # [seen]; old [presumed]
    # Every page of a split article is in the one HTML, one item each [seen]: the container
    # holds them all, so no whole-article switch is needed.
    body=("div.article-content-body", "div.article-content-body__item-content", "div.text-detail"),
    date=(
        "time.read-page--header--author__datetime",
        "p.read-page--header--author__datetime",
        "span.date-detail",
        "time",
    ),
    authors=(
        "span.read-page--header--author__name",
        "a.read-page--header--author__link",
        "span.author-detail a",
    ),
    section=("ul.read-page--breadcrumb li a", "div.read-page--breadcrumb a", "ul.breadcrumb a"),
    tags=("ul.tags--snippet__list li a", "div.tags--snippet a", "div.tag-detail a"),  # [seen]
    image=("div.read-page--photo-gallery--item img", "figure.read-page--photo-tag img"),
    caption=("div.read-page--photo-gallery--item__caption", "figcaption"),
    drop=(
        "div.baca-juga-collections",  # "Baca Juga" lists between paragraphs [seen]
        "div.article-content-body__item-break",  # "1 dari 3 halaman" [seen]
        "div.advertisement-text",  # "Advertisement" labels [seen]
        "div.article-ad",
        "div.promo-share",
        "div.read-page--video-gallery",
    ),
    end=("div.tags--snippet", "div.read-page--footer", "div.tag-detail"),
    dateline=r"Liputan6\.com,\s?[A-Z][\w .'-]{1,40}\s?[-–—]",  # "Liputan6.com, Jakarta - " [seen]
    rules=(
        # "Saksikan Video Pilihan di Bawah Ini:" ("Simak Video Pilihan Ini:" is a shared rule) [seen]
        rule(r"^(?:Saksikan|Tonton)\s+(?:juga\s+)?[Vv]ideo\b.{0,80}$"),
        # The fact-check promo: "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi …" [seen]
        rule(
            r"^\*?\s*(?:Fakta atau Hoaks\?|Untuk mengetahui kebenaran informasi yang beredar)",
            flags=re.I,
        ),
    ),
    article_url=r"^(?:/[\w-]+)?/read/\d+/[\w-]+/?$",  # [seen]
    not_article_url=r"^/(?:tag|me|video|photo|foto|search|indeks|cek-fakta/tag)(?:/|$)",
    sources=(
        Source("feed", "https://feed.liputan6.com/rss/news"),  # per channel [presumed]
        Source("news_sitemap", "https://www.liputan6.com/sitemap_news.xml"),  # [presumed]
    ),
)
