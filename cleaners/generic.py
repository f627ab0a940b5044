"""The fallback for every other site: trafilatura tuned for precision, then the shared
Indonesian text rules, so an unknown Indonesian outlet comes out cleaner than trafilatura alone."""

from __future__ import annotations

from .article import Article
from .engine import apply_captured, read_metadata
from .lines import Line, build_body, looks_like_article
from .metadata import read_meta
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


def _huge_tree(page: str | bytes):
    """The page parsed once for the whole generic path, without libxml2's default limits
    (depth 256, 10 MB of text) that trafilatura's own parse would keep: a big or deep page
    would lose its article. An lxml.html tree, which trafilatura takes as it is."""
    from lxml import html

    data = page.encode("utf-8") if isinstance(page, str) else page
    parser = html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True,
                             encoding="utf-8" if isinstance(page, str) else None)  # fmt: skip
    try:
        return html.document_fromstring(data, parser=parser)
    except (ValueError, html.etree.ParserError):
        return None  # nothing lxml can read as a document


def clean_generic(page: str | bytes, url: str | None, site: Site | None = None) -> Article | None:
    """The article by trafilatura and the text rules; None when nothing is left."""
    import trafilatura  # slow to import: only pages that need it pay for it

    tree = _huge_tree(page)
    if tree is None:
        return None
    # Metadata first: trafilatura prunes the tree it is given.
    article = read_metadata(tree, site or GENERIC, read_meta(tree), url)
    text = trafilatura.extract(
        tree,
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
    article.outlet = site.name if site else (host_of(url) or None)
    article.method = "generic"
    # trafilatura keeps nbsp and runs of spaces inside its lines: the format allows neither.
    lines = [Line(line) for line in map(collapse, text.split("\n")) if line]
    rules = site.rules if site else ()
    body = build_body(lines, rules=rules, dateline=site.dateline if site else None,
                      title=article.title, signoff=site.signoff if site else None)  # fmt: skip
    if not looks_like_article(body.paragraphs):
        return None
    apply_captured(article, body.captured)
    article.paragraphs = body.paragraphs
    return article
