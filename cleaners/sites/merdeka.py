"""merdeka.com (www., m.): KLY's CMS. Every fact is [presumed] from public knowledge of the
outlet; none was seen on a live page."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="merdeka",
    hosts=("merdeka.com",),
    home="https://www.merdeka.com/",
    title=("h1.article-title", "div.mdk-dt-headline h1", "h1"),
    # Newer: `div.article-body`; 2015: `div.mdk-body-paragraph`. [presumed]
    body=("div.article-body", "div.mdk-body-paragraph", "div#mdk-body-news-reporter ~ div.mdk-body-paragraph"),
    date=("div.article-date", "span.date-post", "div.mdk-date-reporter span"),
    authors=("div.article-reporter a.reporter", "div.mdk-date-reporter span a"),
    editor=("div.article-reporter a.editor",),
    # "Reporter : NAME" (2015, beside the date) [presumed]
    byline=("div.article-reporter", "div.mdk-date-reporter"),
    section=(*portal.BREADCRUMB, "div.mdk-breadcrumb a"),
    tags=("div.article-tags a", "div.mdk-tag-box a", "div.tags a"),
    image=("div.article-image img", "div.mdk-dt-img img"),
    caption=("div.article-image figcaption", "div.mdk-dt-img span"),
    drop=(*portal.ADS, "div.mdk-baca-juga", "div.article-baca-juga"),
    end=(*portal.END, "div.article-tags", "div.mdk-tag-box"),
    dateline=r"Merdeka\.com\s?[-–—]",
    # Its articles end with the writer's initials in brackets: "[ded]", "[lia]". [presumed]
    signoff=r"\s*\[(?P<initials>[a-z]{2,4}(?:/[a-z]{2,4})?)\]\.?$",
    rules=(rule(r"^Reporter\s*:\s*(?P<authors>[A-Z][\w.'’ -]{1,60}?)\s*$", Kind.META),),
    # Newer: /{channel}/{slug}-{id}-mvk.html; older: /{channel}/{slug}.html [presumed]
    article_url=r"^/[\w-]+/(?:[\w-]+/)?[\w-]+\.html$",
    not_article_url=r"^/(?:tag|tags|topik|indeks|search|foto|video|gallery)(?:/|$)",
    sources=(
        Source("news_sitemap", "https://www.merdeka.com/sitemap/news.xml"),
        *portal.channel_feeds("https://www.merdeka.com/feed/{channel}", ("peristiwa", "politik", "uang")),
    ),
)  # fmt: skip
