"""Pages about the outlet itself, told by what they hold, whatever the CMS calls them.

An outlet may post its rate card, masthead or "about us" as an ordinary post: WordPress then
gives it `single-post`, the theme og:type article and a date, and only the contents say what it
is. A rate card is prices in Rupiah beside advertising words ("Advertorial", "per
tayang", "Banner"); a masthead is lines of a media role and a name ("Pemimpin Redaksi : X"); an
about, contact, careers or privacy page speaks as "kami" to "Anda" in the vocabulary of a company.
A news story has none of these, or has them under a dateline ("PEKANBARU, RIAU24.COM –"), which
no page about the site has: the dateline is what keeps an article about ad taxes an article.
"""

from __future__ import annotations

import re

from lxml import etree, html

SKIP = frozenset(("nav", "header", "footer", "aside", "script", "style", "noscript", "form"))
# Elements that end a line (as a browser lays them out); a table row is one line.
LINE_TAGS = frozenset(("p", "div", "li", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                       "blockquote", "section", "article", "ul", "ol", "table", "br"))  # fmt: skip
FIRST_LINES = 6  # a dateline opens the story: within its first few lines of prose
PROSE_WORDS = 6  # a line of fewer words is a label, a date or a menu

# A price: "Rp 3.500.000", "Rp. 750.000,-", "Rp25 juta", "IDR 25,000,000".
RUPIAH = re.compile(
    r"\b(?:Rp|IDR)\.?\s?\d{1,3}(?:[.,]\d{3})+\b|\b(?:Rp|IDR)\.?\s?\d+(?:[.,]\d+)?\s?(?:juta|ribu|rb|jt)\b",
    re.I,
)
CURRENCY = re.compile(r"\b(?:Rp|IDR|harga|price|tarif)\b", re.I)
# Under a currency named once: bare amounts of a million or more ("3.500.000") are prices too.
PRICE = re.compile(
    rf"{RUPIAH.pattern}|\b\d{{1,3}}(?:\.\d{{3}}){{2,}}\b|\b\d{{1,3}}(?:,\d{{3}}){{2,}}\b", re.I
)
# What only an advertising offer names: its formats, its placements, its banner sizes.
AD_WORDS = re.compile(
    r"\b(?:advertorial|banner|per\s+tayang|masa\s+tayang|rate\s*card|tarif\s+iklan|harga\s+iklan|"
    r"pasang\s+iklan|pemasangan\s+iklan|media\s*kit|display\s+ads?|kerja\s*sama\s+publikasi|"
    r"liputan\s+khusus|pop[\s-]?up|running\s+text|press\s+release|rilis\s+berita|leaderboard|"
    r"billboard|skyscraper|native\s+ads?|sponsored\s+(?:post|content|article)|cpm|"
    r"\d{3}\s?[x×]\s?\d{2,3}(?:\s?px)?)\b",
    re.I,
)
PRICES = 3  # a rate card lists several prices
AD_KINDS = 2  # distinct advertising words, so that one "banner" in a story is not enough

# The roles of a newsroom and its company, as mastheads list them.
ROLE = (
    r"(?:pemimpin\s+(?:umum|redaksi|perusahaan)|wakil\s+pemimpin\s+(?:umum|redaksi)|penanggung\s*jawab|"
    r"(?:dewan|sekretaris|staf)\s+redaksi|redaktur(?:\s+(?:pelaksana|senior|foto|bahasa|eksekutif))?|"
    r"editor(?:\s+(?:in\s+chief|senior|foto|video))?|koordinator\s+liputan|reporter|wartawan|"
    r"jurnalis|fotografer|kontributor(?:\s+\w+)?|koresponden(?:\s+\w+)?|layout(?:\s*/\s*desain)?|"
    r"desain(?:er)?(?:\s+grafis)?|(?:staf\s+)?it|webmaster|admin(?:\s+media\s+sosial)?|"
    r"(?:manajer|manager|staf|bagian)\s+(?:iklan|pemasaran|marketing|keuangan|digital|umum)|"
    r"pemasaran|marketing|keuangan|sirkulasi|direktur(?:\s+utama)?|komisaris(?:\s+utama)?|"
    r"penerbit|legal|kuasa\s+hukum|penasihat\s+hukum)"
)
# "Pemimpin Redaksi : Dedi Kurniawan", a role alone (its name on the next line or cell), or the
# name first: "Dedi Kurniawan (Pemimpin Redaksi)", "Dedi Kurniawan – Redaktur".
ROLE_LINE = re.compile(
    rf"^(?i:{ROLE})(?:\s*(?:[:：|]|-|–)?\s*(?:[A-Z]|(?i:drs?|hj?|ir)\.).{{0,90}})?$|"
    rf"^(?:[A-Z][\w.']*,?\s+){{1,4}}[A-Z][\w.']*\s*(?:\(|[-–,|]\s*)(?i:{ROLE})\)?$"
)
MASTHEAD_LINES = 5

# How an outlet's own pages speak of it: a company, its address, its readers' data, its jobs.
COMPANY_WORDS = re.compile(
    r"\b(?:visi|misi|didirikan|berdiri\s+sejak|badan\s+hukum|akta\s+pendirian|pt\s+\w+\s+media|"
    r"alamat\s+(?:redaksi|kantor)|kantor\s+(?:redaksi|kami)|surel|e-?mail|whatsapp|telepon|"
    r"lowongan|kualifikasi|surat\s+lamaran|portofolio|data\s+pribadi|informasi\s+pribadi|cookie|"
    r"pihak\s+ketiga|dewan\s+pers|kode\s+etik\s+jurnalistik|hak\s+jawab|uji\s+kompetensi|"
    r"syarat\s+dan\s+ketentuan|pembaca\s+kami|pengunjung)\b",
    re.I,
)
WE = re.compile(r"\bkami\b", re.I)
YOU = re.compile(r"\banda\b", re.I)
QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
COMPANY_KINDS = 3  # distinct company words
WE_TIMES = 3  # the page speaks as "kami" (outside quotes) this often
DATELINE = re.compile(
    r"^[\"“]?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}\s*(?:[,|/]\s*[\w.]+(?:\s+[\w.]+){0,2}\s*)?"
    r"(?:\([\w.\s]+\)\s*)?[-–—]"
)


def site_page_contents(main: html.HtmlElement) -> str | None:
    """What the page holds when it is about the site (a rate card, a masthead, the company's own
    prose), or None. Only for a page whose story, if any, opens without a dateline."""
    lines = text_lines(main)
    if opens_with_dateline(_from_headline(main, lines)):
        return None
    text = "\n".join(lines)
    price = RUPIAH if not CURRENCY.search(text) else PRICE  # a column headed "Harga (Rp)"
    prices = len(price.findall(text))  # in a table's cells, a list or one line of prose
    # (each test below only when the cheaper one before it passed: the same answer)
    if prices >= PRICES and len({_ad_kind(m) for m in AD_WORDS.findall(text)}) >= AD_KINDS:
        return "advertising prices"
    if sum(bool(ROLE_LINE.match(line)) for line in lines) >= MASTHEAD_LINES:
        return "a list of the newsroom's roles and names"
    if not YOU.search(text):  # no "Anda" at all: none outside quotes either
        return None
    unquoted = QUOTED.sub(" ", text)
    if len(WE.findall(unquoted)) < WE_TIMES or not YOU.search(unquoted):
        return None
    kinds = {" ".join(m.lower().split()) for m in COMPANY_WORDS.findall(unquoted)}
    if len(kinds) >= COMPANY_KINDS:
        return "the company writing of itself to its readers"
    return None


def _ad_kind(word: str) -> str:
    """One kind per advertising word; every banner size is the same kind."""
    word = " ".join(word.lower().split())
    return "size" if word[0].isdigit() else word


def _from_headline(main: html.HtmlElement, lines: list[str]) -> list[str]:
    """The lines from the page's headline on: a story opens under it, while menus and trending
    headlines above it may be prose-long lines too (in `<div>`s, not `<nav>`: no SKIP)."""
    heading = main.find(".//h1")
    headline = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    if headline and headline in lines:
        return lines[lines.index(headline) :]
    return lines


def opens_with_dateline(lines: list[str]) -> bool:
    prose = [line for line in lines if len(line.split()) >= PROSE_WORDS][:FIRST_LINES]
    return any(DATELINE.match(line) for line in prose)


def text_lines(main: html.HtmlElement) -> list[str]:
    """The region's text as a browser shows it, one string a line, menus and sidebars left out.
    libxslt writes it (the walk below in C); a page nested deeper than its template depth falls
    back to the walk."""
    try:
        text = str(_TEXT_LINES(main))
    except etree.XSLTApplyError:
        parts: list[str] = [main.text or ""]
        _walk(main, parts)
        text = "".join(parts)
    return [line for raw in text.split("\n") if (line := " ".join(raw.split()))]


# What `_walk` appends, as templates: a line tag's text between newlines, a cell's followed by a
# space, SKIP elements, comments and processing instructions left out with their text (their
# tails are text nodes of the parent: kept). The region itself adds nothing of its own.
_TEXT_LINES = etree.XSLT(
    etree.XML(f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/"><xsl:apply-templates select="*/node()"/></xsl:template>
<xsl:template match="{"|".join(sorted(LINE_TAGS))}"><xsl:text>&#10;</xsl:text>\
<xsl:apply-templates/><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="td|th"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
<xsl:template match="{"|".join(sorted(SKIP))}"/>
<xsl:template match="comment()|processing-instruction()"/>
</xsl:stylesheet>""")
)


def _walk(element: html.HtmlElement, parts: list[str]) -> None:
    """Depth-first with a stack of its own, not recursion: a page nested deeper than Python's
    recursion limit (libxml2 reads 2,048 levels and more) is a page, not a crash."""
    levels = [iter(element)]
    closing: list[tuple[str, str]] = []  # per open child: what ends it, then its tail
    while levels:
        child = next(levels[-1], None)
        if child is None:
            levels.pop()
            if closing:
                parts.extend(closing.pop())
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIP:
            breaks = tag in LINE_TAGS
            parts.append("\n" if breaks else "")
            parts.append(child.text or "")
            levels.append(iter(child))
            end = "\n" if breaks else " " if tag in ("td", "th") else ""
            closing.append((end, child.tail or ""))
        else:
            parts.append(child.tail or "")
