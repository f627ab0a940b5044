"""mediaindonesia.com: Media Group's own CMS. Every fact is [presumed] from public knowledge of
the outlet; none was seen on a live page."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="mediaindonesia",
    hosts=("mediaindonesia.com",),
    home="https://mediaindonesia.com/",
    title=("div.article h1", "div.title-news h1", "h1"),
    # Newer: `div.article div.content` (itemprop); 2015: `div#isi` with <br> paragraphs. [presumed]
    # The article box may carry the itemprop itself (`<div class="article" itemprop=…>` under a
    # `div.heading` with the h1 and `span.date-time`) [presumed: tune2's outsider page].
    body=("div.article [itemprop='articleBody']", "div.article[itemprop='articleBody']",
          "div.article div.content", "div#isi", "div.news-content"),
    date=("div.author span.date", "div.author span.date-time", "div.author", "div.date"),
    # "Penulis: NAME Pada Senin 13 Mei 2024, 10:05 WIB" [presumed]
    byline=("div.article div.author", "div.author", "div.writer"),
    section=(*portal.BREADCRUMB, "div.kanal a"),
    tags=("div.tags a", "div.tag a", "ul.tag-list a"),
    image=("div.article figure img", "div.image-news img"),
    caption=("div.article figure figcaption", "div.image-news span"),
    drop=(*portal.ADS, "div.read-too", "div.box-baca", "div.widget-terkait"),
    end=(*portal.END, "div.share-bottom"),
    dateline=r"(?:[A-Z][A-Za-z .'-]{2,30},?\s)?\(?(?:Media Indonesia|MEDIAINDONESIA\.COM|MI)\)?\s?[-–—]",
    # Its articles end with "(Z-7)", "(Ant/Z-2)", "(AU/N-3)": the desk code, after a wire or the
    # reporter's initials. [presumed]
    signoff=r"\s*\((?:(?:(?P<source>Ant|Antara|AFP|Reuters|AP|Xinhua)|[A-Z]{2,4})\s?/\s?)?(?P<initials>[A-Z]{1,3}-\d{1,3})\)\.?$",
    rules=(
        rule(r"^Penulis\s*:\s*(?P<authors>.+?)\s+Pada\s+.{6,60}$", Kind.META),
    ),
    # /{section}/{id}/{slug}; 2015: /news/read/{id}/{slug}/{yyyy-mm-dd}; about 2017-2021:
    # /read/detail/{id}-{slug} [presumed]
    article_url=r"^/(?:[\w-]+/\d{4,}/[\w-]+|news/read/\d+/[\w-]+/\d{4}-\d{2}-\d{2}|"
    r"read/detail/\d{4,}-[\w-]+)/?$",
    not_article_url=r"^/(?:tag|tags|kanal|indeks|search|video|foto|galeri|epaper)(?:/|$)",
    sources=(
        Source("news_sitemap", "https://mediaindonesia.com/sitemap-news.xml"),
        Source("feed", "https://mediaindonesia.com/feed"),
    ),
)  # fmt: skip
