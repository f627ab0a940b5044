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

from .metadata import PageMeta
from .sitepage import DATELINE, opens_with_dateline, site_page_contents, text_lines

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
    main = _main_region(root)
    if teasers := index_teasers(root, undated=not _has_date(root, meta), main=main):
        return f"an index of {teasers} article teasers without a story of its own, not an article"
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
    if named == {"videoobject"} and _has_story(root):
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


# An index (tag, section, author, daily index): many teasers, each a headline link with its own
# date, and no story outside them. An article's related list is one block beside its story.
MIN_TEASERS = 5
MIN_SUMMED = 3  # teasers that each carry a date and a summary: a short search or label page
SUMMARY_WORDS = 12  # words of an item beside its headline: a one- or two-sentence summary
TEASER_WORDS = 80  # headline, date and blurb: a teaser is no longer
MIN_CARDS = 8  # teasers with a picture but no date: more of them, to be sure
STORY_WORDS = 40  # a story outside the teasers has at least this many words in one block,
STORY_LINES_MIN = 2  # in two lines or more (one paragraph of this size is an index's blurb)
ONE_LINE_STORY = 100  # unless the one paragraph is as long as a short story
NAME_WORDS = 3  # a heading of at most this many words may name a tag, a section or a writer
NAME_PART = 4  # letters: a word of such a name that a bio uses alone ("Rina", "Lestari")
BIO_WORDS = 200  # a bio or a tag's description under its name is shorter; a story is longer
VIDEO_STORY_WORDS = 150  # a video page's blurb is shorter; a story that embeds a video is longer
HEADLINE_WORDS = 3  # a link of fewer words is a menu item or a page number
TEASER_DEPTH = (
    6  # a teaser's date is within this many levels above its headline link (cards nest deep)
)
OUTSIDE_MAIN = ("nav", "header", "footer", "aside")
BLOCK_TAGS = frozenset(("p", "div", "li", "td", "section", "article", "main", "blockquote",
                        "dd", "body", "ul", "ol", "table", "tr", "form", "figure"))  # fmt: skip
MONTHS = (r"jan(?:uari)?|feb(?:ruari)?|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|agu(?:stus)?|"
          r"agt|agu|aug|sep(?:t|tember)?|okt(?:ober)?|oct|nov(?:ember)?|des(?:ember)?|dec|january|"
          r"february|march|may|june|july|august|october|december")  # fmt: skip
# "3 Desember 2025", "Desember 3, 2025", "03/12/2025", "2025-12-03", "2 jam lalu", and a bare
# clock time with its zone ("14:20 WIB"), as same-day teasers give it.
DATE_TEXT = re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS})\.?\s+\d{{4}}\b|\b(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b|"
                       r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|"
                       r"\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu\b|"
                       r"\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b", re.I)  # fmt: skip
# A date for machines: <time>, a `datetime` attribute, schema.org's property, Blogger's
# `<abbr class="published" title="2025-12-01T08:00">08.00</abbr>`.
MACHINE_DATE = (
    ".//time|.//*[@datetime]|.//*[@itemprop='datePublished']|"
    ".//abbr[contains(concat(' ',@class,' '),' published ')]"
)
_MACHINE_DATE = html.etree.XPath(MACHINE_DATE)  # compiled once, not on every call
# Every form of DATE_TEXT holds a digit: text without one is tested no further (a form without
# a digit added to DATE_TEXT must drop this shortcut).
_DIGIT = re.compile(r"\d")
DATE_LINE = 60  # a date stamp beside a teaser is a short text
STORY_LINES = frozenset(("p", "div", "blockquote", "h2", "h3", "h4", "figure"))


def index_teasers(
    root: html.HtmlElement, undated: bool = False, main: html.HtmlElement | None = None
) -> int:
    """How many headline teasers make up the page when it is an index; 0 when it is not. Five
    dated ones, or eight with a picture each (themes that hide dates), or three with a summary
    each, dated or on a page that has no date of its own (an author's or a topic's page whose
    cards hide their dates), and no story beside. `main`: the page's main region, when the
    caller has it."""
    main = _main_region(root) if main is None else main
    aside = _asides(main)
    links = _headline_links(main, aside)
    if (
        len(links) < MIN_SUMMED
        and main.tag == "main"
        and (body := root.find(".//body")) is not None
    ):
        main = body  # a <main> holding only the profile or the heading: the lists stand outside
        aside = _asides(main)
        links = _headline_links(main, aside)
    if len(links) < MIN_SUMMED:
        return 0
    # Headlines under each element near a link, counted once (a list of 10,000 links stays linear).
    headlines: dict[html.HtmlElement, int] = {}
    for link in links:
        for _, ancestor in zip(range(TEASER_DEPTH), link.iterancestors(), strict=False):
            headlines[ancestor] = headlines.get(ancestor, 0) + 1
    # The elements holding a machine-readable date (the ancestors of each, inside the region):
    # one XPath pass for the region, not one for every teaser's item.
    dated_items = {a for d in _MACHINE_DATE(main) for a in d.iterancestors()}
    found = [t for a in links if (t := _teaser_of(a, main, headlines, dated_items)) is not None]
    if undated:  # a list of headlines alone (`<li><a>…</a></li>`) on a page with no date
        teased = {link for _, _, link in found}
        found += [(a.getparent(), False, a) for a in links if a not in teased and _in_list(a)]
    dated = [(item, link) for item, is_dated, link in found if is_dated]
    # A page without a date of its own is no story: its cards count without their dates.
    cards = [(item, link) for item, _, link in found] if undated else dated
    min_cards = MIN_TEASERS if undated else MIN_CARDS
    if len(dated) < MIN_TEASERS and len(found) < min_cards and not _summed(cards):
        return 0
    inside = aside | {e for item, _, _ in found for e in item.iter()}
    name = _list_name(main, inside)
    for block in main.iter(*BLOCK_TAGS):
        if block not in inside and _is_story(block, inside, name):
            return 0
        if block not in inside and block.tag == "p" and DATELINE.match(_own_text(block)):
            return 0  # a story, however short, opens with its dateline; an index has none
    return len(found)


def _summed(cards: list[tuple[html.HtmlElement, html.HtmlElement]]) -> bool:
    """Whether MIN_SUMMED of the cards carry a summary beside their headline (counted only as
    far as needed)."""
    summed = 0
    for item, link in cards:
        summed += _summary_words(item, link) >= SUMMARY_WORDS
        if summed >= MIN_SUMMED:
            return True
    return False


def _is_story(block: html.HtmlElement, inside: set, name: str | None) -> bool:
    """Prose enough for a story. A few lines that name the list's subject under a heading that
    is only a name ("Rina Ayu Lestari bergabung ...", "Harga cabai merah ...") are a writer's bio
    or a tag's description, not a story."""
    words, lines = _story(block, inside)
    named = bool(name) and _names(block, name)
    if named and words < BIO_WORDS and _opens_with(block, name):
        return False  # a bio ("Rina Ayu Lestari adalah …"), however long its one paragraph
    if words >= ONE_LINE_STORY:
        return True
    return words >= STORY_WORDS and lines >= STORY_LINES_MIN and not named


def _opens_with(block: html.HtmlElement, name: str) -> bool:
    """Whether the block's prose begins with the name or its first word: a bio does, a story
    begins with its dateline."""
    first = " ".join(_words(block)[:4]).lower()
    return first.startswith(name) or first.startswith(name.split()[0] + " ")


def _names(block: html.HtmlElement, name: str) -> bool:
    """Whether the block names the list's subject: its whole name, or one of its longer words
    (a bio calls "Rina Ayu Lestari" "Rina", a tag's text says "banjir")."""
    text = " ".join(_words(block)).lower()
    if name in text:
        return True
    found = set(re.findall(r"\w+", text))
    return any(len(word) >= NAME_PART and word in found for word in name.split())


def _list_name(main: html.HtmlElement, inside: set) -> str | None:
    """The region's first heading when it is a name ("Harga Cabai", "Tag: Banjir"), lower-cased;
    a headline says what happened in more words."""
    heading = next((h for h in main.iter("h1") if h not in inside), None)
    name = " ".join(_words(heading)).rsplit(":", 1)[-1].strip() if heading is not None else ""
    return name.lower() if 0 < len(name.split()) <= NAME_WORDS else None


def _in_list(link: html.HtmlElement) -> bool:
    """A headline link that is an item of a list (`<li><a>` or `<li><h3><a>`)."""
    return any(a.tag == "li" for _, a in zip(range(2), link.iterancestors(), strict=False))


def _summary_words(item: html.HtmlElement, link: html.HtmlElement) -> int:
    return len(_words(item)) - len(_words(link))


def _headline_links(main: html.HtmlElement, aside: set) -> list[html.HtmlElement]:
    """Headline links outside sidebars, one per address: a teaser's thumbnail, headline and
    "read more" all point at its article, and only the headline reads as one."""
    seen: set[str] = set()
    links = []
    for a in main.iter("a"):
        if a in aside or not _is_headline(a):
            continue
        if (href := (a.get("href") or "").split("#")[0]) and href in seen:
            continue
        seen.add(href)
        links.append(a)
    return links


def _has_story(root: html.HtmlElement) -> bool:
    """A block of prose as long as a news story, outside menus and sidebars."""
    main = _main_region(root)
    aside = _asides(main)
    return any(
        _story(block, aside)[0] >= VIDEO_STORY_WORDS
        for block in main.iter(*BLOCK_TAGS)
        if block not in aside
    )


def _teaser_of(
    link: html.HtmlElement,
    main: html.HtmlElement,
    headlines: dict[html.HtmlElement, int],
    dated_items: set[html.HtmlElement] | None = None,
) -> tuple[html.HtmlElement, bool, html.HtmlElement] | None:
    """The item around a headline link that holds no other headline, and a date (True) or at
    least a picture (False), with the link."""
    item, card = link, None
    for _ in range(TEASER_DEPTH):
        item = item.getparent()
        if item is None or item is main:
            break
        if headlines.get(item, 0) > 1 or _more_words_than(item, TEASER_WORDS):
            break  # a list of teasers, or a story around its one link
        if _dated(item, link, dated_items):
            return item, True, link
        if card is None and item.find(".//img") is not None:
            card = item
    return (card, False, link) if card is not None else None


def _is_headline(link: html.HtmlElement) -> bool:
    """A link that reads as a headline: a few words, and not a linked date ("2 Desember 2025")."""
    words = _words(link)
    if len(words) < HEADLINE_WORDS:
        return False
    text = " ".join(words)
    return len(text) > DATE_LINE or not _DIGIT.search(text) or not DATE_TEXT.search(text)


def _dated(item: html.HtmlElement, link: html.HtmlElement, dated_items: set | None = None) -> bool:
    """Whether the item holds a date beside its headline (not in it: "Harga Emas 2 Desember").
    `dated_items`: the elements of the region holding a machine-readable date, when known."""
    if item in dated_items if dated_items is not None else _MACHINE_DATE(item):
        return True
    headline = set(link.iter())
    return any(
        len(own := _own_text(e)) <= DATE_LINE and _DIGIT.search(own) and DATE_TEXT.search(own)
        for e in item.iter(html.etree.Element)  # a theme may link the date too
        if e not in headline and _has_own_text(e)
    )


def _has_own_text(element: html.HtmlElement) -> bool:
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)


def _story(block: html.HtmlElement, teasers: set) -> tuple[int, int]:
    """Words and lines of prose in one block: its own text and that of its paragraphs (`<p>`,
    or the `<div>` lines of Blogger and old CMSs), teasers left out."""
    counts = [len(_own_text(block).split())] + [
        len(_own_text(child).split())
        for child in block
        if child.tag in STORY_LINES and child not in teasers
    ]
    # text between <br>s is lines too (Blogger and old CMS bodies)
    breaks = sum(1 for child in block if child.tag == "br" and (child.tail or "").strip())
    return sum(counts), sum(n > 0 for n in counts) + (breaks if counts[0] else 0)


_ROLE_MAIN = html.etree.XPath("descendant::*[@role='main'][1]")  # in C, not ElementPath's loop


def _main_region(root: html.HtmlElement) -> html.HtmlElement:
    if (found := root.find(".//main")) is not None:
        return found
    if found := _ROLE_MAIN(root):
        return found[0]
    body = root.find(".//body")
    return body if body is not None else root


def _asides(main: html.HtmlElement) -> set[html.HtmlElement]:
    """Every element inside the main region's menus, headers, footers and sidebars."""
    return {e for box in main.iter(*OUTSIDE_MAIN) for e in box.iter()}


def _words(element: html.HtmlElement) -> list[str]:
    if not len(element):  # no children (most links): its text is all of it
        return (element.text or "").split()
    return "".join(element.itertext()).split()


def _more_words_than(element: html.HtmlElement, limit: int) -> bool:
    """`len(_words(element)) > limit`, read only as far as the limit: an ancestor of a link may
    hold the whole story. Chunks of itertext join as `_words` joins them: a word split over
    two chunks counts once."""
    count, open_word = 0, False
    for chunk in element.itertext():
        if not chunk:
            continue
        words = len(chunk.split())
        if not words:
            open_word = False
            continue
        count += words - (open_word and not chunk[0].isspace())
        if count > limit:
            return True
        open_word = not chunk[-1].isspace()
    return count > limit


def _own_text(block: html.HtmlElement) -> str:
    """The block's text outside links and nested blocks: its prose, if it has any."""
    parts = [block.text or ""]
    for child in block:
        if child.tag in OUTSIDE_MAIN:  # a menu or footer inside the block is not its prose
            pass
        elif isinstance(child.tag, str) and child.tag not in BLOCK_TAGS and child.tag != "a":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


def _body_classes(root: html.HtmlElement) -> set[str]:
    body = root.find(".//body") if root.tag != "body" else root
    return set((body.get("class") or "").lower().split()) if body is not None else set()


def _has_date(root: html.HtmlElement, meta: PageMeta) -> bool:
    if any(meta.first(name) for name in DATE_META) or meta.ld.get("datePublished"):
        return True
    return bool(root.xpath(MACHINE_DATE))


def _article_element(root: html.HtmlElement) -> bool:
    """An <article> that is not WordPress's wrapper of a static page (`type-page`)."""
    return any("type-page" not in (a.get("class") or "").split() for a in root.iter("article"))


def _pretty(names: set[str]) -> str:
    return sorted(names)[0]
