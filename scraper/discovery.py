"""Reading discovery documents safely: sitemaps, sitemap indexes, Google News sitemaps, RSS and
Atom feeds. No entity is expanded or resolved, no DTD or network is loaded, sizes are capped:
a hostile feed costs one source, never the run."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from lxml import etree

from cleaners.dates import parse_date

MAX_DOCUMENT_BYTES = 50 * 2**20  # the sitemap protocol's own limit, decompressed


class BadDocument(ValueError):
    """A discovery document that cannot be read; the message says why, in one line."""


@dataclass(frozen=True)
class Entry:
    url: str
    date: str | None = None  # ISO 8601, from lastmod / news:publication_date / pubDate
    title: str | None = None


@dataclass(frozen=True)
class Document:
    kind: str  # "sitemapindex", "urlset" or "feed"
    entries: list[Entry]
    truncated: bool = False


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, recover=True, remove_comments=True, remove_pis=True,
    )  # fmt: skip


def gunzip(data: bytes, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Decompress gzip data, stopping at `limit`: a gzip bomb is refused, not inflated."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise BadDocument(f"gzip document larger than {limit // 2**20} MiB once decompressed")
    return out


def read_document(data: bytes, max_entries: int = 50_000) -> Document:
    """Parse a sitemap, sitemap index or feed. Raises BadDocument."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise BadDocument(f"document larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise BadDocument(f"not XML: {error}") from None
    if root is None:
        raise BadDocument("not XML: empty document")
    tag = etree.QName(root).localname.lower()
    if tag in ("sitemapindex", "urlset"):
        entries = _sitemap_entries(root, "sitemap" if tag == "sitemapindex" else "url")
    elif tag in ("rss", "feed", "rdf"):
        tag, entries = "feed", _feed_entries(root)
    else:
        raise BadDocument(f"not a sitemap or feed (root element <{tag}>)")
    return Document(tag, entries[:max_entries], truncated=len(entries) > max_entries)


def _children(element, name: str) -> list:
    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _text(element, *path: str) -> str | None:
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    text = (element.text or "").strip()
    return text or None


def _sitemap_entries(root, item: str) -> list[Entry]:
    entries = []
    for node in _children(root, item):
        loc = _text(node, "loc")
        if not loc:
            continue
        date = _text(node, "news", "publication_date") or _text(node, "lastmod")
        entries.append(Entry(loc, parse_date(date), _text(node, "news", "title")))
    return entries


def _feed_entries(root) -> list[Entry]:
    items = root.iter("{*}item", "{*}entry", "item", "entry")
    entries = []
    for item in items:
        link = _text(item, "link")
        if not link:  # Atom: <link rel="alternate" href="…"/>
            links = [
                lk for lk in _children(item, "link") if lk.get("rel", "alternate") == "alternate"
            ]
            link = links[0].get("href") if links else None
        if not link:
            continue
        date = _text(item, "pubDate") or _text(item, "published") or _text(item, "updated") \
            or _text(item, "date")  # fmt: skip
        entries.append(Entry(link.strip(), _feed_date(date), _text(item, "title")))
    return entries


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        return parse_date(value)
