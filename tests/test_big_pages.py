"""Pages of tens of thousands of lines keep every line (issue 18.2, 19.4). Their cleaning time
is measured in `bench/bigpage.py`, not here: the timeout only stops a quadratic step from
hanging the suite."""

from __future__ import annotations

import pytest

from bench.bigpage import LINE, TITLE, br_lines, paragraphs
from cleaners import clean_html
from cleaners.generic import MAX_TRAFILATURA_ELEMENTS

N = 80_000


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_80k_br_lines_on_the_generic_path_keep_every_line():
    article = clean_html(br_lines(N), outlet="generic")
    assert article.title == TITLE
    assert article.paragraphs == [LINE.format(i=i) for i in range(N)]


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_80k_paragraphs_on_the_site_path_keep_every_line():
    url = "https://mediapesan.com/bus-listrik-mulai-melayani-warga-makassar/"
    article = clean_html(paragraphs(N), url=url)
    assert article.method == "site"
    assert article.paragraphs == [LINE.format(i=i) for i in range(N)]


def test_a_page_just_over_the_cap_reads_as_one_just_under_it():
    """Over the cap the densest block alone reads the page, under it trafilatura: the same text."""
    lines = MAX_TRAFILATURA_ELEMENTS // 2
    under, over = br_lines(lines - 100), br_lines(MAX_TRAFILATURA_ELEMENTS + 100)
    assert clean_html(under, outlet="generic").paragraphs == [
        LINE.format(i=i) for i in range(lines - 100)
    ]
    expected = [LINE.format(i=i) for i in range(MAX_TRAFILATURA_ELEMENTS + 100)]
    assert clean_html(over, outlet="generic").paragraphs == expected
