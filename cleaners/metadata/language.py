"""The language of an article, by its own words: pages declare it badly (WordPress themes print
`lang="en-US"` over Indonesian text), and an outlet may publish in two (en.antaranews.com)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Function words, frequent in any article of the language and rare in the other's.
ENGLISH = frozenset((
    "the", "of", "and", "to", "is", "was", "that", "for", "on", "with", "as", "by", "are", "were",
    "from", "has", "have", "had", "said", "it", "its", "his", "her", "their", "they", "this",
    "which", "will", "would", "who", "an", "at", "be", "been", "not",
))  # fmt: skip
INDONESIAN = frozenset((
    "yang", "dan", "di", "itu", "dengan", "untuk", "dari", "ini", "dalam", "tidak", "akan", "pada",
    "ke", "juga", "kata", "adalah", "oleh", "bahwa", "telah", "sudah", "atau", "karena", "ia",
    "mereka", "kami", "saat",
))  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def text_language(paragraphs: Iterable[str]) -> str:
    """`en` when English function words outnumber Indonesian ones three to one (an Indonesian
    article quoting English stays `id`), else `id`, the default of every outlet."""
    english = indonesian = 0
    for word in _WORD.findall(" ".join(paragraphs).lower()):
        english += word in ENGLISH
        indonesian += word in INDONESIAN
    return "en" if english >= 10 and english > 3 * indonesian else "id"
