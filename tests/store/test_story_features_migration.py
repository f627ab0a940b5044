"""A v2 store (story features without facts, feature version 1) upgraded to v3 on both backends:
the facts column is added, the old rows are recomputed on first use, and the grouping that the
old features got wrong (gold up and gold down one story) comes out right."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from storecases import behind_the_back

from scraper.store import SCHEMA_VERSION, open_store
from scraper.store.postgres import PostgresStore
from scraper.store.sqlite import SQLiteStore
from scraper.stories import FEATURE_VERSION, article_features, find_stories

ROOT = Path(__file__).resolve().parents[2]
GOLD = ["patrazone/harga-emas-antam-list", "okezone/harga-emas-antam-turun-all"]
LATER_COLUMNS = ("initials TEXT", "run_id INTEGER")


def _article(name: str) -> dict:
    folder = ROOT / "fixtures/pages" / name
    article = json.loads((folder / "expected.json").read_text())
    article["text"] = (folder / "expected.txt").read_text()
    return article


def _v2_store(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two gold-price reports saved the way a v2 kliping saved them: features version 1, names
    and signature only."""
    for cls in (SQLiteStore, PostgresStore):
        monkeypatch.setattr(cls, "migrations", cls.migrations[:2])
        monkeypatch.setattr(cls, "_put_features", lambda self, conn, url, article: None)
    with open_store(target) as store:
        assert store.schema_version == 2
        # Today's save() writes the later columns (`initials` v3 -> v4, `run_id` v4 -> v5):
        # lent for the save only.
        for column in LATER_COLUMNS:
            behind_the_back(target, f"ALTER TABLE articles ADD COLUMN {column}")
        for name in GOLD:
            store.save(_article(name), [])
    for column in LATER_COLUMNS:
        behind_the_back(target, f"ALTER TABLE articles DROP COLUMN {column.split()[0]}")
    for name in GOLD:
        article = _article(name)
        names, signature, _ = article_features(article)
        behind_the_back(target, "INSERT INTO story_features (url, version, names, signature)"
                        " VALUES (?, 1, ?, ?)", (article["url"], names, signature))  # fmt: skip
    monkeypatch.undo()


def test_a_v2_store_gets_facts_and_splits_what_names_alone_joined(
    new_target: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = new_target()
    _v2_store(target, monkeypatch)
    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        stories = find_stories(store)
        assert sorted(len(s.articles) for s in stories) == [1, 1]  # up and down: two stories
    rows = behind_the_back(target, "SELECT version, facts FROM story_features ORDER BY url")
    assert [version for version, _ in rows] == [FEATURE_VERSION, FEATURE_VERSION]
    assert all("d:2025-10-" in facts for _, facts in rows)  # recomputed and kept


def test_a_readonly_v3_store_computes_missing_facts_in_memory(
    new_target: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = new_target()
    _v2_store(target, monkeypatch)
    open_store(target).close()  # migrated to v3; the rows still hold version-1 features
    behind_the_back(target, "UPDATE story_features SET version = 1, facts = ''")
    with open_store(target, readonly=True) as store:
        assert sorted(len(s.articles) for s in find_stories(store)) == [1, 1]
    assert behind_the_back(target, "SELECT DISTINCT version FROM story_features") == [(1,)]
