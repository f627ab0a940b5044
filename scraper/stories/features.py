"""What a story is compared on: the named things an article mentions.

Rewrites of one wire story share few word sequences (the seed rewrites share ~0.2 of their word
bigrams, less than two rice-price reports from different towns do), but they name the same people,
places and bodies: Kim, Lavrov, Wonsan, KCNA. Reports that only share a topic name different ones
(Bogor and Darsih; Semarang and Warsini). So the feature set of an article is its *name tokens*:
words written with a capital inside a sentence (not its first word, not the headline, not a
subheading), lower-cased, minus stop words, generic office words ("Kota", "Dinas", "Menteri"),
the outlet's own name and numbers. The measurements behind this are in ``stories/README.md``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FEATURE_VERSION", "name_tokens", "words"]

# Bump when the features change: stored features of an older version are recomputed.
FEATURE_VERSION = 1

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A paragraph line ends like a sentence; a subheading or list item does not.
_PARAGRAPH_END = (".", "!", "?", '"', "”", "'", ")", "’")


def _word_list(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words, numerals, day and month names: capitalised often enough to be noise.
STOP_WORDS = _word_list(
    """
yang dan di ke dari untuk dengan dalam pada ini itu juga tidak akan sudah telah oleh atau karena
sebagai bahwa ada adalah bisa dapat lebih para kata ia mereka kami kita saya anda masih hingga
sampai saat agar namun tetapi tapi jika kalau serta bagi tersebut secara antara lain setelah
sebelum menjadi merupakan hal bila pun lagi hanya sangat sejak yakni yaitu tak belum harus per
pula begitu kemudian maka seperti sehingga tentang terhadap atas bawah baik cukup semua setiap
beberapa banyak sejumlah satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ribu juta
miliar triliun rp persen hari minggu senin selasa rabu kamis jumat sabtu januari februari maret
april mei juni juli agustus september oktober november desember pekan bulan tahun lalu kini mulai
menurut mengatakan ujar katanya jelas tutur ungkap menyatakan sebut kepada diri dia nya pihak
tengah sekitar kali usai pukul wib wita wit com co id www baca juga simak
"""
)

# Office and place-kind words that open many names ("Kota Bogor", "Dinas Perhubungan"): two
# reports naming different towns must not match on "kota".
GENERIC_NAME_WORDS = _word_list(
    """
kota kabupaten provinsi dinas kepala pasar pemerintah pemkot pemkab pemprov jalan badan menteri
kementerian presiden wakil gubernur bupati wali ketua kantor balai desa kecamatan kelurahan bank
dewan direktur umum daerah pusat nasional negara republik indonesia warga pt tbk the of and
"""
)


def words(text: str) -> list[str]:
    """The lower-cased words of a text, punctuation dropped (NFKC first: no look-alike forms)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def name_tokens(text: str, outlet: str | None = None) -> frozenset[str]:
    """The name tokens of a clean-text document (headline line first, as stored)."""
    own = (outlet or "").lower()
    found: set[str] = set()
    lines = text.split("\n")
    if len(lines) > 1 and not lines[1].strip():  # a headline (title case throughout) and a blank
        lines = lines[2:]
    for line in lines:
        line = line.strip()
        if not line.endswith(_PARAGRAPH_END):
            continue
        for sentence in _SENTENCE_END.split(unicodedata.normalize("NFKC", line)):
            for word in _WORD.findall(sentence)[1:]:
                if word[0].isupper() and _is_name(word.lower(), own):
                    found.add(word.lower())
    return frozenset(found)


def _is_name(word: str, own: str) -> bool:
    if word in STOP_WORDS or word in GENERIC_NAME_WORDS or word.isdigit():
        return False
    # The outlet's own name in datelines and sign-offs (TRIBUNNEWS.COM, TribunSolo.com).
    return not (own and (own in word or word.startswith(own[:6])))
