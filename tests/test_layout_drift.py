"""Layouts change: when an outlet renames its classes, the site selectors miss, and the page must
still come out clean through the generic path, flagged as drift, not stored as garbage."""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.fixtures import ROOT, Fixture, boilerplate_strings
from scraper.health import drift_reason

# One page per outlet, and what its next redesign renames (the body's and headline's markup).
REDESIGNS = {
    "okezone/bus-listrik-transjakarta-2026": [
        ('id="contentx" class="read" itemprop="articleBody"', 'class="c-detail-body"'),
    ],
    "republika/seleksi-petugas-haji-2026": [
        ("article-content", "article-body-v2"),
        ("max-card__title", "headline-v2"),
    ],
    "suara/kereta-cepat-tarif-promo": [
        ('class="detail-content detail-berita"', 'class="read__content"'),
        ("detail-title", "read__title"),
    ],
    "viva/beasiswa-lpdp-2026": [
        ("main-content-detail", "article-body-new"),
        ("main-content-title", "article-headline"),
    ],
    "mediaindonesia/mk-batas-usia-kepala-daerah": [
        ('class="content" itemprop="articleBody"', 'class="isi-berita"'),
    ],
    "merdeka/tol-jogja-solo-fungsional": [
        ("article-body", "detail-body-v3"),
        ("article-title", "detail-title-v3"),
    ],
}


@pytest.mark.parametrize("name", sorted(REDESIGNS))
def test_renamed_classes_go_generic_clean_and_flagged(name):
    fixture = Fixture(ROOT / "pages" / name)
    page = fixture.input_file.read_text(encoding="utf-8")
    for old, new in REDESIGNS[name]:
        assert old in page, old  # the fixture still has the markup this test renames
        page = page.replace(old, new)
    article = clean_html(page, url=fixture.source["url"])
    assert article.method == "generic"
    assert article.outlet == fixture.path.parent.name
    assert article.to_text() == fixture.expected_text
    assert not [s for s in boilerplate_strings() if s in article.to_text()]
    assert drift_reason(article.to_dict(), {}) is not None
