"""The lines a press release carries around its text (a ministry's or a regency's release posted
as news on its own site, read by the generic path): its number, the press office that signs it,
the contact for the media, the campaign's hashtags. None is a paragraph of the story."""

from __future__ import annotations

import re

# `Siaran Pers Nomor: 045/SP/HM/BKP/V/2025`, `SIARAN PERS`, `Press Release`
RELEASE_NUMBER = re.compile(
    r"^(?:siaran\s+pers|press\s+release|rilis\s+(?:pers|media))(?:\s+(?:nomor|no\.?)\s*:?\s*\S{2,40})?\s*$",
    re.I,
)
# `Biro Komunikasi Publik Kementerian PUPR`, `Bagian Humas dan Protokol Setda Kabupaten X`: the
# office signing the release at its end, alone on its line.
PRESS_OFFICE = re.compile(
    r"^(?:biro|bagian|subbagian|pusat)\s+(?:komunikasi(?:\s+publik)?|hubungan\s+masyarakat|humas|"
    r"informasi(?:\s+publik)?)\b[^.!?]{0,100}$",
    re.I,
)
# `Narahubung: Endra S. Atmawidjaja (0812-…)`, `Kontak media: …`, `Informasi lebih lanjut: …`
MEDIA_CONTACT = re.compile(
    r"^(?:narahubung|kontak\s+media|contact\s+person|informasi\s+lebih\s+lanjut(?:\s+hubungi)?)\s*:.{0,160}$",
    re.I,
)
# `#SigapMembangunNegeri #PUPRMelayani`: a campaign's hashtags alone on a line.
HASHTAGS = re.compile(r"^#\w{2,40}(?:\s+#\w{2,40})*$")

PRESS_LINES = (RELEASE_NUMBER, PRESS_OFFICE, MEDIA_CONTACT, HASHTAGS)
