"""The shared Indonesian boilerplate catalogue: every line-level pattern, in one place.

Each pattern recognises one kind of line (a paragraph of a page, or a line of plain text):
boilerplate to drop, a caption or credit, a byline/editor/source line, a sign-off, or the start
of the page's trailer. What a line is, is decided in `classify.py`; outlets add their own rules
in their site file (`Rule`, in `rule.py`).
"""

from __future__ import annotations

import re

from .plugs import PLUG_LINES
from .press import PRESS_LINES
from .promos import (
    INFOGRAPHIC,
    OWN_APP,
    REPUBLISHED_READ,
    REPUBLISHED_SHORT,
    REUSE_NOTICE,
    VIDEO_PROMO,
)
from .triggers import TRIGGER_WORDS


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --- boilerplate lines (dropped) ------------------------------------------------------------

READ_ALSO = _rx(
    r"^(?:[»>▶►•*|]\s*)?(?:baca\s+(?:juga|pula|selengkapnya|lainnya|berita)|lihat\s+(?:juga|pula|video)|"
    r"simak\s+(?:juga|pula|video)|(?:tonton|saksikan)\s+(?:juga|video)|"
    r"(?:berita|artikel|topik)\s+terkait\s*:|(?:baca|terkait)\s*:|pilihan\s+editor\s*:)\s*:?",
    re.I,
)
# A sentence that opens with a label's words (`Simak pula bagaimana warga …`, `Tonton video yang
# beredar: …`): a word in lower case next, no colon after it, a full stop at its end. A
# read-also's headline follows a colon, or is in title case, and ends without a full stop.
READ_ALSO_SENTENCE = _rx(
    r"^(?i:baca|lihat|simak|tonton|saksikan)\s+(?i:juga|pula|video)\s+(?!\w+\s*:)[a-z][^|»>]*[.!?]$"
)
# …unless it points at the outlet's own pages (`Saksikan video selengkapnya di kanal kami.`).
OWN_PROMO = _rx(
    r"\b(?:selengkapnya|berikut|di sini|lainnya|kami|kanal|youtube|google news|whatsapp|"
    r"instagram|tiktok|channel)\b",
    re.I,
)

# --- read-also labels and promos glued inside a paragraph (cleaners/inline.py) ---------------

# The label of a read-also link, as outlets write it: `Baca juga:`, `Baca Juga :`, `BACA JUGA`,
# `Lihat juga`, `Simak juga`, `Artikel Terkait:`, `Terkait:`. Bare `Baca`/`Terkait` only with a
# colon: "terkait" is an ordinary word of a sentence ("saksi terkait kasus …").
_LABEL = (
    r"(?:baca\s+(?:juga|pula)|lihat\s+(?:juga|pula)|simak\s+(?:juga|pula)|"
    r"(?:tonton|saksikan)\s+(?:juga|video)|(?:berita|artikel|topik)\s+terkait)"
)
_LABEL_COLON = r"(?:baca|terkait|baca\s+(?:selengkapnya|berita))"
_PUNCT = r"[:：\-–—»>|]"
# An inline element that is only the label (`<b>Baca Juga :</b>`), its headline in the next link.
_MARK = r"(?:[»>▶►•*|(\[]\s*)?"  # `» Baca juga:`, `▶ Baca Juga`, `(Baca juga: …)` mid-sentence
INLINE_LABEL = _rx(rf"^{_MARK}(?:{_LABEL}|{_LABEL_COLON})\s*{_PUNCT}*\s*$", re.I)
# An inline element holding the label and its headline (`<strong>Baca juga: <a>…</a></strong>`).
INLINE_LABEL_LEAD = _rx(rf"^{_MARK}(?:{_LABEL}\s*{_PUNCT}?|{_LABEL_COLON}\s*:)\s*\S", re.I)
# …the same with its colon and no link (`<em>Baca juga: Harga Cabai Naik</em>`, the link lost):
# a headline, not a sentence, after it.
INLINE_LABEL_UNLINKED = _rx(rf"^{_MARK}(?:{_LABEL}|{_LABEL_COLON})\s*:\s*[^.!?]*[^.!?\s]$", re.I)
# Text ending in a label, right before the headline's link (`… November. Baca juga: <a>`):
# the label opens the text or follows a sentence's end.
LABEL_AT_END = _rx(
    rf"(?:^|(?<=[.!?”\"’')(\[]))\s*(?:{_LABEL}\s*{_PUNCT}?|{_LABEL_COLON}\s*:)\s*$", re.I
)
# Where a promo glued after a paragraph's last sentence begins, in flat text (the generic path,
# text mode): what follows is judged by the classifier before it is cut.
GLUED_PROMO = _rx(
    rf"(?<=[.!?”\"’)])\s+(?=(?:{_LABEL}|artikel ini|berita ini|baca artikel|dapatkan update|ikuti (?:kami|kanal|"
    r"saluran|channel|berita|update)|simak breaking news|cek berita dan artikel|mari bergabung)\b)",
    re.I,
)
# Cheap first test of an inline element's opening text: every promo form above starts so. The
# white space runs are possessive: an element's text of indentation only (1,454 tabs and spaces on
# a real page) took 0.4 s to fail, every split of the run between the two `\s*` tried.
INLINE_TRIGGER = _rx(
    r"\s*+[»>▶►•*|(\[]?\s*+(?:baca|lihat|simak|tonton|saksikan|berita|artikel|topik|terkait|iklan|advert|adv|ads|"
    r"sponsored|scroll|konten|dapatkan|ikuti|gabung|mari|klik|follow|cek|jasa|-)",
    re.I,
)
# The scroll ad's second label, as each ad stack words it (`SCROLL TO CONTINUE WITH CONTENT`,
# detik's `SCROLL TO RESUME CONTENT`, `SCROLL DOWN TO CONTINUE READING`); in capitals, as
# AD_IN_LINE needs it (AD ignores case).
_SCROLL_LABEL = r"SCROLL (?:DOWN )?TO (?:CONTINUE|RESUME)(?: WITH)?(?: CONTENT| READING)?"
_AD_LABEL = (
    # `(ADV)`, `[Advertorial]`: a paid post's mark, in any case (`(adv)` in lower case reads
    # as a sign-off's initials and goes too).
    r"(?:-\s*)?(?:iklan(?:\s+google)?|advertisement|advertisment|adv|ads|sponsored|"
    r"[(\[]\s*(?:adv|advertorial)\s*[)\]]|"
    rf"{_SCROLL_LABEL}|(?:scroll|gulir)(?: ke bawah)? untuk (?:melanjutkan|"
    r"lanjut)(?: membaca)?|lanjut(?:kan)? (?:scroll|gulir)(?: ke bawah)?|konten berbayar|"
    r"konten sponsor)(?:\s*-)?"
)
AD = _rx(rf"^{_AD_LABEL}(?:\s*{_AD_LABEL})*$", re.I)  # labels may stack, even glued
# The scroll ad's labels in capitals inside a line of text: never words of a sentence.
AD_IN_LINE = _rx(rf"\s*\b(?:ADVERTISEMENT|{_SCROLL_LABEL})\b\s*")
# "[Gambas:Video 20detik]": an embed's placeholder left in the text (Trans Media's CMS);
# "[video]", "[embed]…[/embed]", "[youtube id=…]": a WordPress shortcode the theme did not run.
EMBED_PLACEHOLDER = _rx(
    r"^\[(?:gambas:[^\]]*|/?(?:video|audio|embed|youtube|vimeo|gallery|caption|playlist)"
    r"(?:\s[^\]]*)?)\](?:.{0,200}\[/\w+\])?$",
    re.I,
)
# A sidebar's visitor counter (`Hari ini: 1.204`, `Total Pengunjung : 1.922.004`), kept by
# trafilatura from old layout tables: a label and a number, nothing else.
# ... and a story's own counters: `Dilihat 523 kali | Dikomentari 0 kali`, `Berita ini dibaca
# sebanyak 523 kali`.
_COUNT = (
    r"(?:(?:total\s+)?(?:pengunjung|kunjungan|hits|visitors?|online|dibaca|dilihat|views?|"
    r"dikomentari|komentar)(?:\s+(?:hari ini|kemarin|minggu ini|bulan ini|tahun ini|online|"
    r"sebanyak))?|hari ini|kemarin|minggu ini|bulan ini|tahun ini|total|online|"
    r"statistik pengunjung)\s*:?\s*[\d.,]+(?:\s*(?:kali|orang|x))?"
)
# ... or the number first, as themes print a post's counters: `1.204 views`, `3,2 rb kali dibaca`.
_COUNT_AFTER = r"[\d.,]+\s*(?:rb|ribu|k)?\s*(?:views?|hits|kali\s+dibaca|x\s+dibaca|pembaca)"
VISITOR_COUNTER = _rx(
    rf"^(?:(?:berita|artikel|tulisan) ini\s+)?(?:telah\s+)?(?:{_COUNT}|{_COUNT_AFTER})"
    rf"(?:\s*[|•·,]\s*(?:{_COUNT}|{_COUNT_AFTER}))*$",
    re.I,
)
# Player fallback text and video placeholders: what a browser without the player shows.
PLAYER_FALLBACK = _rx(
    r"^(?:your browser does not support (?:the )?(?:video|audio|html5|iframes?)\b.{0,80}|"
    r"browser anda tidak mendukung (?:video|pemutar)\b.{0,80}|"
    r"(?:tonton|saksikan) video(?:nya)?\s*(?::.{0,120})?|video\s*:\s*.{0,120})$",
    re.I,
)
PROMO = _rx(r"^jasa\s+(?:pembuatan\s+)?website\b.{0,60}$", re.I)
# The outlet selling its own ad space: `Pasang iklan di Kabar X, hubungi 0812-…`, `Info iklan: …`.
AD_SALES = _rx(r"^(?:pasang|info|pemasangan)\s+iklan\b.{0,120}$", re.I)
# A call for readers' news with the address to send it to: `Kirim berita dan foto kegiatan ke
# redaksi@…`, `Punya info menarik? Hubungi WhatsApp 0812-…`, `Hubungi kami di 0812-…`. (A
# `Disclaimer:` line stays: it says whose words the text is, and benchmarks count it as text.)
SEND_US = _rx(
    r"^(?:(?:kirim(?:kan)?|punya|hubungi(?:\s+kami)?)\b.{0,120}(?:@[\w-]+\.[\w.]+|\bwhats\s?app\b|\b(?:\+62|0)8\d{2}[-\s]?\d{3,4}"
    r"[-\s]?\d{2,5}\b).{0,60})$",
    re.I,
)
# A post's navigation to its neighbours: `« Artikel Sebelumnya | Artikel Berikutnya »`.
POST_NAV = _rx(
    r"^[«‹<]*\s*(?:artikel|berita|post(?:ingan)?|tulisan)\s+(?:sebelumnya|selanjutnya|berikutnya)\b.{0,120}$",
    re.I,
)
# A theme's taxonomy line under the post: `Posted in Daerah | Tagged KAI`, `Filed under Berita`,
# `Diposting di Berita, Daerah` (`Kategori:`/`Tags:` lines are fields and ends already).
TAXONOMY = _rx(
    r"^(?:posted\s+in|filed\s+under|tagged(?:\s+with)?|diposting\s+(?:di|dalam))\s*:?\s+\S.{0,150}$",
    re.I,
)
# A prompt may be led by a mark, as a footnote or a bullet (`*Ikuti berita terkini dari …`).
PROMPT = _rx(
    r"^(?:[*»>▶►•]\s*)?(?:ikuti|simak|cek|dapatkan|follow|gabung|klik|download|unduh|join|baca)\b.{0,140}"
    r"\b(?:google news|saluran whatsapp|whatsapp channel|channel whatsapp|telegram|"
    r"breaking news|berita pilihan|update berita|berita terbaru|instagram|facebook|tiktok|youtube|"
    r"twitter)\b",
    re.I,
)
# A comment box's prompt, left where its form was: `Belum ada komentar. Jadilah yang pertama
# berkomentar!`, `Silakan login untuk berkomentar.`, `Silakan tinggalkan komentar yang sopan.`
COMMENT_PROMPT = _rx(
    r"^(?:belum ada komentar\b.{0,80}|jadilah (?:yang )?pertama (?:yang )?(?:ber)?komentar\b.{0,40}|"
    r"(?:silakan|silahkan|harap) (?:login|masuk|log in|daftar)\b.{0,40}\b(?:ber)?komentar\b.{0,20}|"
    r"login untuk (?:ber)?komentar\b.{0,40}|"
    r"(?:silakan|silahkan|mohon) (?:tinggalkan|tulis|berikan) komentar\b.{0,200}|(?:kirim|tulis) komentar(?: anda)?|"
    r"bagaimana reaksi (?:anda|kamu|mu)\b.{0,60}|beri(?:kan)? reaksi\b.{0,60}|"
    r"suka (?:artikel|berita|tulisan) ini\s*\?.{0,60})$",
    re.I,
)
# Promotions no sentence of an article starts with, whatever their length.
PROMO_LEAD = _rx(
    r"^(?:[*»>▶►•]\s*)?(?:dapatkan update berita|simak breaking news|ikuti (?:kami|kanal|saluran|channel|"
    r"berita|update)\b|cek berita dan artikel yang lain|mari bergabung di (?:grup|kanal|saluran|"
    r"channel)|(?:ayo |yuk )?gabung(?:lah)? (?:di|ke|dengan) (?:grup|kanal|saluran|channel)|"
    r"(?:ayo |yuk )?gabung(?:lah)? (?:dalam |di |ke )?diskusi\b|"
    r"follow (?:kami|akun)|klik (?:di ?sini|link) untuk)",
    re.I,
)
# A date and time, as pages print them beside a byline: `Kamis, 11 Desember 2025 - 10:05 WIB`,
# `Diterbitkan: 21 November 2024, 08.15 WITA`, `Diposting pada 9 Desember 2024`, `17/11/2024 07:45`,
# `Senin, 14 Maret 2016 - 10:22:00 WIB`, `Terakhir Diperbaharui ( Senin, 14 Maret 2016 12:01 )`.
DATE_LABEL = (
    r"(?:(?:terakhir\s+)?(?:diperbaharui|diperbarui|diubah|diupdate)|diterbitkan|dipublikasikan|"
    r"dipublish|diposting|diunggah|ditayangkan|ditulis|update(?:\s+terakhir)?|terbit|last\s+updated|"
    r"tayang|published|posted|updated|dibuat|tanggal)(?:\s+(?:pada|on|tanggal))?\s*:?\s*\(?\s*"
)
DATE_STAMP = _rx(
    rf"^(?:{DATE_LABEL})?(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+)?"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{1,2}([/-])\d{1,2}\1\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*[,/|–-]?\s*(?:(?:pukul|jam)\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit))?)?"
    r"(?:\s*\))?$",
    re.I,
)
# A date that opens with no trigger word, alone on its line: the place it was written
# (`Wonosobo, 14 Maret 2016`), or the month first (`March 14, 2016`). Tried on short lines that
# end in a digit only (the classifier's gate lets no other line start with a place).
PLACE_DATE = _rx(
    r"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?(?:(?:[a-z]{3,9}\.?\s+\d{1,2},\s*\d{4})|"
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+)?\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4})"
    r"(?:\s*[,|–-]?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit))?)?$",
    re.I,
)
# "2 jam yang lalu", "5 menit lalu": a relative time beside a byline, never a date.
RELATIVE_TIME = _rx(
    r"^(?:diperbarui\s+)?\d{1,3}\s+(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu$",
    re.I,
)
REPUBLISHED = _rx(
    r"^(?:artikel|berita) ini (?:telah|sudah)?\s*(?:tayang|ditayangkan|terbit|diterbitkan)\s+(?:di|pada)"
    r"\s+(?P<source>[\w.-]+(?:\s[\w.-]+){0,3}?)\s+dengan judul\b",
    re.I,
)
# "Halaman: 1 2 Selanjutnya › Tampilkan Semua": a pagination bar whose class no drop names.
PAGE_MARKER = _rx(r"^(?:halaman\s+)?\d+\s*(?:dari|/|of)\s*\d+(?:\s*halaman)?$|^halaman\s*:?\s*"
                  r"(?=.*\d)(?:(?:\d+|selanjutnya|berikutnya|sebelumnya|tampilkan semua|"
                  r"lihat semua|[‹›«»<>]+)\s*)+$|^(?:selanjutnya|sebelumnya|"
                  r"halaman selanjutnya|tampilkan semua|lihat semua|semua halaman)\s*[»>]*$",
                  re.I)  # fmt: skip
PHOTO_LABEL = _rx(r"^\(?(?:foto|video|teks foto|sumber foto|sumber video|caption|ilustrasi|dok\.?|"
                  r"dokumentasi)\s*[:.]",
                  re.I)  # fmt: skip

# --- photo captions and credits -------------------------------------------------------------

AGENCY = (
    r"AFP|Reuters|AP(?: Photo)?|ANTARA(?: FOTO)?|Antara|Getty(?: Images)?|SPUTNIK|Sputnik|KCNA|"
    r"kcna|KNS|EPA|Xinhua|Yonhap|Anadolu|Bloomberg|Shutterstock|Istimewa|istimewa|Dok\.?|"
    r"dok\.?|HO|ho|Handout|Foto|foto|FOTO|Instagram|Twitter|Freepik|Unsplash|Pixabay|Kompas(?:\.com)?|Tribunnews(?:\.com)?"
)
_CREDIT_PARENS = _rx(rf"\((?=[^()]*/)(?=[^()]*\b(?:{AGENCY})\b)[^()]{{2,80}}\)")
# "Alexey NIKOLSKY / SPUTNIK / AFP", "KCNA VIA KNS/AFP": names joined by slashes, ending a caption.
_SLASH_CREDIT = (
    rf"[\w.'-]+(?:\s[\w.'-]+){{0,3}}(?:\s?/\s?[\w.'-]+(?:\s[\w.'-]+){{0,3}})*\s?/\s?(?:{AGENCY})"
)
CREDIT_ONLY = _rx(rf"^{_SLASH_CREDIT}$")
# "Tribunnews.com/Jeprima": an outlet and a photographer, alone under a photo of a gallery.
DOMAIN_CREDIT = _rx(r"^(?:[\w-]+\.)+(?:com|co\.id|id|net|tv)\s?/\s?[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,3}$",
                    re.I)  # fmt: skip
# "(Pradita Utama/detikcom)" alone on its line between a photo story's captions: the photographer
# and the outlet, in brackets (a writer's sign-off names a domain: `(Rina Ayu/Tribunnews.com)`).
# Without brackets too, when the outlet is written as photo desks write it (`detikcom`,
# `detikFoto`, `detik.com`): "Muhammad Rizki/detikcom" alone beside a photo.
CREDIT_LINE_PARENS = _rx(r"^(?:\((?:[A-Z][\w.'’-]*\s?){1,4}/\s?[\w-]{2,30}\)|(?:[A-Z][\w.'’-]*\s?){1,4}"
                         r"/\s?(?:[a-z][a-z]{2,15}(?:[A-Z][a-z]+)?|(?:[\w-]+\.)+(?:com|co\.id|id|net|tv)))$")  # fmt: skip
# "… melintas. ANTARA FOTO/Aditya Pradana Putra/foc": the agency first, then the photographer.
CREDIT_AGENCY_FIRST = _rx(rf"\s\(?(?i:{AGENCY})\s?/\s?[\w.'’ -]{{2,60}}(?:/[\w.]{{1,10}})?\)?\.?$")
# …the same ending a caption left in the body's text (`Tim SAR … Jumat (4/7/2025). ANTARA
# FOTO/Budi Candra Setya/nym.`): after a sentence, the wire in capitals, a photographer's name.
# The outlet's own photo desk in capitals too (`… Banten. KONTAN/Baihaki/19/05/2026`, `… masuk.
# KOMPAS.com/ARI HIMAWAN`, `TEMPO/M Taufan Rengganis`); the name's words capitalised.
CAPTION_AGENCY_FIRST = _rx(
    r"(?<=[.!?)])\s(?:ANTARA FOTO|AP Photo|Reuters|Xinhua|[A-Z]{2,}(?:\.(?:com|COM|co\.id|id))?)\s?/"
    r"\s?[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,5}(?:/[\w.]{1,10}){0,3}\.?$"
)
# "… di Sidikalang. (Patrazone.com/Frengki Sinaga)": the outlet and the photographer.
CREDIT_DOMAIN_TAIL = _rx(
    r"\s\(?(?:[\w-]+\.)+(?:com|co\.id|id|net|tv)\s?/\s?[\w.'’ -]{2,40}\)?\.?$", re.I
)
CAPTION_ENDS_WITH_CREDIT = _rx(rf"(?:\s{_SLASH_CREDIT}|{_CREDIT_PARENS.pattern})\s*$")
CAPTION_CREDIT_THEN_TEXT = _rx(rf"{_CREDIT_PARENS.pattern}\s[-–—]\s")
CREDIT_DASH = _rx(r"\)\s[-–—]\s")  # cheap guard of the one above
# Getty-style "WASHINGTON, DC - JUNI 06: …" and Tribun-style "LABEL IN CAPS – description (credit)".
# "… Pelalawan. Foto: Dok. Humas PUPR" / "… (Foto: Dok. Humas BBKSDA Riau)": a photo credit
# ends the line.
# (`Redaktur Foto: Arif Rahman` in a masthead story is a role, not a credit.)
CAPTION_FOTO = _rx(r"(?:^|(?<!redaktur)(?<!editor)[\s.(])(?:foto|foto/ilustrasi|sumber foto|ilustrasi foto)\s*:\s*[^():]{2,80}\)?\s*$",
                   re.I)  # fmt: skip
# A story photo's credit after its caption's last sentence, whatever the outlet: in brackets with
# a slash or a credit word (`(Agung Pambudhy/detikcom)`, `[Foto: Rizal]`, `(Dok. Humas X)`), or
# bare `Name/outlet` (`… pekan ini. Agung Pambudhy/detikcom`). Only captions are cut by it.
STORY_CREDIT_TAIL = _rx(
    r"(?:\s[(\[](?:[^()\[\]/\d]{2,60}/[^()\[\]]{2,40}|(?i:foto|dok\.?|dokumentasi|sumber)\b"
    r"[^()\[\]]{0,60})[)\]]|(?<=[.!?])\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?/\s?"
    r"[\w.-]{2,30})\.?$"
)
# `FOTO: ANTARA/Hery Sidik - Warga …`: the credit first, then the caption.
STORY_CREDIT_LEAD = _rx(r"^(?:foto|dok\.?)\s*:\s*[^-–—:]{2,60}?\s[-–—|]\s(?=\S)", re.I)
CAPTION_GETTY = _rx(r"^[A-Z][A-Z .,'-]{2,40}\s[-–—]\s[A-Z]{3,9}\s\d{1,2}\s?:")
CAPTION_LABEL = _rx(r"^(?![^-–—]*\.(?:COM|CO\.ID|ID)\b)(?![^-–—]*\|)[A-Z0-9][A-Z0-9 ,.'&/]{2,60}"
                    r"\s[-–—]\s.+\([^()]{2,80}\)$")  # fmt: skip

# --- bylines, editors, sources (to metadata) ------------------------------------------------

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,5}"
# `by`: "Oleh X", the theme's "by" before whoever posted the story: a writer, unless the text
# names X its editor and someone else its writer (cleaners/metadata/fields.py).
FIELD_KEYS = {
    "penulis": "authors", "reporter": "authors", "pewarta": "authors", "wartawan": "authors",
    "kontributor": "authors", "koresponden": "authors", "oleh": "by", "ditulis oleh": "by",
    "jurnalis": "authors", "laporan": "authors", "rep": "authors", "red": "editor",
    "teks": "authors", "naskah": "authors", "teks dan foto": "authors", "teks & foto": "authors",
    # `Laporan Reporter: X | Foto: Y`: the reporter's line names the writer (the photographer no author)
    "laporan reporter": "authors", "laporan wartawan": "authors", "laporan kontributor": "authors",
    "editor": "editor", "penyunting": "editor", "redaktur": "editor", "editing": "editor",
    "sumber": "source", "source": "source", "foto": None, "video": None, "grafis": None,
    "kategori": None, "category": None, "rubrik": None,
    "uploader": "editor", "penerjemah": None, "translator": None,
    "fotografer": None, "videografer": None,
}  # fmt: skip
# `Penulis: X`, `Penulis – X`; a correspondent's place between key and colon (`Kontributor
# Lamongan: X`, `Koresponden Jawa Timur: X`).
_PLACE = r"(?:\s+(?-i:[A-Z][\w.]*)){0,2}"
FIELD = _rx(r"^(?P<key>" + "|".join(sorted(FIELD_KEYS, key=len, reverse=True)) + r")"
            r"(?:(?:(?<=kontributor)|(?<=koresponden)|(?<=wartawan)|(?<=reporter))" + _PLACE
            + r")?(?:\s*:|\s[-–—])\s*(?P<value>.+)$", re.I)  # fmt: skip
# ... a place after its comma is where it was written (`Oleh Agus Setiawan, Depok`).
BYLINE_NO_COLON = _rx(
    rf"^(?:Reporter|Penulis|Pewarta|Jurnalis|(?:(?:Ditulis|Diposting|Dikirim)\s+)?[Oo]leh)\s+(?P<name>{_NAME})"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?$"
)
# `Posted by admin on Maret 14, 2016`, `Diposting oleh Admin Diskominfo pada 14 Maret 2016`: a
# post's info line, the poster then the date.
POSTED_BY = _rx(r"^(?:posted\s+by|diposting\s+oleh|ditulis\s+oleh|oleh)\s*:?\s*(?P<name>[A-Za-z][\w.' ]{1,40}?)"
                r"\s*(?:,|\||\s(?:on|pada|di|at))\s+(?P<date>[^|]{0,30}\d[^|]{0,30})$", re.I)  # fmt: skip
# `Ditulis pada 29 November 2025 oleh Administrator - Dibaca 58 kali`: a village portal's info
# line, the date first, then the poster and the counter.
POSTED_ON = _rx(r"^(?=.*\b(?:oleh|dibaca|dilihat)\b)(?:ditulis|diposting|diterbitkan|dipublikasikan)\s+(?:pada|tanggal)\s+[^|]{0,30}\d{4}"
                r"(?:[^|]{0,12}?\d{1,2}[:.]\d{2})?(?:\s+oleh\s*:?\s*(?P<name>[A-Za-z][\w.' ]{1,40}?))?"
                r"(?:\s*[-|•·,]\s*(?:dibaca|dilihat)\s*:?\s*[\d.]+\s*kali)?$", re.I)  # fmt: skip
LAPORAN = _rx(r"^(?:Laporan\s+(?i:Wartawan|Reporter|Koresponden|Kontributor)\s+[^,]{2,60}|"
              # `Kontributor Bandung, Reni Susanti` (kompas): the role, its place, the name
              r"(?:Kontributor|Koresponden)\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}),\s*(?P<name>"
              # …and the place it was filed from after the name (`…, Rizky Aulia, Tebing Tinggi`)
              r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?:,\s*[A-Z][\w .'-]{2,30})?$|"
              # `Laporan Andi Baso, Maros`: the reporter, then the place they file from
              r"^Laporan\s+(?P<named>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}),\s*[A-Z][\w .'-]{2,30}$")  # fmt: skip
# `(Andi Baso)` alone closing the story: the writer's name in brackets, two words or more.
SIGNED_NAME_ONLY = _rx(r"^\((?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,3})\)\.?$")

# --- sign-offs and the trailer --------------------------------------------------------------

# `(hms)`, `(*/red)`, `[red]`: portals close in square brackets too.
SIGNOFF_LINE = _rx(r"^[(\[]\s*(?P<inner>\*+|[*\w.]+(?:\s?/\s?[*\w. ]+)+|[a-z]{2,4}(?:\s?[,/]\s?[a-z]{2,4})*)\s*[)\]]\.?$")  # fmt: skip
# `(END)`, `[SELESAI]`, `TAMAT`: the story's end mark (wire copy, old portals).
END_MARK = _rx(r"^(?:[(\[]\s*(?i:end|ends|selesai|tamat)\s*[)\]]|END|ENDS|SELESAI|TAMAT)\.?$")
# `---`, `***`, `* * *`, `===`: a rule typed as text between parts or under the last paragraph.
# (`___` stays: the Scrapinghub set's article bodies keep underscore rules as text.)
RULE_LINE = _rx(r"^(?:[-–—*=~#•·]\s*){3,}$")
# `… kata dia. (Tribunnews.com/Rina Ayu)`: the writer's sign-off glued to the last paragraph.
_OUTLET_DOMAIN = r"(?:[\w-]+\.)+(?:com|co\.id|id|net|org|tv)"
SIGNED_TAIL = _rx(rf"(?<=[.!?\"”’)])\s*\((?:{_OUTLET_DOMAIN}\s?/\s?(?P<names>[^()]{{2,60}})|"
                  rf"(?P<before>[^()/]{{2,40}}?)\s?/\s?{_OUTLET_DOMAIN})\)\.?$", re.I)  # fmt: skip
# The same sign-off alone on its line, the name first: `(Rina Ayu/Tribunnews.com)`.
SIGNED_NAME_FIRST = _rx(rf"^\((?P<names>[^()/]{{2,40}}?)\s?/\s?{_OUTLET_DOMAIN}\)\.?$", re.I)
# `(Muhammad Fauzan/Humas ITS)`, `(HUMAS ITS/Muhammad Fauzan)`, `(Muhammad Fauzan/Warta
# Lamongan)`: a writer and their office or outlet, no domain; the office is told by its words.
SIGNED_PAIR = _rx(r"^\((?P<a>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\s?/\s?"
                  r"(?P<b>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\)\.?$")  # fmt: skip
OFFICE_WORD = _rx(r"^(?:humas|biro|bagian|dinas|diskominfo|kominfo|pemkab|pemkot|pemprov|setda|"
                  r"tim|redaksi|desk|prokopim|protokol)\b", re.I)  # fmt: skip
# A caption's label in capitals: `FOGGING DBD - Petugas melakukan …`.
CAPS_LABEL = _rx(r"^[A-Z0-9][A-Z0-9 ,.'&/]{2,60}\s[-–—]\s")
# One reporter's or desk's code in a sign-off: `ant`, `rin`, `Ant`, `Z-2`, `RED`.
INITIALS = _rx(r"^\*?(?:[a-z]{1,5}|[A-Z][a-z]{1,3}|[A-Z]{1,4}(?:-\d{1,3})?)$")
# After a sentence's end, the portals' own forms too: one code (`(fkh)`, okezone), codes in square
# brackets (`[idr]`, `[ded/ren]`, merdeka), a desk code with a number (`(Z-2)`, `(AU/N-3)`,
# `(Ant/E-3)`, Media Indonesia).
SIGNOFF_TAIL = _rx(
    r"\s*\(\s*(?:\*+(?:/\w+)?|[a-z]{2,5}(?:\s?/\s?[a-z*]{1,5})+|\*/[a-z]+)\s*\)\.?$|"
    r"(?<=[.!?\"”’])\s*(?:\(\s*[a-z]{2,5}\s*\)|\[\s*[a-z]{2,5}(?:\s?/\s?[a-z]{2,5})*\s*\]|"
    r"\(\s*(?:[A-Z][A-Za-z]{1,3}\s?/\s?)?[A-Z]{1,3}-\d{1,3}\s*\))\.?$"
)
DOMAIN = _rx(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv)$", re.I)
# A related/recommended block: in a page, the body may go on after its links.
RELATED = _rx(
    r"^(?:berita\s+lain(?:nya)?\s+terkait\b.*|berita\s+terkait|artikel\s+terkait|topik\s+terkait|"
    r"berita\s+lainnya|baca\s+juga|rekomendasi(?:\s+untuk\s*(?:anda|mu))?|berita\s+terkini|"
    r"berita\s+terpopuler|terpopuler|terbaru|populer|pilihan\s+(?:editor|redaksi)|"
    r"(?:(?:galeri\s+)?foto|video|galeri)\s+(?:lainnya|terkait|terpopuler|terbaru)|"
    r"related(?:\s+(?:posts|articles))?)\s*:?$",
    re.I,
)
# The page's trailer: share, comments, footer. Nothing after it is the article.
END = _rx(
    # WordPress's share and like boxes head their buttons `Bagikan ini:`, `Suka ini:`.
    r"^(?:bagikan(?:\s+(?:ke|berita|artikel)(?:\s+ini)?|\s+ini)?|share(?:\s+this)?|suka\s+ini|tinggalkan\s+(?:ulasan|"
    r"balasan|komentar)|komentar|tulis\s+komentar|alamat\s+email\s+anda\s+tidak\s+akan\s+"
    r"dipublikasikan.*|(?:©|\(c\))\s*\S.*|(?:copyright|hak\s+cipta)\b.*|tags?\s*:.*|topik\s*:.*)\s*:?$",
    re.I,
)
# ... or a rights line that may start with anything (`Kontan 2025. All rights reserved.`):
# no trigger word guards it, the classifier looks for RESERVED_MARKS in the line instead.
ALL_RIGHTS = _rx(r"^.{0,80}all\s+rights?\s+reserved\.?\s*:?$", re.I)
RESERVED_MARKS = ("eserved", "ESERVED")


# A prefix, not a word: labels come glued too ("ADVERTISEMENTSCROLL TO CONTINUE").
TRIGGER = _rx("|".join(sorted(TRIGGER_WORDS, key=len, reverse=True)), re.I)


# The patterns the classifier tries only on lines that start with a trigger word or with a
# non-letter (tests/test_rules.py checks that every start of each is covered). Captions and
# ALL_RIGHTS are tried on any line.
LABELLED = (
    READ_ALSO, READ_ALSO_SENTENCE, AD, EMBED_PLACEHOLDER, PROMO, PROMPT, PROMO_LEAD, DATE_STAMP, REPUBLISHED,
    PAGE_MARKER, PHOTO_LABEL, FIELD, BYLINE_NO_COLON, POSTED_BY, POSTED_ON, LAPORAN, SIGNOFF_LINE, RELATED, END,
    VISITOR_COUNTER, PLAYER_FALLBACK, RELATIVE_TIME, END_MARK, RULE_LINE, COMMENT_PROMPT, INFOGRAPHIC,
    REUSE_NOTICE, AD_SALES, TAXONOMY, SEND_US, VIDEO_PROMO, REPUBLISHED_SHORT, REPUBLISHED_READ,
    OWN_APP, POST_NAV, *PRESS_LINES, *PLUG_LINES,
)  # fmt: skip
