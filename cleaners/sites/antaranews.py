"""antaranews.com, the national news agency: www., en. (English) and the regional bureaus
(jatim., jateng., sumbar., bali., kalbar., papua., megapolitan., …), one CMS.

No internet here: [seen] marks what public scrapers and saved pages show, [presumed] is from
public knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

import re

from ..rules import rule
from ..site import Site, Source

SITE = Site(
    name="antaranews",
    hosts=("antaranews.com",),
    home="https://www.antaranews.com/",
    # wrap__article-detail-* since the 2023 redesign [presumed]; h1.post-title before [seen].
    title=("div.wrap__article-detail-title h1", "h1.post-title", "h1[itemprop='headline']", "h1"),
    body=(
        "div.wrap__article-detail-content",
        "div.post-content",  # 2018-2022 [seen]
        "div#content_news",  # 2015 [presumed]
        "[itemprop='articleBody']",
    ),
    date=(
        "div.wrap__article-detail-info span",
        "span.article-date",
        "p.simple-share span",
        "div.date",
    ),
    section=("ol.breadcrumb li a", "ul.breadcrumb li a", "div.breadcrumb a"),
    tags=("div.tags-wrapper a", "ul.tags-widget a", "div.tag-list a"),  # [presumed]
    image=("div.wrap__article-detail-image img", "header.post-header img", "div.img-news img"),
    caption=("div.wrap__article-detail-image figcaption", "p.wp-caption-text", "span.img-caption"),
    drop=(
        "span.baca-juga",  # "Baca juga: …" [seen]
        "p.baca-juga",
        "div.ads_antara",
        "div.adsbygoogle",
        "div.wrap__article-detail-video",
        "div.quote_old",
    ),
    end=("div.tags-wrapper", "div.related-news", "div.wrap__article-detail-tags"),
    # "Jakarta (ANTARA) - " [seen]; "(ANTARA News)" on older pages [seen].
    dateline=r"[A-Z][\w .'-]{1,40}\s\(ANTARA(?: News)?\)\s?[-–—]",
    # The body ends "Pewarta: A<br>Editor: B<br>Copyright © ANTARA 2025" [seen]: the shared
    # catalogue reads those lines into metadata and ends the body at the copyright.
    rules=(
        rule(r"^Related news\s*:", flags=re.I),  # en.antaranews.com's read-also [seen]
        # The AI-crawling notice under the copyright [seen], or between two paragraphs
        # [presumed]: the shared catalogue's REUSE_NOTICE drops it where it stands.
    ),
    # /berita/{id}/{slug} on www. and the bureaus, /news/{id}/{slug} on en. [seen]
    article_url=r"^/(?:berita|news)/\d+/[\w-]+/?$",
    not_article_url=r"^/(?:tag|foto|video|infografik|terkini|search|top-news)(?:/|$)",
    sources=(
        Source("feed", "https://www.antaranews.com/rss/terkini.xml"),  # [seen]
        Source("feed", "https://en.antaranews.com/rss/news.xml"),  # [presumed]
        Source("feed", "https://jatim.antaranews.com/rss/terkini.xml"),  # each bureau [presumed]
        Source("news_sitemap", "https://www.antaranews.com/sitemap-news.xml"),  # [presumed]
    ),
)
