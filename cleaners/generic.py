"""The fallback for every other site: trafilatura tuned for precision, then the shared
Indonesian text rules, so an unknown Indonesian outlet comes out cleaner than trafilatura alone."""

from __future__ import annotations

from .article import Article
from .engine import apply_captured, read_metadata
from .lines import Line, build_body
from .metadata import PageMeta
from .site import Site
from .textutil import collapse
from .urls import host_of

# Where an unknown page keeps its fields, when its head does not say.
GENERIC = Site(
    name="generic",
    hosts=(),
    home="",
    title=("h1",),
    date=("time[datetime]", "time"),
    authors=("[rel='author']", "[itemprop='author'] [itemprop='name']", ".author a", ".byline a"),
    section=("[itemprop='articleSection']",),
    tags=("a[rel='tag']",),
)


# Less than this is a menu, an error page or a teaser, not an article. Characters count too:
# Chinese or Japanese text has no spaces between its words.
MIN_WORDS, MIN_CHARS = 25, 150
SENTENCE_WORDS, SENTENCE_CHARS = 8, 40


def looks_like_article(paragraphs: list[str]) -> bool:
    """At least a short news item: enough text, and one line that reads as a sentence."""
    words = sum(len(p.split()) for p in paragraphs)
    chars = sum(len(p) for p in paragraphs)
    sentence = any(
        len(p.split()) >= SENTENCE_WORDS or (len(p) >= SENTENCE_CHARS and " " not in p)
        for p in paragraphs
    )
    return (words >= MIN_WORDS or (chars >= MIN_CHARS and words < chars / 20)) and sentence


def clean_generic(
    page: str | bytes, root, meta: PageMeta, url: str | None, site: Site | None = None
) -> Article | None:
    """The article by trafilatura and the text rules; None when nothing is left."""
    import trafilatura  # slow to import: only pages that need it pay for it

    text = trafilatura.extract(
        page,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,  # tables hold text on many real pages (results, prices)
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        return None
    article = read_metadata(root, site or GENERIC, meta, url)
    article.outlet = site.name if site else (host_of(url) or None)
    article.method = "generic"
    # trafilatura keeps nbsp and runs of spaces inside its lines: the format allows neither.
    lines = [Line(line) for line in map(collapse, text.split("\n")) if line]
    rules = site.rules if site else ()
    body = build_body(lines, rules=rules, dateline=site.dateline if site else None,
                      title=article.title)  # fmt: skip
    if not looks_like_article(body.paragraphs):
        return None
    apply_captured(article, body.captured)
    article.paragraphs = body.paragraphs
    return article
