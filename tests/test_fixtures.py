"""Golden fixtures: every page and every seed cleans to its expected text and metadata, exactly."""

from __future__ import annotations

import pytest

from cleaners import SITES, clean_html, clean_text
from cleaners.fixtures import (
    boilerplate_strings,
    clean_split,
    page_fixtures,
    split_fixtures,
    text_fixtures,
)
from cleaners.sites import BY_NAME

PAGES = page_fixtures()
SPLITS = split_fixtures()  # split articles with no whole view: their pages merged
SEEDED = {"tribunnews", "kontan", "riau24", "mediapesan", "patrazone"}
TEXTS = text_fixtures()


def clean(fixture):
    source = fixture.source
    if fixture.is_split:
        return clean_split(fixture)
    if fixture.is_page:
        return clean_html(fixture.input_file.read_bytes(), url=source["url"])
    return clean_text(fixture.input_file.read_text(encoding="utf-8"), outlet=source["outlet"])


SEEDED = {"tribunnews", "kontan", "riau24", "mediapesan", "patrazone"}  # the seeds' outlets


def test_every_outlet_has_three_pages_and_the_seeded_ones_a_seed():
    outlets = {f.path.parent.name for f in PAGES}
    assert outlets == {site.name for site in SITES}
    for outlet in outlets:
        assert len([f for f in PAGES if f.path.parent.name == outlet]) >= 3, outlet
    # Seeds exist for the first five outlets only (../shared/seeds/).
    assert {f.source["outlet"] for f in TEXTS} == SEEDED


@pytest.mark.parametrize("fixture", PAGES + SPLITS + TEXTS, ids=lambda f: f.id)
def test_clean_text_matches(fixture):
    assert clean(fixture).to_text() == fixture.expected_text


@pytest.mark.parametrize("fixture", PAGES + SPLITS + TEXTS, ids=lambda f: f.id)
def test_metadata_matches(fixture):
    assert clean(fixture).metadata() == fixture.expected_meta


@pytest.mark.parametrize("fixture", PAGES + SPLITS + TEXTS, ids=lambda f: f.id)
def test_no_boilerplate_leaks(fixture):
    text = clean(fixture).to_text()
    leaks = [s for s in boilerplate_strings() if s in text]
    assert leaks == []


@pytest.mark.parametrize("fixture", SPLITS, ids=lambda f: f.id)
def test_split_fixtures_name_the_pages_of_one_article_in_order(fixture):
    site = BY_NAME[fixture.outlet]
    pages = fixture.pages
    assert len(pages) > 1 and all(page.is_page for page in pages)
    assert [site.article_key(page.url) for page in pages] == [fixture.url] * len(pages)
    assert [site.page_of(page.url) for page in pages] == [None, *map(str, range(2, len(pages) + 1))]


@pytest.mark.parametrize("fixture", PAGES + SPLITS, ids=lambda f: f.id)
def test_site_path_does_not_fall_back(fixture):
    assert clean(fixture).method == "site"


@pytest.mark.parametrize("fixture", PAGES + SPLITS + TEXTS, ids=lambda f: f.id)
def test_expected_files_have_the_format_shape(fixture):
    text = fixture.expected_text
    assert text.endswith("\n") and not text.endswith("\n\n")
    lines = text[:-1].split("\n")
    body = lines[2:] if len(lines) > 1 and lines[1] == "" else lines
    assert all(line and line == line.strip() for line in body)
    assert all("  " not in line and "\u00a0" not in line for line in lines)
