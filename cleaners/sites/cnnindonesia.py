"""cnnindonesia.com (www. only; channels are paths: /nasional, /ekonomi, /internasional, …): Trans
Media's CMS, detik's sibling; the 2015-2019 pages were detik's own markup.

No internet here: [seen] marks what public scrapers and saved pages show, [presumed] is from
public knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

import re

from ..rules import Kind, rule
from ..site import PATH_PAGE, Site, Source
from . import transmedia

SITE = Site(
    name="cnnindonesia",
    hosts=("cnnindonesia.com",),
    home="https://www.cnnindonesia.com/",
    title=("h1.mb-2", "div.content_detail h1", "h1.title", "h1"),  # [presumed]
    # div.detail-text since the 2023 redesign [seen]; div.detail_text / #detikdetailtext before.
    body=("div.detail-text", "div.detail_text", "div#detikdetailtext"),
    date=("div.text-cnn_grey.text-sm", "div.content_detail div.date", "div.date"),
    # "CNN Indonesia" or "NAME, CNN Indonesia" [presumed]; the sign-off codes name nobody.
    byline=("div.text-cnn_red", "div.content_detail div.author", "div.author"),
    section=("nav.breadcrumb a", "div.breadcrumb a", "div.box_breadcrumb a"),  # [presumed]
    tags=("div.detail-tags a", "div.detail_tag a", "div.box_tag a"),  # [presumed]
    image=("div.detail-image img", "div.media_artikel img"),
    caption=("div.detail-image figcaption", "div.media_artikel span.ket_img"),
    drop=(
        *transmedia.DROP,
        "div.inside_ads",
        "div.detail_ads",
        "div.embed-video",
        "div.box_pagination",
    ),
    end=("div.detail-tags", "div.detail_tag", "div.box_tag"),
    dateline=r"(?:[A-Z][\w .'-]{1,40},\s?)?CNN Indonesia\s?-{1,2}",  # "Jakarta, CNN Indonesia --"
    rules=(
        rule(r"^(?P<authors>[A-Z][\w.' ]+(?:,\s?[A-Z][\w.' ]+)*),\sCNN Indonesia$", Kind.META),
        rule(r"^CNN Indonesia$"),  # the byline when no reporter is named [presumed]
        *transmedia.RULES,
        # "(mnf/gil)" sign-offs are the shared catalogue's, codes to `initials` [seen].
        rule(r"^Baca halaman selanjutnya\W*$", flags=re.I),  # [seen]
    ),
    # /{channel}/{YYYYMMDDhhmmss}-{kanal}-{id}/{slug} [seen]
    article_url=r"^/[\w-]+/\d{14}-\d+-\d+/[\w-]+/?$",
    not_article_url=r"^/(?:tag|tv|indeks|search|api)(?:/|$)",
    # A long article is split over `/slug/2`, `/slug/3` ("Baca halaman selanjutnya"), numbered
    # in a pagination bar; no whole-article view is known: the pages are followed. [presumed]
    page_links=("div.box_pagination a", "div.detail-pagination a", "div.pagination a"),
    page_param=PATH_PAGE,
    sources=(
        Source("feed", "https://www.cnnindonesia.com/nasional/rss"),  # per channel [seen]
        Source("feed", "https://www.cnnindonesia.com/ekonomi/rss"),
        Source("news_sitemap", "https://www.cnnindonesia.com/sitemap_news.xml"),  # [presumed]
    ),
)
