"""Authors are persons. CMS logins (`admin`, `redaksi`), offices and desks (`Diskominfo
Kabupaten X`, `Humas ITS`, `Tim Redaksi`) and the publication itself are nobody's byline: the
generic path reads them off unknown pages as if they were names."""

from __future__ import annotations

import re

# A login or a desk word standing alone, or an office's name starting with one.
LOGIN = re.compile(
    r"^(?:admin\w*|administrator|redaksi\w*|webmaster|editor|operator|humas|kontributor|"
    r"author|penulis|user|superadmin|staff|tim|team|desk)\d*$",
    re.I,
)
DESK = re.compile(
    r"^(?:tim|team|desk|redaksi|humas|biro|bagian|bidang|dinas|diskominfo|kominfo|pemerintah|"
    r"pemkab|pemkot|pemprov|setda|sekretariat|admin|kantor|bappeda|dprd|universitas|"
    r"fakultas|pusat|unit|lembaga|public relations|pr)\b",
    re.I,
)


def is_person(name: str) -> bool:
    """Whether a byline read off an unknown page can be a person's name."""
    name = name.strip()
    if not name or LOGIN.match(name.replace(" ", "")) or DESK.match(name):
        return False
    return any(ch.isalpha() for ch in name) and not name.islower()


# `Penulis: Fadli Yusuf`, `Oleh: Admin`, `Reporter : X` in a post's info line, up to `|`.
INFO_BYLINE = re.compile(
    r"(?:^|\|\s*|\s)(?:penulis|reporter|oleh|ditulis oleh|diposting oleh|posted by|by)\s*:?\s*"
    r"([^|:\n]{2,60}?)\s*(?:\||$)",
    re.I,
)


def info_line_authors(lines: list[str]) -> list[str]:
    """Persons named by the short info lines under a headline (`Sabtu, 22 November 2025 |
    11:40 WIB | Penulis: Fadli Yusuf`); logins and desks left out."""
    found = []
    for line in lines:
        for match in INFO_BYLINE.finditer(line):
            name = match.group(1).strip(" .,")
            if is_person(name) and len(name.split()) <= 5:
                found.append(name)
    return list(dict.fromkeys(found))
