"""The headline of a page whose <h1> may be the site's name: Blogger and WordPress themes put
the blog's name in <h1> and the post's title in an h2/h3 `post-title`; old portals' logos are
an <h1>. The head (JSON-LD headline, og:title, <title> without its site suffix) says what the
headline is; the heading element that agrees with it is the one the reader sees."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree, html

from .. import html as dom
from ..textutil import collapse
from .head import PageMeta, ld_text

# `Headline - Site`, `Headline | Site`, `Headline – Site`, `Headline :: Site`.
TITLE_SEPARATOR = re.compile(r"\s+(?:-|\||–|—|::|»)\s+")
# `Site: Headline`, `Site | Headline`: the site's name first (Blogger's default <title>).
SITE_PREFIX = re.compile(r"^\s*(.{2,60}?)(?::|\s+(?:-|\||–|—|::|»))\s+(\S.*)$")


_NON_WORD = re.compile(r"\W+")


def _key(text: str | None) -> str:
    return _NON_WORD.sub("", (text or "").casefold())


def site_names(
    meta: PageMeta, url: str | None, root: html.HtmlElement | None = None, byline: bool = False
) -> set[str]:
    """Every way the page names its site, as comparison keys: og:site_name, the <title>'s
    suffix, the host and its first label (`desasukamaju.blogspot.com` → `desasukamaju`), the
    feed's title, a logo linking home, and (unless a `byline` is being judged) the footer's
    rights holder: that one may be a person, a personal blog's writer."""
    names = {_key(meta.first("og:site_name")), _key(ld_text(meta.ld.get("publisher")))}
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    names |= {_key(host), _key(host.split(".")[0])}
    if root is not None:
        if meta.body_names is None:  # one look a page: this is asked for every byline
            meta.body_names = ((*_feed_titles(root), *_logos(root)), tuple(_rights_holders(root)))
        own, rights = meta.body_names
        names |= {_key(n) for n in (*own, *(() if byline else rights))}
    if root is not None and (title := _title_tag(root)):
        parts = TITLE_SEPARATOR.split(title)
        # `Headline - Site`; unless the site's name, known already, comes first (`Site - Headline`)
        if len(parts) > 1 and _key(parts[0]) not in names:
            names.add(_key(parts[-1]))
    return names - {""}


# `<link rel="alternate" type="application/atom+xml" title="Desa Sukamaju - Atom">`: the feed
# is named after the blog (Blogger, WordPress).
_FEED_TITLE = re.compile(r"\s*(?:[-»|]\s*)?(?:atom|rss(?:\s*2\.0)?|feed)\s*$", re.I)


# Compiled once: `root.xpath(string)` compiles its expression on every call.
_FEEDS = etree.XPath("//head/link[@rel='alternate'][contains(@type,'xml')]/@title")
_H1_LINKS = etree.XPath("//h1/a[@href]")
_TITLE_TEXT = etree.XPath("string(//title)")


def _feed_titles(root: html.HtmlElement) -> list[str]:
    found = _FEEDS(root)[:2]
    return [_FEED_TITLE.sub("", str(t)) for t in found if _FEED_TITLE.search(str(t))]


def _logos(root: html.HtmlElement) -> list[str]:
    """An <h1> that is only a link to the home page: the site's logo (blogs' headers)."""
    found = []
    for link in _H1_LINKS(root)[:3]:
        path = urlsplit(link.get("href")).path
        name = dom.text_of(link)
        if path in ("", "/") and name and dom.text_of(link.getparent()) == name:
            found.append(name)
    return found


# `© 2024 Kabar Pesisir. All Rights Reserved.`, `Copyright © 2014 Pemerintah Kabupaten X.`:
# the footer's rights holder is the site, whatever its <title> or host say.
_RIGHTS = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"([^\W\d_][^.|,©]{1,58}?)\s*(?:[.|,]|all rights|hak cipta|$)",
    re.I,
)
_RIGHTS_TEXT = etree.XPath("//body//text()[contains(., '©') or contains(., 'opyright')]")


def _rights_holders(root: html.HtmlElement) -> list[str]:
    found = []
    for node in _RIGHTS_TEXT(root)[-3:]:  # the footer's, at the end of the page
        line = collapse(str(node))
        holder = node.getparent() if not getattr(node, "is_tail", True) else None
        if holder is not None and len(whole := dom.text_of(holder)) <= RIGHTS_LINE:
            line = whole  # `© 2025 <a>Desa Ngargoretno</a>`: the holder in a link
        if match := _RIGHTS.search(line):
            found.append(match.group(1))
    return found


RIGHTS_LINE = 200  # characters: a footer's rights line, not a paragraph


def _title_tag(root: html.HtmlElement) -> str | None:
    found = _TITLE_TEXT(root)  # an etree or an html tree alike
    return collapse(found) or None


MIN_HEADLINE_WORDS = 3  # fewer, beside the site's name: a section (`Berita`, `Artikel`)


def head_headline(root: html.HtmlElement, meta: PageMeta, url: str | None) -> str | None:
    """What the head says the headline is, the site's name cut off."""
    names = site_names(meta, url, root)
    for candidate in (ld_text(meta.ld.get("headline")), meta.first("og:title"), _title_tag(root)):
        if not candidate:
            continue
        if (lead := SITE_PREFIX.match(candidate)) and _key(lead.group(1)) in names:
            candidate = lead.group(2)  # Blogger's `Blog Name: Post Title`
            if len(candidate.split()) < 3:
                continue  # `Site - Berita`: the section's name, not a headline
        parts = TITLE_SEPARATOR.split(candidate)
        while len(parts) > 1 and _key(parts[-1]) in names:
            parts.pop()
        text = collapse(" - ".join(parts)) if len(parts) > 1 else parts[0]
        # A title that is only the site's name says nothing of the article, nor one that is a
        # section's name once the site's is cut (`Artikel - Website Resmi Desa X`).
        cut = len(parts) < len(TITLE_SEPARATOR.split(candidate))
        if _key(text) not in names and not (cut and len(text.split()) < MIN_HEADLINE_WORDS):
            return collapse(candidate[: _prefix_end(candidate, parts)])
    return None


def _prefix_end(candidate: str, parts: list[str]) -> int:
    """Where the kept parts end in the original text (separators inside a headline stay)."""
    end = 0
    for part in parts:
        end = candidate.index(part, end) + len(part)
    return end


def is_site_name(
    text: str | None, meta: PageMeta, url: str | None, root=None, byline: bool = False
) -> bool:
    """Whether `text` is a way the page names its site. A heading (not a byline) is also the
    site's name when that name is the site's longer one without its lead words: `Desa
    Ngargoretno` in <h1>, `Website Desa Ngargoretno` in the <title>, `Pemerintah Desa
    Ngargoretno` in the footer. A `byline` of two words or more that is the site's name cut
    short at its end counts too: a blog's account named after the blog (`Kabar Desa` on `Kabar
    Desa Banyuwangi`) posts for everyone."""
    key = _key(text)
    names = site_names(meta, url, root, byline) if key else set()
    if key in names:
        return True
    if byline:
        return len((text or "").split()) >= 2 and any(n.startswith(key) for n in names)
    return len(key) >= SHORT_NAME and any(n.endswith(key) for n in names)


SHORT_NAME = 8  # characters of a key: shorter (`berita`, `news`) ends many a site's name


def agreeing_heading(root: html.HtmlElement, headline: str) -> html.HtmlElement | None:
    """The heading element (h1-h4) whose text is the
    head's headline; the first in the page (sidebars repeat titles after the post)."""
    want = _key(headline)
    for element in root.iter("h1", "h2", "h3", "h4"):
        if _key(dom.text_of(element)) == want:
            return element
    return None
