"""Issue 18.3: navigation, sidebars and link footers never win over the article. Every page
fixture, padded with a big link block, keeps its exact output on the site path; so does one
padded as real pages are, with tens of KB of inline script and style (text no reader sees)."""

from __future__ import annotations

import re

import pytest

from cleaners import clean_html
from cleaners.fixtures import page_fixtures

WORDS = ["harga-cabai-naik", "banjir-rob-pesisir", "pilkada-serentak", "gempa-susulan"]


def _links(n: int, path: str) -> str:
    return "".join(f'<li><a href="{path}{i}-{WORDS[i % 4]}">{WORDS[i % 4].replace("-", " ").title()}'
                   f" nomor {i} hari ini di kota</a></li>" for i in range(n))  # fmt: skip


PADDING = {
    "sidebar": ("</body>", f'<div class="widget"><h3>Terpopuler</h3><ul>{_links(50, "/berita/baca/")}</ul></div>'),
    "mega-menu": ("<body>", f'<div class="mega-menu"><ul>{_links(80, "/kanal/")}</ul></div>'),
    "inline-scripts": ("</body>", "".join(f"<script>var t{i}=window.dataLayer||[];for(var j=0;j<n;j++)"
                                           f"{{t{i}.push({{event:'slot{i}',id:j}})}}</script>" for i in range(300))
                       + "<style>" + ".ads-slot{min-height:250px}" * 400 + "</style>"
                       + "<noscript><img src=pixel.gif alt=''></noscript>"),
    "link-footer": ("</body>", '<div class="foot"><p>' + " ".join(f"<a href=/p/{i}>Tautan {i}</a>" for i in range(60)) + "</p></div>"),
}  # fmt: skip


def pad(page: str, where: str, block: str) -> str:
    if where == "<body>":
        return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + block, page, count=1, flags=re.I)
    return re.sub(r"</body>", lambda m: block + m.group(0), page, count=1, flags=re.I)


@pytest.mark.parametrize("kind", PADDING)
def test_padded_pages_keep_their_exact_output(kind):
    where, block = PADDING[kind]
    for fixture in page_fixtures():
        page = fixture.input_file.read_bytes().decode("utf-8", "surrogateescape")
        padded = pad(page, where, block).encode("utf-8", "surrogateescape")
        article = clean_html(padded, url=fixture.source["url"])
        assert article.to_text() == fixture.expected_text, (fixture.id, kind)
        assert article.metadata() == fixture.expected_meta, (fixture.id, kind)
