"""A mirror of the outlets built from the page fixtures: every fixture page at its URL, the
outlets' discovery documents (as their `Site.sources` name them) listing those articles, robots.txt
per host, one non-article page, and optionally thousands of generated articles for benchmarks and
the demo. `python -m scraper.mirror.build OUT [--synthetic N]`, then `python -m scraper.mirror OUT`.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from cleaners.fixtures import ROOT as FIXTURES_ROOT
from cleaners.fixtures import page_fixtures, split_fixtures
from cleaners.site import Site
from cleaners.sites import BY_NAME, SITES
from cleaners.textutil import collapse
from cleaners.urls import canonical_url, with_query

from .files import MirrorWriter
from .synthetic import synthetic_articles

log = logging.getLogger(__name__)
INFO = "info.json"
WIB = timezone(timedelta(hours=7))
UNDATED = datetime(2025, 1, 1, 8, 0, tzinfo=WIB)  # for a fixture whose date cannot be read
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
PER_CHILD = 1000  # URLs per child sitemap of an index
FEED_ITEMS = 50  # a feed holds the latest items only, when a sitemap lists the rest
DISALLOW = ("/search/", "/wp-admin/", "/api/")
NON_ARTICLE_SLUG = "tag/kim-jong-un"


@dataclass
class MirrorInfo:
    """What a built mirror holds, for tests to know what a crawl of it should find."""

    root: Path
    # canonical URL -> fixture dir (of a split article: the `-all` one, else its split/ fixture)
    articles: dict[str, str | None]
    non_articles: list[str]  # pages listed in discovery that are not articles
    pages: dict[str, str] = field(default_factory=dict)  # URL of each fixture page -> its dir
    discovery: list[str] = field(default_factory=list)  # discovery document URLs

    def save(self) -> None:
        data = {k: v for k, v in vars(self).items() if k != "root"}
        (self.root / INFO).write_text(json.dumps(data, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, root: Path | str) -> MirrorInfo:
        data = json.loads((Path(root) / INFO).read_text(encoding="utf-8"))
        return cls(Path(root), **data)


@dataclass(frozen=True)
class Listed:
    """An entry of the discovery documents."""

    url: str
    title: str
    published: datetime
    article: bool = True


@dataclass(frozen=True)
class Page:
    """One fixture folder."""

    dir: Path
    url: str  # as source.json gives it
    site: Site

    @property
    def page(self) -> str | None:
        return self.site.page_of(self.url)

    def meta(self) -> tuple[str, datetime]:
        """Title and publication date: from expected.json, else read off the page."""
        expected = self.dir / "expected.json"
        if expected.exists():
            data = json.loads(expected.read_text(encoding="utf-8"))
            if data.get("title"):
                return data["title"], _date(data.get("published"))
        text = (self.dir / "page.html").read_text(encoding="utf-8", errors="replace")
        title = _meta(text, "og:title") or _first(r"<title[^>]*>(.*?)</title>", text) or self.url
        return collapse(title), _date(_meta(text, "article:published_time"))


def build_mirror(out: Path, fixtures: Path = FIXTURES_ROOT, outlets: Iterable[str] | None = None, *,
                 synthetic: int = 0, seed: int = 0) -> MirrorInfo:  # fmt: skip
    """Write the mirror into `out` and return what it holds."""
    out = Path(out)
    sites = [BY_NAME[name] for name in outlets] if outlets is not None else list(SITES)
    info = MirrorInfo(out, {}, [])
    listed: dict[str, list[Listed]] = {site.name: [] for site in sites}
    with MirrorWriter(out) as writer:
        for site in sites:
            merged = {f.url: f.path for f in split_fixtures(Path(fixtures), site.name)}
            for group in _articles(Path(fixtures), site):
                listed[site.name].append(_add_article(writer, site, group, info, merged))
        if synthetic:
            singles = {s.name: [g[0] for g in _articles(Path(fixtures), s) if len(g) == 1]
                       for s in sites}  # fmt: skip
            made = synthetic_articles(sites, singles, synthetic, seed, writer)
            for site, url, title, published in made:
                listed[site.name].append(Listed(url, title, published))
                info.articles[url] = None
        if sites:
            entry = _add_non_article(writer, sites[0], listed[sites[0].name])
            listed[sites[0].name].append(entry)
            info.non_articles.append(entry.url)
        for site in sites:
            info.discovery += _add_discovery(writer, site, listed[site.name])
        _add_robots(writer, sites)
    info.save()
    return info


# --- fixture articles ---------------------------------------------------------------------------


def _articles(fixtures: Path, site: Site) -> list[list[Page]]:
    """The outlet's fixture pages grouped by article: one page, or the pages of a split one.
    Folders still being written (no source.json yet) are skipped."""
    groups: dict[str, list[Page]] = {}
    for fixture in page_fixtures(fixtures, site.name):
        if not (fixture.path / "source.json").exists():
            continue
        page = Page(fixture.path, fixture.url, site)
        groups.setdefault(site.article_key(page.url), []).append(page)
    # A lone page 2 of a split article (a cleaner fixture) is no article a site would list.
    return [g for g in groups.values() if any(p.page in (None, "1", "all") for p in g)]


def _add_article(writer: MirrorWriter, site: Site, group: list[Page], info: MirrorInfo,
                 merged: dict[str | None, Path]) -> Listed:  # fmt: skip
    """Serve the article's pages; `merged` maps canonical URLs to split fixtures (what the
    pages of an article with no whole view merge to)."""
    canonical = site.article_key(group[0].url)
    for page in group:
        # canonical_url keeps `page=N` but drops `page=all`, which the -all view is served at.
        url = with_query(canonical, page="all") if page.page == "all" else canonical_url(page.url)
        writer.add(url, (page.dir / "page.html").read_bytes())
        info.pages[url] = str(page.dir)
    whole = next((p for p in group if p.page == "all"), None)
    first = next((p for p in group if p.page in (None, "1")), group[0])
    if whole is not None and first is whole:  # only the whole view is known: serve it as page 1
        writer.alias(canonical, with_query(canonical, page="all"))
    elif site.whole_article and len(group) == 1:  # the real site answers it for any article
        writer.alias(with_query(canonical, **site.whole_article), canonical_url(first.url))
    golden = merged.get(canonical) if whole is None and len(group) > 1 else None
    info.articles[canonical] = str(golden or (whole or first).dir)
    return Listed(canonical, *(whole or first).meta())


def _add_non_article(writer: MirrorWriter, site: Site, articles: list[Listed]) -> Listed:
    """A tag listing page: links to headlines, no article. The crawler must not store it."""
    url = site.home + NON_ARTICLE_SLUG
    items = "".join(f'<li><a href="{html.escape(a.url)}">{html.escape(a.title)}</a></li>\n'
                    for a in articles[:20])  # fmt: skip
    page = (f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
            f"<title>Berita Kim Jong Un Terbaru Hari Ini</title></head>\n<body><h1>Kim Jong Un</h1>"
            f'\n<ul class="lsi">\n{items}</ul></body></html>\n')  # fmt: skip
    writer.add(url, page)
    newest = max((a.published for a in articles), default=UNDATED)
    return Listed(url, "Berita Kim Jong Un Terbaru Hari Ini", newest, article=False)


# --- discovery documents ------------------------------------------------------------------------


def _add_discovery(writer: MirrorWriter, site: Site, listed: list[Listed]) -> list[str]:
    """The outlet's sources, each listing every article once (feeds only the latest when a
    sitemap lists the rest). Returns the documents' URLs."""
    entries = sorted(listed, key=lambda e: e.published, reverse=True)
    articles = [e for e in entries if e.article]
    has_sitemap = any(s.kind in ("sitemap", "news_sitemap") for s in site.sources)
    publication = site.publication_name
    urls = []
    for source in site.sources:
        if source.kind == "news_sitemap":
            writer.add(source.url, _urlset(entries, publication), XML)
        elif source.kind == "sitemap":
            news = site.news_sitemap_children
            children = _chunks(entries, PER_CHILD)
            child_urls = [_child_url(source.url, i + 1, news) for i in range(len(children))]
            for child_url, chunk in zip(child_urls, children, strict=True):
                writer.add(child_url, _urlset(chunk, publication if news else None), XML)
            writer.add(source.url, _sitemapindex(child_urls, children), XML)
            urls += child_urls
        elif source.kind == "feed":
            items = articles[:FEED_ITEMS] if has_sitemap else articles
            writer.add(source.url, _rss(site, items), RSS)
        else:  # index pages name today's date and their own markup: not mirrored
            continue
        urls.append(source.url)
    return urls


def _chunks(entries: list[Listed], size: int) -> list[list[Listed]]:
    """Two children when there are two entries or more (crawlers must follow an index), more
    when a child would exceed `size`."""
    count = max(min(2, len(entries)), -(-len(entries) // size), 1)
    step = -(-len(entries) // count) or 1
    return [entries[i * step : (i + 1) * step] for i in range(count)]


def _child_url(index_url: str, number: int, news: bool) -> str:
    if index_url.endswith("wp-sitemap.xml"):  # WordPress core's own names
        return index_url.replace("wp-sitemap.xml", f"wp-sitemap-posts-post-{number}.xml")
    return re.sub(r"\.xml$", f"-{'news' if news else 'posts'}-{number}.xml", index_url)


_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _urlset(entries: list[Listed], publication: str | None) -> str:
    """A sitemap urlset; with `publication`, a Google News sitemap."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f"<urlset {_SITEMAP_NS}{' ' + _NEWS_NS if publication else ''}>\n"]  # fmt: skip
    for e in entries:
        out.append(f"<url><loc>{escape(e.url)}</loc>")
        if publication:
            out.append(
                f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
                f"<news:language>id</news:language></news:publication><news:publication_date>"
                f"{e.published.isoformat()}</news:publication_date><news:title>{escape(e.title)}"
                "</news:title></news:news>"
            )
        else:
            out.append(f"<lastmod>{e.published.isoformat()}</lastmod>")
        out.append("</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def _sitemapindex(child_urls: list[str], children: list[list[Listed]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f"<sitemapindex {_SITEMAP_NS}>\n"]
    for url, chunk in zip(child_urls, children, strict=True):
        lastmod = max((e.published for e in chunk), default=UNDATED).isoformat()
        out.append(f"<sitemap><loc>{escape(url)}</loc><lastmod>{lastmod}</lastmod></sitemap>\n")
    out.append("</sitemapindex>\n")
    return "".join(out)


def _rss(site: Site, items: list[Listed]) -> str:
    name = site.publication_name
    built = format_datetime(max((e.published for e in items), default=UNDATED))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n',
           f"<title>{escape(name)}</title><link>{escape(site.home)}</link>"
           f"<description>Berita terbaru {escape(name)}</description><language>id</language>"
           f"<lastBuildDate>{built}</lastBuildDate>\n"]  # fmt: skip
    for e in items:
        out.append(f"<item><title>{escape(e.title)}</title><link>{escape(e.url)}</link>"
                   f'<guid isPermaLink="true">{escape(e.url)}</guid>'
                   f"<pubDate>{format_datetime(e.published)}</pubDate></item>\n")  # fmt: skip
    out.append("</channel></rss>\n")
    return "".join(out)


def _add_robots(writer: MirrorWriter, sites: list[Site]) -> None:
    """robots.txt for every host the mirror serves: articles and discovery allowed, a search
    path disallowed (never one a source lives under), the host's sitemaps named."""
    hosts = sorted({key.split("/", 1)[0] for key in writer.entries})
    sources = [s for site in sites for s in site.sources]  # dated index pages too
    for host in hosts:
        here = [s for s in sources if (urlsplit(s.url).hostname or "").lower() == host]
        disallow = [
            d for d in DISALLOW if not any(urlsplit(s.url).path.startswith(d) for s in here)
        ]
        lines = ["User-agent: *", *(f"Disallow: {d}" for d in disallow), "Allow: /", ""]
        lines += [f"Sitemap: {s.url}" for s in here if s.kind in ("sitemap", "news_sitemap")]
        writer.add(
            f"https://{host}/robots.txt", "\n".join(lines) + "\n", "text/plain; charset=utf-8"
        )


# --- small helpers ------------------------------------------------------------------------------


def _date(value: str | None) -> datetime:
    try:
        return datetime.fromisoformat(value) if value else UNDATED
    except ValueError:
        return UNDATED


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text, re.I | re.S)
    return html.unescape(match.group(1)) if match else None


def _meta(text: str, prop: str) -> str | None:
    return _first(rf'<meta[^>]+property="{re.escape(prop)}"[^>]+content="([^"]*)"', text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scraper.mirror.build",
                                     description=__doc__.split(". `python")[0] + ".")  # fmt: skip
    parser.add_argument("out", type=Path, help="directory to write the mirror into")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="add N generated articles over the outlets")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fixtures", type=Path, default=FIXTURES_ROOT,
                        help="the fixtures folder (with pages/); default: the repository's")  # fmt: skip
    parser.add_argument("--outlet", action="append", dest="outlets", metavar="NAME",
                        help="only this outlet (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    start = time.monotonic()
    info = build_mirror(args.out, args.fixtures, args.outlets, synthetic=args.synthetic,
                        seed=args.seed)  # fmt: skip
    took = time.monotonic() - start
    print(f"{args.out}: {len(info.articles)} articles, {len(info.discovery)} discovery documents "
          f"in {took:.1f}s; serve it: python -m scraper.mirror {args.out}")  # fmt: skip


if __name__ == "__main__":
    main()
