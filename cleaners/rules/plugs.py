"""Lines a site without a cleaner adds to its own posts (read by the generic path as paragraphs):
a plug for the outlet's broadcast, a donation appeal in a banner's caption, the login that signs
the post. None is a sentence of the story; each is dropped wherever it stands."""

from __future__ import annotations

import re

from .press import PRESS_LINES

# `Saksikan berita lainnya di Riau Televisi, setiap hari pukul 17.00 WIB dalam program …`,
# `Tonton terus informasi terkini hanya di Kanal YouTube X`: the reader told to watch the
# outlet's programme, its channel or its schedule named ("Warga menyaksikan …" is a story's).
BROADCAST_PLUG = re.compile(
    r"^(?:saksikan|tonton|simak|ikuti)\s+(?:terus\s+)?(?:berita|informasi|liputan|tayangan|program)\b"
    r"[^.!?]{0,60}\b(?:di|melalui|hanya\s+di)\s[^.!?]{2,80}?\b(?:setiap\s+hari|setiap\s+\w+\s+pukul|"
    r"pukul\s+\d|program\b|kanal\b|channel\b|youtube\b|live\s+streaming)[^!?]{0,120}$",
    re.I,
)
# `Salurkan donasi terbaik Anda untuk korban bencana melalui Lazismu. Klik di sini.`, `Tunaikan
# zakat Anda di …`: an appeal to the reader, the imperative first; a story reports an appeal
# ("Warga diajak menyalurkan donasi …").
DONATION_PLUG = re.compile(
    r"^(?:salurkan|tunaikan|titipkan)\s+(?:\w+\s+){0,3}?(?:donasi|zakat|infa[qk]|sedekah|wakaf)\b"
    r"[^!?]{0,200}$",
    re.I,
)
# `Admin Desa Sidomulyo`, `Administrator`, `Operator Web Kelurahan X`: the login that posted it,
# signing the post's last line; nobody's byline and no sentence.
LOGIN_SIGNATURE = re.compile(
    r"^(?i:admin(?:istrator)?|operator|webmaster)(?:\s+(?i:web(?:site)?|desa|kelurahan|situs))?"
    r"(?:\s+[A-Z][\w.'-]*){0,4}$"
)

PLUG_LINES = (BROADCAST_PLUG, DONATION_PLUG, LOGIN_SIGNATURE)
# What the classifier drops of a site's own lines: its press releases' and its plugs.
OWN_SITE_LINES = (*PRESS_LINES, *PLUG_LINES)
