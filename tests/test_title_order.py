"""The title's order of sources, step by step as `cleaners.metadata.fields.read_metadata`'s
docstring lists them: each page here holds every later source too, so the step that wins is
the first one the page allows."""

from __future__ import annotations

import pytest

from cleaners.generic import GENERIC
from cleaners.html import parse
from cleaners.metadata import read_meta, read_metadata

URL = "https://blogdesa.example/2025/07/kabar.html"
LD = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "%s"}</script>'


def _page(h1: str | None, heading: str = "", ld: str = "", og: str = "", title: str = "") -> str:
    head = '<meta property="og:site_name" content="Blog Desa">'
    head += f'<meta property="og:title" content="{og}">' if og else ""
    head += LD % ld if ld else ""
    head += f"<title>{title}</title>" if title else ""
    body = f"<h1>{h1}</h1>" if h1 is not None else ""
    body += f'<h2 class="post-title">{heading}</h2>' if heading else ""
    return f"<html><head>{head}</head><body>{body}<p>Isi berita.</p></body></html>"


def _title(page: str) -> str | None:
    root = parse(page)
    return read_metadata(root, GENERIC, read_meta(root), URL).title


CASES = {
    # 1. the visible headline, before the head's SEO wording
    "headline element": (
        _page(
            "Warga Gotong Royong Perbaiki Jalan",
            "Warga Perbaiki Jalan",
            "Gotong Royong di Desa",
            "Jalan Desa Diperbaiki - Blog Desa",
        ),
        "Warga Gotong Royong Perbaiki Jalan",
    ),
    # 2. <h1> is the site's name: the heading that agrees with the head, as the reader sees it
    "agreeing heading": (
        _page("Blog Desa", "Warga Perbaiki Jalan!", "", "Warga Perbaiki Jalan - Blog Desa"),
        "Warga Perbaiki Jalan!",
    ),
    # 3. no heading agrees: what the head says, the site's name cut
    "head headline": (
        _page("Blog Desa", "Kabar Lain", "", "", "Panen Raya Dimulai | Blog Desa"),
        "Panen Raya Dimulai",
    ),
    # 4. an empty headline element: JSON-LD headline as it stands, then og:title
    "JSON-LD headline": (
        _page("", "", "Panen Raya | Blog Desa", "Judul OG - Blog Desa"),
        "Panen Raya | Blog Desa",
    ),
    "og:title": (_page("", "", "", "Judul OG - Blog Desa"), "Judul OG"),
}


@pytest.mark.parametrize("case", CASES)
def test_title_source_order(case: str):
    page, title = CASES[case]
    assert _title(page) == title
