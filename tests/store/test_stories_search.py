"""Story features and search on every backend: kept on save and reclean, hostile queries."""

from __future__ import annotations

import json
from pathlib import Path

from scraper.stories import find_stories

ROOT = Path(__file__).resolve().parent.parent.parent


def _articles() -> list[dict]:
    out = []
    for folder in sorted(ROOT.glob("fixtures/pages/*/*")):
        if folder.name[-3:-1] == "-p":
            continue
        article = json.loads((folder / "expected.json").read_text())
        article["text"] = (folder / "expected.txt").read_text()
        out.append(article)
    return out


def test_search_and_stories_on_the_backend(store) -> None:
    articles = _articles()
    for article in articles:
        store.save(article, [])
    seeds = {a["url"] for a in articles if "kim-jong-un" in a["url"] or "pyongyang" in a["url"]}
    assert len(seeds) == 5
    hits = store.search("Kim Jong Un Rusia")
    assert {h.url for h in hits[:5]} == seeds and all(h.snippet for h in hits[:5])
    story = next(s for s in find_stories(store) if len(s.articles) > 1)
    assert {a.url for a in story.articles} == seeds
    for query in ('"', "NEAR(", "Kim*)", "((", "OR AND", "*", ":", "!", "&|"):
        assert isinstance(store.search(query), list)
    assert store.search("cabai", outlets=["patrazone"], since="2025-09-01")
    kontan = next(a for a in articles if a["url"] in seeds and a["outlet"] == "kontan")
    changed = {**kontan, "title": "Zanzibarium", "text": "Zanzibarium\n\nKota Zanzibarium."}
    assert store.update_text(kontan["url"], changed)
    assert [h.url for h in store.search("zanzibarium")] == [kontan["url"]]
    story = next(s for s in find_stories(store) if len(s.articles) > 1)
    assert kontan["url"] not in {a.url for a in story.articles}
