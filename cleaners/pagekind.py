"""Is this page an article at all? Decided from what the page says of itself, not from its URL.

About, contact, privacy, "Pedoman Media Siber", redaction, advertising-rate, tag, section, author,
gallery-only and video-only pages share no words in their addresses, but they do say what they are:
JSON-LD types them (AboutPage, CollectionPage, ProfilePage), WordPress marks the body of a static
page `page` and of a post `single-post`, og:type names a video or a profile, and none of them has a
publication date. The strongest signal that speaks wins; a page that says nothing is an article,
for the body finder to judge.
"""

from __future__ import annotations

import re

from lxml import html

from .indexpage import MACHINE_DATE, MIN_SUMMED, has_story, index_teasers, main_region
from .metadata import PageMeta
from .sitepage import opens_with_dateline, site_page_contents, text_lines

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
    "liveblogposting", "report", "satiricalarticle", "socialmediaposting",
})  # fmt: skip
# Types a page gives itself when it is not a story (WebPage alone says nothing either way).
NOT_ARTICLE_TYPES = frozenset({
    "aboutpage", "contactpage", "collectionpage", "profilepage", "searchresultspage",
    "itempage", "faqpage", "imagegallery", "mediagallery", "videogallery", "checkoutpage",
    "videoobject",  # alone (no article type beside it): a video page
})  # fmt: skip
# WordPress body classes: a post is `single single-post postid-N`; everything else has its own.
WP_POST = frozenset({"single-post", "single-format-standard", "single-format-gallery"})
WP_NOT_POST = frozenset({
    "page", "page-template-default", "archive", "category", "tag", "author", "search",
    "search-results", "home", "blog", "error404", "attachment", "post-type-archive",
})  # fmt: skip
NOT_ARTICLE_OG = ("video", "profile", "book", "music")  # og:type prefixes
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "date", "dc.date", "dc.date.issued", "content_publisheddate",
)  # fmt: skip


def not_article_reason(root: html.HtmlElement, meta: PageMeta) -> str | None:
    """Why the page is not an article, in a few words; None when it is one (or says nothing)."""
    types = meta.ld_types()
    classes = _body_classes(root)
    # A claim to be an article (JSON-LD, WordPress' post class) silences what the page's head and
    # body class say, not what it holds: careless themes type their tag pages NewsArticle, and an
    # outlet may post its rate card as a post.
    claimed = bool(types & ARTICLE_TYPES or classes & WP_POST)
    if not claimed and (reason := _declared_kind(root, meta, types, classes)):
        return reason
    main = main_region(root)
    undated = not _has_date(root, meta)
    if teasers := index_teasers(root, undated=undated, main=main):
        return f"an index of {teasers} article teasers without a story of its own, not an article"
    # a writer's page: its teasers' <time>s date them, not the page, whose head gives no date
    writer = not _head_date(meta) and writer_heading(root, meta)
    if writer and (teasers := index_teasers(root, undated=True, main=main, fewest=MIN_SUMMED)):
        return f"a writer's page ({writer}) of {teasers} article teasers, not an article"
    if what := site_page_contents(main):
        return f"a page about the site ({what}) without a dateline, not an article"
    if (heading := _static_heading(root, meta)) and not _has_dateline(main):
        return f"a site page ({heading}) without a dateline, not an article"
    return None


def _declared_kind(
    root: html.HtmlElement, meta: PageMeta, types: set[str], classes: set[str]
) -> str | None:
    """What a page that makes no claim to be an article says it is instead."""
    named = types & NOT_ARTICLE_TYPES
    if named == {"videoobject"} and has_story(root):
        named = set()  # a story with its video embedded (CNN-style), not a video page
    if named:
        return f"the page calls itself {_pretty(named)} (JSON-LD), not an article"
    if named := classes & WP_NOT_POST:
        return f"a WordPress {_pretty(named)} page, not a post"
    og = (meta.first("og:type") or "").lower()
    if og.startswith(NOT_ARTICLE_OG):
        return f"og:type {og}, not an article"
    # Weak alone (corporate news pages look like this too): only with a static page's name.
    undated = not _has_date(root, meta) and not _article_element(root)
    if undated and (heading := _static_heading(root, meta)):
        return f"a site page ({heading}) without a publication date, not an article"
    return None


def _has_dateline(main: html.HtmlElement) -> bool:
    return opens_with_dateline(text_lines(main))


# What media sites call the pages about themselves and their indexes (the whole headline, not the
# URL): Indonesian and English, as the same CMS serves both; the press council's guideline comes
# in several wordings ("Pedoman Media Siber", "Pedoman Pemberitaan Media Siber", "Pedoman Siber").
_STATIC_NAME = (
    r"(?:tentang(?: kami)?|about(?: us)?|kontak(?: kami)?|hubungi kami|contact(?: us)?|"
    r"(?:susunan |struktur |tim |alamat |dewan )?redaksi|redaksional|"
    r"pedoman(?: pemberitaan| penulisan)?(?: media)? (?:siber|cyber|online)|pedoman (?:pemberitaan|"
    r"hak jawab|ramah anak)|(?:standar perlindungan (?:profesi )?wartawan)|"
    r"kebijakan (?:privasi|redaksi|cookie|editorial)|privacy policy|cookie policy|disclaimer|"
    r"penafian|syarat(?: dan|&) ketentuan|ketentuan (?:layanan|penggunaan)|"
    r"terms(?: of (?:use|service))?|(?:info|tarif|harga|pasang) iklan|iklan|rate ?card|media kit|"
    r"advertis(?:e|ing)(?: with us)?|(?:kerja ?sama|kemitraan)(?: iklan)?|karir|karier|careers?|"
    r"lowongan(?: kerja)?|kode etik(?: jurnalistik)?|(?:profil|visi(?: dan|&) misi)(?: perusahaan)?|"
    r"faq|bantuan|help|sitemap|peta situs|indeks(?: berita| artikel)?|arsip(?: berita)?|"
    r"berita terkini|terpopuler)"
)
# One name, or two joined ("Info Iklan & Kerja Sama", "Tentang Kami dan Redaksi").
STATIC_HEADING = re.compile(rf"^{_STATIC_NAME}(?:\s*(?:dan|&|/|\|)\s*{_STATIC_NAME})?$", re.I)
# Words a short heading holds only on a page about the site ("Rate Card Iklan Digital", "Susunan
# Redaksi dan Manajemen"); a news headline says them in a sentence, under a dateline.
SITE_HEADING = re.compile(
    r"\b(?:rate\s*card|media\s*kit|(?:info|tarif|harga)\s+(?:pasang\s+|pemasangan\s+)?iklan|"
    r"pemasangan\s+iklan|(?:susunan|struktur)\s+redaksi|tentang\s+kami|hubungi\s+kami|kontak\s+kami)\b",
    re.I,
)
SITE_HEADING_WORDS = 6
# What may follow the page's name in its heading: the site's own name ("Redaksi Kontan.co.id").
YEAR_SUFFIX = re.compile(r"\s*(?:[-|–:]\s*)?(?:tahun\s+)?(?:19|20)\d{2}\s*$", re.I)
SITE_SUFFIX = re.compile(r"\s*(?:[-|–:]\s*)?(?:[\w-]+\.)+(?:com|co\.id|id|net|org|tv)\s*$", re.I)


def _static_heading(root: html.HtmlElement, meta: PageMeta) -> str | None:
    """The page's heading when it names a static page: the first <h1> outside the page's header
    and menus (where themes put the site's name), or, when that is empty (a logo) or missing,
    the <title> before its ` - Site` part."""
    heading = next((h for h in root.iter("h1") if not _in_page_frame(h)), None)
    text = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    if not text and (title := root.find(".//title")) is not None:
        text = re.split(r"\s+[-|–]\s+", " ".join("".join(title.itertext()).split()))[0]
    text = YEAR_SUFFIX.sub("", SITE_SUFFIX.sub("", text))  # "Rate Card Kontan.co.id 2025"
    if site_name := meta.first("og:site_name"):
        # the site's name as given, or without its domain ending ("Kontan" of "Kontan.co.id")
        for name in dict.fromkeys((site_name, site_name.split(".")[0])):
            text = re.sub(rf"\s*(?:[-|–:]\s*)?{re.escape(name)}$", "", text, flags=re.I)
        text = YEAR_SUFFIX.sub("", text)
    if STATIC_HEADING.match(text):
        return text
    short = len(text.split()) <= SITE_HEADING_WORDS
    return text if short and SITE_HEADING.search(text) else None


# A writer's role beside their name, as an author page's head says it: `Rina Ayu Lestari -
# Penulis Tribunnews.com`, `Penulis: Rina Ayu Lestari`, `Artikel oleh Rina Ayu Lestari`.
WRITER_ROLE = r"(?:penulis|wartawan|wartawati|reporter|jurnalis|kontributor|koresponden|pewarta|author|editor|redaktur)"
PERSON_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s[A-Z][\w.'’-]*){1,3}$")


def writer_heading(root: html.HtmlElement, meta: PageMeta) -> str | None:
    """The page's heading when it is a person's name and the page's head calls that person a
    writer (its <title>, og:title or description): the page is about a writer, its list their
    articles. A story's headline is no bare name, nor does its head give its writer's role."""
    heading = next((h for h in root.iter("h1") if not _in_page_frame(h)), None)
    name = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    if not PERSON_NAME.match(name) or any(ch.isdigit() for ch in name):
        return None
    title = root.find(".//title")
    heads = [meta.first("og:title"), meta.first("description", "og:description"),
             " ".join(title.itertext()) if title is not None else None]  # fmt: skip
    said = re.compile(
        rf"{re.escape(name)}\s*[-|–:,(]?\s*{WRITER_ROLE}\b|\b{WRITER_ROLE}\s*(?::|oleh)?\s*"
        rf"{re.escape(name)}|\b(?:artikel|berita|tulisan)\s+(?:dari|oleh)\s+{re.escape(name)}",
        re.I,
    )
    return name if any(h and said.search(" ".join(h.split())) for h in heads) else None


def _in_page_frame(element: html.HtmlElement) -> bool:
    """Whether the element sits in the page's menus, its footer, or its own header (a <header>
    outside any <article> and <main>), where themes put the site's name."""
    ancestors = list(element.iterancestors())
    if any(a.tag in ("nav", "footer") for a in ancestors):
        return True
    for k, a in enumerate(ancestors):
        if a.tag == "header":
            return not any(b.tag in ("article", "main") for b in ancestors[k + 1 :])
    return False


def _body_classes(root: html.HtmlElement) -> set[str]:
    body = root.find(".//body") if root.tag != "body" else root
    return set((body.get("class") or "").lower().split()) if body is not None else set()


def _has_date(root: html.HtmlElement, meta: PageMeta) -> bool:
    return _head_date(meta) or bool(root.xpath(MACHINE_DATE))


def _head_date(meta: PageMeta) -> bool:
    return any(meta.first(name) for name in DATE_META) or bool(meta.ld.get("datePublished"))


def _article_element(root: html.HtmlElement) -> bool:
    """An <article> that is not WordPress's wrapper of a static page (`type-page`)."""
    return any("type-page" not in (a.get("class") or "").split() for a in root.iter("article"))


def _pretty(names: set[str]) -> str:
    return sorted(names)[0]
