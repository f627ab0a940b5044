"""Index pages told by their structure: many teasers (a headline link with its date, a summary
or a picture) and no story outside them: tag, section, author and daily-index pages, whatever
they claim to be. An article's related list is one block beside its story. Read by
`pagekind.not_article_reason`."""

from __future__ import annotations

import re

from lxml import html

from .sitepage import DATELINE

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
    root: html.HtmlElement,
    undated: bool = False,
    main: html.HtmlElement | None = None,
    fewest: int = MIN_TEASERS,
) -> int:
    """How many headline teasers make up the page when it is an index; 0 when it is not. Five
    dated ones, or eight with a picture each (themes that hide dates), or three with a summary
    each, dated or on a page that has no date of its own (an author's or a topic's page whose
    cards hide their dates), and no story beside. `main`: the page's main region, when the
    caller has it. `fewest`: the dated (or, undated, any) teasers that are enough, for a page
    that says already what it is (a writer's page: `pagekind`)."""
    main = main_region(root) if main is None else main
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
    if len(dated) < fewest and len(found) < min(min_cards, fewest) and not _summed(cards):
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


def has_story(root: html.HtmlElement) -> bool:
    """A block of prose as long as a news story, outside menus and sidebars."""
    main = main_region(root)
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


def main_region(root: html.HtmlElement) -> html.HtmlElement:
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
