"""The headings of teaser blocks and widgets inside the body column (`cleaners/teasers.py`):
read only on a heading or the label of a block of links, never on a paragraph, so they are kept
apart from the line patterns of `catalogue.py`."""

from __future__ import annotations

import re


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# The heading of a teaser block or widget inside the body column (cleaners/teasers.py): a list
# of other articles (`Artikel Menarik Lainnya`, `Terpopuler`, `Berita Lainnya dari Suara.com`,
# `Video Pilihan`), a topic or tag box, a newsletter, poll or quiz box (`Kuis Merdeka`), a share bar's label. Read only
# on a heading or the label of a block of links, never on a paragraph.
TEASER_HEADING = _rx(
    r"^(?:[»>▶►•|]\s*)?(?:(?:baca\s+)?(?:berita|artikel)\s+(?:menarik\s+)?lain(?:nya)?(?:\s+(?:dari|di)\s.{2,40})?|"
    r"(?:berita|artikel|konten)\s+(?:menarik|pilihan|rekomendasi|populer|terpopuler|terkini|terbaru|"
    r"terkait|unggulan|lainnya)(?:\s+(?:lainnya|untuk\s*(?:anda|mu|kamu)|hari\s+ini))?|"
    r"(?:pilihan|rekomendasi)(?:\s+(?:editor|redaksi|berita|artikel))?(?:\s+untuk\s*(?:anda|mu|kamu))?|"
    r"(?:ter)?populer(?:\s+(?:hari\s+ini|minggu\s+ini|pekan\s+ini))?|terbaru|terkini|"
    r"trending(?:\s+(?:topic|topik|now))?|most\s+popular|paling\s+(?:banyak\s+dibaca|populer|dicari)|"
    r"jangan\s+lewatkan|lainnya\s+dari\s.{2,40}|dari\s+kanal\s+lain|(?:baca|lihat|simak)\s+(?:juga|pula)|"
    r"(?:video|foto|galeri|infografis)\s+(?:pilihan|terkait|terpopuler|terbaru|lainnya|populer)|"
    r"(?:tonton|saksikan)\s+(?:juga|video)|topik(?:\s+(?:pilihan|terkait|populer|hangat|trending))?|"
    r"tags?|label|kata\s+kunci|newsletter|polling|jajak\s+pendapat|(?:ikuti\s+)?(?:kuis|quiz)(?:\s+[\w.]+){0,2}|"
    r"bagikan(?:\s+(?:berita|artikel)(?:\s+ini)?)?|share(?:\s+this)?|"
    r"related(?:\s+(?:posts|articles|news))?|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|"
    r"sponsored(?:\s+links)?|konten\s+sponsor|(?:kamu|anda)\s+mungkin\s+(?:juga\s+)?suka|"
    r"mungkin\s+(?:kamu|anda)\s+(?:juga\s+)?suka|(?:berita|artikel|baca)\s+selanjutnya|berita\s+utama|"
    r"headlines?|hot\s+news|terhangat|sorotan|editor'?s\s+picks?|cek\s+juga|read\s+(?:more|next|also)|"
    r"(?:tentang|profil)\s+penulis|about\s+the\s+author|bagaimana\s+reaksi\s+(?:anda|kamu|mu)\s*\??)"
    # ... any of them with a qualifier: `Video Pilihan Hari Ini`, `Tag Terkait`, `Topik Populer`
    r"(?:\s+(?:hari\s+ini|minggu\s+ini|pekan\s+ini|untuk\s*(?:anda|mu|kamu)|lainnya|terkait|"
    r"terbaru|terpopuler|pilihan|populer))?\s*:?$",
    re.I,
)
# The heading of an outlet's call for its readers' writing, in a box of its own beside the
# body (`Punya cerita? Tulis di Your Say`, `Kirim tulisanmu ke Retizen`, `Ingin tulisan Anda
# dimuat?`): read where TEASER_HEADING is, on a heading only.
CONTRIBUTE = _rx(
    r"^(?:punya\s+(?:cerita|kisah|berita|informasi|info|tulisan|opini)(?:\s+menarik)?\s*\?.{0,60}|"
    r"(?:ayo\s+|yuk\s+)?(?:kirim(?:kan)?|tulis(?:kan)?)\s+(?:cerita|kisah|tulisan|berita|artikel|"
    r"opini)(?:mu|nya|\s+(?:anda|kamu))?(?:\s+(?:di|ke)\s.{2,40})?\s*[!.]?|"
    r"ingin\s+tulisan(?:mu|\s+(?:anda|kamu))\s+dimuat\b.{0,40})$",
    re.I,
)
# The heading of a box summing the article up in a few bullet lines above or beside its text
# (`Baca 10 Detik`, `Ringkasan`, `Poin Penting`): the story's own sentences again, shortened.
SUMMARY_HEADING = _rx(
    r"^(?:baca\s+\d+\s+detik|ringkasan(?:\s+(?:berita|artikel))?|rangkuman|intisari|"
    r"poin(?:-poin)?\s+(?:penting|utama)|(?:sorotan|fakta)\s+utama|in\s+brief|key\s+points)\s*:?$",
    re.I,
)
