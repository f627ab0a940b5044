"""Promo forms judged where they stand in a paragraph, not kinds of a line: a link that is a call
to click or a read-more, the ad-free reading offer, and a promo's own tail after its link or its
first sentence. Read by `cleaners/inline_links.py` and `cleaners/promo_lead.py`.
"""

from __future__ import annotations

import re


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# A link to the rest of a story (`<a>Baca selengkapnya</a>`) after its excerpt's last sentence.
READ_MORE_LINK = _rx(r"^(?:baca|lihat|klik)\s+(?:selengkapnya|berita selengkapnya)\b.{0,40}$", re.I)
# The ad-free reading offer (`Baca berita tanpa iklan. Gabung Kompas.com+`, `Baca berita dengan
# sedikit iklan, klik di sini`).
AD_FREE_NAG = _rx(r"^baca berita (?:tanpa|dengan sedikit) iklan\b.{0,80}$", re.I)
# The rest of a promo after its first sentence or its link (`… WhatsApp Channel : <a>…</a>.
# Pastikan kamu sudah install aplikasi WhatsApp ya.`): a short line about the app or channel,
# no sentence of the story.
PROMO_TAIL = _rx(
    r"^(?:[^.!?]|\.(?=\w)){0,160}\b(?:whatsapp|telegram|aplikasi|install|instal|unduh|download|"
    r"channel|kanal|saluran|google news|ponsel|notifikasi)\b(?:[^.!?]|\.(?=\w)){0,100}[.!?]?$",
    re.I,
)
# A link that is a call to click, its own clause before the comma (`<a>Baca berita dengan
# sedikit iklan, klik di sini</a>`, `<a>Berlangganan sekarang, klik di sini</a>`): a nag, never
# a sentence's words, which a bare `<a>klik di sini</a>` may be ("Untuk mendaftar, klik di sini").
CLICK_NAG = _rx(r"^[^,.!?]{6,80},\s*klik\s+(?:di\s?sini|link\s+ini|tautan\s+ini)\s*[.!]?$", re.I)
