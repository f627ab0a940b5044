"""Promos made of a link and the words around it, judged where the link stands in a paragraph
(cut by `inline.py`, which calls these): a call to click that is the whole link (`<a>Baca berita
dengan sedikit iklan, klik di sini</a>`), and a promo whose words run before the link that ends
it (`Cek Berita dan Artikel yang lain di <a>Google News</a>`, `Baca berita tanpa iklan. <a>Gabung
Kompas.com+</a>`). Either stands between sentences or alone; glued to a sentence's words it is
those words, and stays.
"""

from __future__ import annotations

import re

from .rules.catalogue import PROMO_LEAD, PROMPT
from .rules.classify import LONG
from .rules.promos import AD_FREE_NAG, CLICK_NAG, PROMO_TAIL, READ_MORE_LINK
from .textutil import collapse

_SENTENCE_END = (".", "!", "?", "”", '"', "’")
# Where a promo's words may begin in the text before its link: the paragraph's start, or after a
# sentence's end; the words promos open with.
_PROMO_START = re.compile(
    r"(?:^|(?<=[.!?”\"’)])\s)\s*(?=(?:cek|ikuti|simak|dapatkan|baca|gabung|follow|klik|download|"
    r"unduh|join|mari|yuk|ayo)\b)",
    re.I,
)


def between_sentences(before: str, after: str) -> bool:
    """Whether what stands at this place is not inside a sentence: nothing or a sentence's end
    before it, nothing or a new sentence (after the promo's own full stop) after it."""
    if before.strip() and not before.rstrip().endswith(_SENTENCE_END):
        return False
    rest = after.lstrip().lstrip(".").lstrip()
    return not rest or rest[0].isupper() or rest[0] in "\"“'‘("


def click_nag(link_text: str, before: str, after: str) -> bool:
    """`<a>Baca berita dengan sedikit iklan, klik di sini</a> KCIC juga …`: the link is a call
    to click with its own clause, or `<a>Baca selengkapnya</a>`, between sentences (not "…laman
    resmi, <a>klik di sini</a>.")."""
    line = collapse(link_text)
    nag = ("lik" in line and CLICK_NAG.match(line)) or READ_MORE_LINK.match(line)
    return bool(nag) and between_sentences(before, after)


def promo_start(before: str, link_text: str, after: str, after_element: bool = False) -> int | None:
    """Where in `before` a promo begins that the link ends (`… pekan ini. Cek Berita dan Artikel
    yang lain di <a>Google News</a>`), when it stands between sentences; None when none does.
    `after_element`: `before` follows an element of the paragraph, so it opens no sentence."""
    rest = collapse(after).lstrip(". ")
    if not before.strip() or not between_sentences("", after) or PROMO_TAIL.match(rest):
        return None
    link = collapse(link_text)
    for match in _PROMO_START.finditer(before):
        if after_element and not before[: match.start()].strip():
            continue
        line = collapse(before[match.end() :] + " " + link)
        if len(line) <= LONG and _is_promo(line):
            return match.start()
    return None


def _is_promo(line: str) -> bool:
    return bool(PROMO_LEAD.match(line) or PROMPT.match(line) or AD_FREE_NAG.match(line))
