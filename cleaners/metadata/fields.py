"""Every field of an article but its body: JSON-LD, meta tags, then the outlet's markup."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urljoin, urlsplit

from lxml import html

from .. import html as dom
from ..article import Article
from ..dates import parse_date
from ..rules import Captured
from ..site import Site
from ..textutil import collapse, dedupe
from ..urls import canonical_url
from .desks import is_person, split_people
from .head import PageMeta, ld_list, ld_people, ld_text
from .headline import agreeing_heading, head_headline, is_site_name
from .images import images
from .people import abbreviates, one_name_each, same_person

# Meta names that hold the publication date on any page. Outlets' own names (`date_meta` of
# each Site) are read after these, so known pages of another outlet on the same CMS get their
# date on the generic path too.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "datepublished",
)  # fmt: skip (the last: `<meta itemprop=datePublished>`)


@cache
def outlet_date_meta() -> tuple[str, ...]:
    """Every registered outlet's own date meta names, in registry order."""
    from ..sites import SITES  # the registry imports the Site shape, not this module

    return tuple(dict.fromkeys(n for site in SITES for n in site.date_meta))


def read_metadata(
    root: html.HtmlElement, site: Site, meta: PageMeta, url: str | None, body=None, headline=None
) -> Article:
    """Every field but the body: JSON-LD, then meta tags, then the outlet's markup; except the
    title, where the page's visible headline comes first (JSON-LD `headline` and og:title are
    often shortened or SEO-worded; the reader sees the <h1>). The title, first found wins:
    1. the outlet's headline element (`site.title`, `<h1>` on the generic path), unless its
       text is the site's name (a blog's or an old portal's logo);
    2. else the h1-h4 heading that agrees with what the head says (`head_headline`);
    3. that head headline itself: JSON-LD `headline`, og:title or <title>, the site's name cut;
    4. JSON-LD `headline` as it stands, then og:title without its ` - Site` suffix (reached
       when the headline element is there but empty).
    `headline`: the headline element, when the caller has looked it up already."""
    ld = meta.ld
    ld_authors = _ld_authors(ld)
    if headline is None:
        headline = dom.select_one(root, site.title, likely=True)
    head = None
    if headline is None or is_site_name(dom.value_of(headline), meta, url, root):
        # A blog's or an old layout's name in <h1>: the head knows the headline, and the
        # heading that agrees with it is the post's own.
        head = head_headline(root, meta, url)
        headline = agreeing_heading(root, head) if head else None
    first = lambda selectors: dom.value_of(dom.select_one(root, selectors))  # noqa: E731
    article = Article(
        url=canonical_url(url, switch=site.whole_article) if url else _canonical_from_page(meta),
        outlet=site.name,
        title=dom.value_of(headline) or head or ld_text(ld.get("headline")) or _og_title(meta),
        published=_date(
            ld.get("datePublished"),
            *(meta.first(n) for n in site.date_meta),
            meta.first(*DATE_META, *outlet_date_meta()),
        )
        or _markup_date(root, site.date, headline),  # the markup only when the head is silent
        updated=_date(
            ld.get("dateModified"), meta.first("article:modified_time", "og:updated_time")
        ),
        authors=ld_authors
        or _texts(root, site.authors)
        or ld_people(ld.get("author"))
        or microdata_people(root, "author"),
        editor=(ld_people(ld.get("editor")) or [None])[0]
        or first(site.editor)
        or (microdata_people(root, "editor") or [None])[0],
        section=ld_text(ld.get("articleSection"))
        or meta.first("article:section")
        or _last(root, site.section),
        # The page's own tags first: SEO plugins fill JSON-LD keywords with focus keywords.
        tags=_tags(
            meta.all("article:tag") or _texts(root, site.tags) or ld_list(ld.get("keywords"))
        ),
        description=meta.first("description", "og:description")
        or ld_text(ld.get("description"))
        or first(site.description),
        images=images(root, site, meta, url, body, headline),
        method="site",
    )
    if article.editor and not ld_authors:
        # Names the outlet's byline markup gave: its editor's link is no author (the page's
        # JSON-LD or meta author naming the editor would be the page's own word, and is kept).
        article.authors = [a for a in article.authors if not same_person(a, article.editor)]
    if any(is_site_name(a, meta, url, root, byline=True) for a in article.authors):
        # JSON-LD or a byline naming the publication (`Patrazone`): the outlet is nobody's byline
        article.authors = [
            a for a in article.authors if not is_site_name(a, meta, url, root, byline=True)
        ]
    if not article.authors and (author := meta.first("author")):
        # `<meta name="author" content="CNN Indonesia">`: the outlet itself is nobody's byline.
        article.authors = [
            n for n in ld_people(author) if not is_site_name(n, meta, url, root, byline=True)
        ]
    return article


# Microdata scopes whose `author` is not the article's: a comment's, a review's.
_OTHER_SCOPES = re.compile(r"comment|review|question|answer", re.I)
MICRODATA_NAME = 60  # characters: an itemprop holding more is a box, not a name


def microdata_people(root: html.HtmlElement, prop: str) -> list[str]:
    """The names the page's microdata gives as `author` or `editor` (`<span itemprop="author">
    <a>NAME</a></span>`, `itemprop="author" itemscope` with its `name` inside): the page's own
    word on who wrote and who edited, as JSON-LD is, where it has none. A comment's author is
    not the article's; a URL is nobody's name."""
    names: list[str] = []
    path = f"//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' {prop} ')]"
    for element in root.xpath(path):
        if any(_OTHER_SCOPES.search(a.get("itemtype") or a.get("itemprop") or "")
               for a in element.iterancestors()):  # fmt: skip
            continue
        named = element.xpath(".//*[@itemprop='name']")
        value = dom.value_of(named[0] if named else element) or ""
        if value and len(value) <= MICRODATA_NAME and "://" not in value:
            names += ld_people(value)
    return dedupe(names)


def _ld_authors(ld: dict) -> list[str]:
    """The persons JSON-LD names as authors. A login (`admin`) or a desk there is whoever posted
    the story: the theme's byline markup, when it names a person, is surer (a login alone is
    kept, for `split_people` to judge: an office there is the source)."""
    return [n for n in ld_people(ld.get("author")) if is_person(n)]


def apply_captured(article: Article, captured: Captured) -> None:
    """Bylines, editors and sources found in the text join what the page's metadata said: each
    person once, under their fullest name (`people`)."""
    article.editor = article.editor or captured.editor
    if _only_the_editor(article.authors, captured):
        article.authors = []  # `Red: B` the text's one byline, JSON-LD's author B: who posted it
    # `Penulis : X` … `Editor : X`: the text itself calls its editor a writer too
    also_writer = article.editor is not None and any(
        same_person(a, article.editor) for a in captured.authors if a not in captured.by
    )
    article.authors, codes = one_name_each(
        _not_the_editor(article.authors, captured),
        captured.authors,
        [n for n in captured.signed if not _names_the_outlet(n, article)],
        None if also_writer else article.editor,
    )
    article.initials = dedupe(captured.initials + codes)
    # `admin`, `Tim Redaksi` are nobody; `Humas Pemkab X` is where the text comes from
    article.authors, office = split_people(article.authors)
    article.source = article.source or captured.source or office
    if article.source and _is_own_host(article.source, article):
        article.source = None  # `(Sumber : Riau24.com)` on riau24.com: the outlet, no origin
    if captured.photos:  # a photo story: every photo, its credit in its caption, after the lead
        base = article.url or ""
        photos = [{**p, "url": urljoin(base, p["url"]) if p["url"] else None}
                  for p in captured.photos]  # fmt: skip
        shown = {p["url"] for p in photos}
        article.images = [i for i in article.images if i["url"] not in shown] + photos
    elif article.images and not article.images[0]["caption"] and captured.caption:
        article.images[0]["caption"] = captured.caption


def _names_the_outlet(name: str, article: Article) -> bool:
    """`(Patrazone/Yosua)`, `(Okezone/Bima)`: the sign-off's word that is the page's own host or
    outlet names the publication, nobody's byline."""
    key = re.sub(r"[\s.]+", "", name.casefold()).removesuffix("com")
    host = urlsplit(article.url or "").hostname or ""
    return bool(key) and (key == (article.outlet or "").casefold() or key in host.split("."))


_SAME_SITE_HOSTS = re.compile(r"^(?:www|m|mobile|amp)\.")


def _is_own_host(name: str, article: Article) -> bool:
    """A source naming the page's own site (`Riau24.com` on m.riau24.com), not a sister host
    that is an outlet of its own (`Tribunnews.com` on surabaya.tribunnews.com)."""
    key = re.sub(r"\s+", "", name.casefold())
    host = _SAME_SITE_HOSTS.sub("", urlsplit(article.url or "").hostname or "")
    return bool(host) and key in (host, host.split(".")[0])


def _only_the_editor(names: list[str], captured: Captured) -> bool:
    """The text names its editor and no writer (`Red: Budi | Sumber: Antara`, a wire story an
    editor put up), and the page's authors are that editor: the CMS's poster, no writer."""
    editor = captured.editor
    if not editor or not names or captured.authors or captured.signed:
        return False
    return all(same_person(n, editor) for n in names)


def _not_the_editor(names: list[str], captured: Captured) -> list[str]:
    """The page's authors without the one its text names as editor, when the text names its
    writer too (`Reporter: A` … `Editor: B`) and gives the editor no writer's role (`Penulis:
    B`): a WordPress post's author, and so its JSON-LD author and the theme's "Oleh B", is
    whoever posted it, often the desk's editor."""
    editor = captured.editor
    if not editor or all(same_person(a, editor) for a in captured.authors):
        return names
    if any(same_person(a, editor) for a in captured.authors if a not in captured.by):
        return names  # the text calls the editor a writer too (`Penulis: B` … `Editor: B`)
    return [n for n in names if not (same_person(n, editor) or abbreviates(n, editor)
                                     or abbreviates(editor, n))]  # fmt: skip


def _texts(root: html.HtmlElement, selectors: tuple[str, ...]) -> list[str]:
    return dedupe([dom.text_of(e) for e in dom.select(root, selectors)])


def _og_title(meta: PageMeta) -> str | None:
    """og:title without the ` - Site` / ` | Site` some outlets append."""
    title, site_name = meta.first("og:title"), meta.first("og:site_name")
    if title and site_name:
        title = re.sub(rf"\s[-|–]\s{re.escape(site_name)}$", "", title, flags=re.I)
    return title


def _tags(tags: list[str]) -> list[str]:
    """`#Pupuk Subsidi` is the tag `Pupuk Subsidi`."""
    return dedupe([collapse(t.lstrip("#")) for t in tags])


def _last(root: html.HtmlElement, selectors: tuple[str, ...]) -> str | None:
    found = [t for t in (dom.text_of(e) for e in dom.select(root, selectors)) if t]
    return found[-1] if found else None


def _date(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if parsed := parse_date(candidate):
            return parsed
    return None


def _markup_date(root: html.HtmlElement, selectors: tuple[str, ...], headline) -> str | None:
    """The date the outlet's date markup gives: of its matches that hold a date, the one nearest
    the headline (a sidebar's or a teaser's `<time>` may come first in the page)."""
    found = [e for e in dom.select(root, selectors) if not _in_teaser(e)]
    dated = [(e, d) for e in found if (d := parse_date(dom.value_of(e)))]
    if len(dated) < 2 or headline is None:
        return dated[0][1] if dated else None
    order = {e: i for i, e in enumerate(root.iter())}
    at = order.get(headline, 0)
    # the nearest; of two as near, the one after the headline (where themes print the date)
    nearest = min(dated, key=lambda p: (abs(order.get(p[0], 0) - at), order.get(p[0], 0) < at))
    return nearest[1]


TEASER_WORDS = 5  # a linked headline beside a date: another article's teaser
TEASER_CHARS = 300  # a teaser (headline, date, a line of summary) is no longer


def _in_teaser(element: html.HtmlElement) -> bool:
    """A date beside another article's linked headline, in a small box (a ticker's item, a
    sidebar's `Terkini`): that article's date, not the page's. (A theme's own meta list, `<ul
    class="meta"><li><time>`, holds no headline.)"""
    for level, ancestor in enumerate(element.iterancestors()):
        if level >= 3 or ancestor.tag in ("body", "article", "main"):
            return False
        if len(dom.text_of(ancestor)) > TEASER_CHARS:
            return False  # a box bigger than a teaser: the page's own header or body
        if any(len(dom.text_of(a).split()) >= TEASER_WORDS for a in ancestor.iter("a")):
            return True
    return False


def _canonical_from_page(meta: PageMeta) -> str | None:
    url = meta.first("og:url") or ld_text(meta.ld.get("url"))
    return canonical_url(url) if url and url.startswith("http") else None
