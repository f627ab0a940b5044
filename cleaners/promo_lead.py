"""A promo glued before a paragraph's first sentence, in flat text where no markup says where
it ends: `Dapatkan update berita pilihan … dari Kompas.com. Harga gabah …`, `Artikel ini telah
tayang di Kompas.com dengan judul "…". Harga …`, `Cek Berita dan Artikel yang lain di Google News.
Harga …`. The line rules drop such a line whole (it opens with a promo); the promo's own words are
fixed, so it ends at a sentence's end (or a URL) after which a sentence of the story begins.
"""

from __future__ import annotations

import re

from .rules import Captured, Kind, classify
from .rules.catalogue import PROMO_LEAD, PROMPT
from .rules.classify import republished
from .rules.promos import AD_FREE_NAG, PROMO_TAIL

# Cheap first test: the words such promos open with.
_OPENS = re.compile(
    r"(?:[*»>▶►•]\s*)?(?:dapatkan|simak|cek|ikuti|artikel ini|berita ini|baca berita|mari|gabung|"
    r"follow|download|unduh|klik)\b",
    re.I,
)
# Where a sentence ends and the next begins: after a full stop (and a closing quote), or after a
# URL (`Klik untuk baca: https://…`), before a capital or an opening quote.
_BOUNDARY = re.compile(r"(?:[.!?][\"”’]?|https?://\S+)\s+(?=[\"“A-Z])")


def cut_leading_promo(text: str) -> str | None:
    """`text` without the promo glued before its first sentence; None when it opens with none,
    or nothing of the story follows the promo (its tail about an app is still the promo)."""
    if not _OPENS.match(text):
        return None
    ends = [m.end() for m in _BOUNDARY.finditer(text)]
    for i, end in enumerate(ends):
        head = text[:end].strip()
        if not _promo(head) or not _quotes_closed(head):
            continue
        first = text[end : ends[i + 1] if i + 1 < len(ends) else len(text)].strip()
        if PROMO_TAIL.match(first) or classify(first, Captured()) is not Kind.TEXT:
            continue  # `Mari bergabung …`, `Anda harus install aplikasi …`: the promo goes on
        return text[end:]
    return None


def _promo(head: str) -> bool:
    return bool(
        PROMO_LEAD.match(head) or PROMPT.match(head) or republished(head)
        or AD_FREE_NAG.match(head)
    )  # fmt: skip


def _quotes_closed(head: str) -> bool:
    """`… dengan judul "Harga Naik. Warga …`: a full stop inside the quoted title is no end."""
    return head.count('"') % 2 == 0 and head.count("“") <= head.count("”")
