"""Authors are persons. CMS logins (`admin`, `redaksi`), offices and desks (`Diskominfo
Kabupaten X`, `Humas ITS`, `Tim Redaksi`) and the publication itself are nobody's byline: the
generic path reads them off unknown pages as if they were names.

An office of another organisation (`Humas Pemkab Sleman`, `Biro Humas Universitas X`) named
as the writer is where the text comes from, a press release: the format's `source` (the wire or
origin). A login or the outlet's own newsroom (`admin`, `Tim Redaksi`, `Desk Jateng`) names the
outlet, which `outlet` already says: it goes nowhere."""

from __future__ import annotations

import re

from .. import html as dom
from ..rules.rule import split_names

# A login or a desk word standing alone, or an office's name starting with one.
LOGIN = re.compile(
    r"^(?:admin\w*|administrator|redaksi\w*|webmaster|editor|operator|humas|kontributor|"
    r"author|penulis|user|superadmin|superuser|staff|tim|team|desk)\d*$",
    re.I,
)
DESK = re.compile(
    r"^(?:tim|team|desk|redaksi|humas|biro|bagian|bidang|dinas|badan|diskominfo|kominfo|pemerintah|"
    r"pemkab|pemkot|pemprov|pemdes|setda|sekretariat|admin|kantor|bappeda|dprd|universitas|"
    r"fakultas|pusat|unit|lembaga|public relations|pr|operator|webmaster|pengelola|desa|"
    r"kelurahan|kecamatan|mc|"
    # a role and its place where a name stands (`Kontributor Bandung, Reni Susanti` as a meta
    # author, split at its comma): the role is nobody
    r"kontributor|koresponden|wartawan|reporter|jurnalis|pewarta|penulis|fotografer|"
    # a company (`PT Kompas Cyber Media`)
    r"pt)\b",
    re.I,
)
# A publisher's name anywhere: `Kompas Cyber Media`, `Tribun Network`, `Media Group`.
COMPANY = re.compile(r"\b(?:cyber\s+media|media\s+gr[ou]up|network|corporation|tbk)\b", re.I)


# An organisation's office, as opposed to the outlet's own newsroom (`tim`, `desk`, `redaksi`).
OFFICE = re.compile(
    r"^(?:humas|biro|bagian|bidang|dinas|badan|diskominfo|kominfo|pemerintah|pemkab|pemkot|pemprov|"
    r"setda|sekretariat|kantor|bappeda|dprd|universitas|fakultas|pusat|lembaga|pemdes|desa|"
    r"kelurahan|kecamatan|public relations|mc)\b",
    re.I,
)


# An office's word anywhere in the name: `ITS Public Relations`, `Tim Humas ITS`, `Prokopim Setda`;
# and the short names regional government offices go by (`Distanbun Jateng`, `BPBD Kabupaten
# Garut`, `Dinkes Sleman`, `Bappeda Jateng`), which no person is called.
OFFICE_ANYWHERE = re.compile(
    r"\b(?:humas|public relations|hubungan masyarakat|diskominfo|kominfo|prok(?:o|om)pim|"
    r"dis(?:tan(?:bun|hut|pangan)?|hub|dik(?:bud)?|perindag|pertan|nak(?:er|ertrans|keswan)?|"
    r"budpar|parbud|pora|dukcapil|sos|kes|pangtan|lh|kp|kan|perkim|pupr|koperasi|kumkm)|"
    r"dinkes|dinsos|dlh|bpbd|bappeda|bapenda|bpkad|bkd|bkpsdm|bpsdm|dpmptsp|dpmd|dpupr|dpu|"
    r"rsud|puskesmas|satpol\s*pp|kesbangpol|inspektorat|setwan|sekwan|bumdes|uptd?|"
    r"provinsi|kabupaten|adpim|media\s+cent(?:er|re)|"
    # organisations a page's own news names as its writer: a pesantren's media team, NU's and
    # Muhammadiyah's boards (`LTN PCNU Kudus`, `PWM Jateng`), a committee, a foundation
    r"pondok|pesantren|ponpes|yayasan|madrasah|panitia|pengurus|ltn|pbnu|pwnu|pcnu|mwcnu|"
    r"pwm|pdm|pcm|paguyuban|karang\s+taruna)\b",
    re.I,
)


def split_people(names: list[str]) -> tuple[list[str], str | None]:
    """The persons among bylines, and the first office named among the rest (the source)."""
    persons = [n for n in names if is_person(n)]
    # a login alone (`humas`, the account a portal's press office posts with) is the outlet
    # itself, which `outlet` says: no source
    offices = [n for n in names if not is_person(n) and not LOGIN.match(n.replace(" ", ""))
               and (OFFICE.match(n.strip()) or OFFICE_ANYWHERE.search(n))]  # fmt: skip
    return persons, offices[0].strip() if offices else None


def is_person(name: str) -> bool:
    """Whether a byline read off an unknown page can be a person's name."""
    name = name.strip()
    if not name or LOGIN.match(name.replace(" ", "")) or DESK.match(name):
        return False
    if OFFICE_ANYWHERE.search(name) or COMPANY.search(name):
        return False
    return any(ch.isalpha() for ch in name) and not name.islower()


# `Penulis: Fadli Yusuf`, `Oleh: Admin`, `Reporter : X` in a post's info line, up to `|`.
INFO_BYLINE = re.compile(
    r"(?:^|\|\s*|\s)(?:penulis|reporter|oleh|ditulis oleh|diposting oleh|posted by|by)\s*:?\s*"
    r"([^|:\n]{2,60}?)\s*(?:\||$)",
    re.I,
)


def info_line_names(lines: list[str]) -> list[str]:
    """Who the short info lines under a headline name as the writer (`Sabtu, 22 November 2025 |
    11:40 WIB | Penulis: Fadli Yusuf`, `Oleh: Humas DPRD`): persons, logins and desks alike."""
    found = []
    for line in lines:
        for match in INFO_BYLINE.finditer(line):
            name = match.group(1).strip(" .,")
            names = split_names(name)  # `Penulis: A, B dan C`: three people; a date after cut
            if len(name.split()) <= 5 or (names and max(len(n.split()) for n in names) <= 5):
                found += names or [name]
    return list(dict.fromkeys(found))


def info_line_authors(lines: list[str]) -> list[str]:
    """The persons the info lines name; logins and desks left out."""
    return [n for n in info_line_names(lines) if is_person(n)]


# Where news themes print the post's writer without a word before the name (Jannah's
# `a.author-name`, JNews' `.jeg_meta_author a`, tagDiv Newspaper's `.td-post-author-name a`,
# GeneratePress/Astra's `.author-name`, Elementor's post-info author item, MH's, Newsup's).
THEME_AUTHORS = (
    "a.author-name", ".author-name a", ".meta-author a", ".jeg_meta_author a",
    ".td-post-author-name a", ".post-author-name a", ".entry-author a", ".posted-by a",
    ".mh-meta-author a", ".elementor-post-info__item--type-author", ".author-name",
)  # fmt: skip


def theme_author(root) -> list[str]:
    """The writer a theme's author element names, the first in the page (a sidebar's teasers
    may name theirs after it); logins and desks are judged by the caller."""
    found = dom.select_one(root, THEME_AUTHORS)
    name = dom.text_of(found) if found is not None else ""
    return [name] if name and len(name.split()) <= 5 else []
