"""riau24.com (and m.riau24.com): a custom PHP CMS. Only a few facts are [seen]; the markup is
[presumed], so this cleaner leans on meta tags, JSON-LD and the largest text block."""

from ..rules import Kind, rule
from ..site import Site, Source

SITE = Site(
    name="riau24",
    hosts=("riau24.com",),
    home="https://www.riau24.com/",
    publication="Riau24.com",
    title=("h1",),
    body=("article [itemprop='articleBody']", "[itemprop='articleBody']"),
    largest_block=True,
    date=("time",),
    section=("[class*='breadcrumb'] a", "[class*='breadcrumb'] li"),
    tags=("[class*='tag'] a[href*='/tag']",),
    image=("article figure img",),
    caption=("article figure figcaption",),
    dateline=r"RIAU24\.COM\s?[-–—]",
    # Its bodies cite their origin outlet in a sentence: kept as text, noted as the source.
    rules=(
        rule(r"\bdikutip dari (?P<source>[\w-]+(?:\.[\w-]+)*\.(?:id|com|net|co\.id)|Antara|ANTARA|"
             r"Reuters|AFP|AP|Bloomberg|Xinhua|Anadolu|Sputnik|TASS|KCNA)\b", Kind.TEXT),
    ),
    article_url=r"^/berita/baca/\d+-[\w-]+/?$",
    sources=(Source("feed", "https://www.riau24.com/feed"), Source("feed", "https://www.riau24.com/rss"),
             Source("sitemap", "https://www.riau24.com/sitemap.xml")),
)  # fmt: skip
