"""Full pages that are no article (tests/data/not_articles/): refused with their exact one-line
reason on the outlet's path and on the generic path, never given as an article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import NotAnArticle, clean_html

FOLDERS = sorted(
    p for p in (Path(__file__).parent / "data" / "not_articles").iterdir() if p.is_dir()
)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
@pytest.mark.parametrize("outlet", [None, "generic"], ids=["by-url", "generic"])
def test_refused_with_its_reason(folder: Path, outlet: str | None) -> None:
    source = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    with pytest.raises(NotAnArticle) as refused:
        clean_html((folder / "page.html").read_bytes(), url=source["url"], outlet=outlet)
    assert str(refused.value) == source["reason"]
