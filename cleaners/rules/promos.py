"""Promo forms of issue 10's class a. Lines the classifier drops wherever they stand (a video's
or an infographic's title, a notice against reuse, the outlet's app, the short republishing
notes; the catalogue lists them with its labelled patterns), and forms judged where they stand
in a paragraph, not kinds of a line: a link that is a call to click or a read-more, the ad-free
reading offer, a promo's own tail after its link or its first sentence (`cleaners/inline_links.py`,
`cleaners/promo_lead.py`).
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
# A video's promo over its player (`<strong>Simak Video "Video: …"</strong>`, `Lihat Video: …`,
# `Tonton juga video 'X'`): the video word, then a colon or the video's title in quotes.
# `Saksikan Live DetikSore:`: a live stream's promo over its player, the same way.
VIDEO_PROMO = _rx(
    r"^(?:simak|lihat|tonton|saksikan)\s+(?:juga\s+)?(?:video|live(?:\s+\w+)?)\s*(?::|[\"“'‘])"
    r".{0,150}$",
    re.I,
)
# The title over an infographic picture (`<p><strong>Infografis Mudik Gratis Lebaran
# 2026</strong></p>` then the image): a headline in capitals, no sentence ("Infografis itu
# menunjukkan …." is one).
INFOGRAPHIC = _rx(r"^(?i:infografis|infographic)\s*[:|–—-]?\s*[A-Z0-9\"“'][^.!?]{2,100}$")

# A notice forbidding reuse of the content (`Dilarang keras mengambil konten, melakukan crawling
# … tanpa izin tertulis dari Kantor Berita ANTARA.`, `Dilarang mengambil dan/atau menayangkan
# ulang … artikel di atas … tanpa seizin redaksi.`): under the copyright or between two
# paragraphs, dropped where it stands; the content words keep out a story's own rules
# ("Dilarang mengambil gambar tanpa izin petugas").
REUSE_NOTICE = _rx(
    r"^dilarang (?:keras )?(?:mengambil|mengutip|menyalin|menayangkan ulang|memperbanyak)\b"
    r"(?=[^.]*\b(?:konten|artikel|berita|tulisan|situs)\b)[^.]{0,240}\b(?:izin|seizin)\b[^.]{0,120}\.?$",
    re.I,
)
# The outlet's own app (`Download Apps Detikcom Sekarang https://apps.detik.com/detik/`): "now"
# or its link; "Unduh aplikasi SatuSehat di Play Store." is a story's instruction.
OWN_APP = _rx(
    r"^(?:download|unduh)\s+(?:apps?|aplikasi)\s+\S+(?:\s\S+)?(?:\s+sekarang\b.{0,100}|\s*:?\s*https?://\S+)$",
    re.I,
)
# The short note of a channel's syndication, the outlet one word (`Artikel ini telah tayang di
# detikJabar. Baca artikel selengkapnya di sini.`), and detik's own form (`Baca artikel detikjabar,
# "Harga Gabah Naik" selengkapnya https://…`): the source is that channel.
REPUBLISHED_SHORT = _rx(
    r"^(?:artikel|berita) ini (?:telah|sudah)\s*(?:tayang|ditayangkan|terbit|diterbitkan)\s+(?:di|pada)"
    r"\s+(?P<source>[\w-]+(?:\.(?:com|co\.id|id))?)\.?(?:\s+baca (?:artikel|berita)(?:\s\w+)?"
    r" selengkapnya\b.{0,60})?$",
    re.I,
)
REPUBLISHED_READ = _rx(
    r"^baca (?:artikel|berita) (?P<source>detik\w*|[\w-]+\.(?:com|co\.id|id)),\s*[\"“].{2,200}[\"”]"
    r"\s+selengkapnya\b",
    re.I,
)
# A paid post's mark glued after its last sentence (`… selama pameran. (ADV)`, `[Advertorial]`):
# no one's initials, it goes.
AD_MARK_TAIL = _rx(r"(?<=[.!?\"”’])\s*[(\[]\s*(?:adv|advertorial)\s*[)\]]\.?$", re.I)
