"""Metadata and edges on the generic path (issue 10, class f): pages of Indonesian outlets with
no site cleaner — Blogger and WordPress themes with the site's name in <h1>, layout-table
portals, desks and logins in the byline slot, dates only in a visible header, video
placeholders. Each folder of `tests/data/generic_meta/` is a full page with its exact expected
text and the metadata fields it tests (`expected.json`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_html

ROOT = Path(__file__).resolve().parent / "data" / "generic_meta"
FOLDERS = sorted(p for p in ROOT.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_generic_page_text_and_metadata(folder: Path):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    article = clean_html((folder / "page.html").read_bytes(), url=expected["url"])
    assert article.method == "generic"
    assert article.to_text() == (folder / "expected.txt").read_text(encoding="utf-8")
    got = article.metadata()
    assert {key: got[key] for key in expected if key != "url"} == {
        key: value for key, value in expected.items() if key != "url"
    }


def test_there_are_enough_pages():
    assert len(FOLDERS) >= 8


@pytest.mark.parametrize("line", ["(hms)", "(*)", "[red]", "[hms/red]"])
def test_desk_code_sign_offs_are_no_paragraph(line: str):
    from cleaners.rules import Captured
    from cleaners.rules.classify import classify
    from cleaners.rules.rule import Kind

    assert classify(line, Captured()) is Kind.SIGNOFF
