"""A v4 store (articles without the run that stored them) upgraded to v5 on both backends: it
opens, its rows count in the drift baseline as before, and a pass killed after the upgrade
leaves its articles out of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from storecases import behind_the_back, make_article

from scraper.store import SCHEMA_VERSION, open_store
from scraper.store.postgres import PostgresStore
from scraper.store.sqlite import SQLiteStore


def test_a_v4_store_opens_and_its_articles_stay_the_baseline(
    new_target: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = new_target()
    for cls in (SQLiteStore, PostgresStore):
        monkeypatch.setattr(cls, "migrations", cls.migrations[:4])
    with open_store(target) as store:
        assert store.schema_version == 4
        # Today's save() writes the v5 column: lent for the save only.
        behind_the_back(target, "ALTER TABLE articles ADD COLUMN run_id INTEGER")
        store.start_run(["kontan"])  # a v4 pass: its rows never say which run stored them
        for n in range(5):
            store.save(make_article(url=f"https://nasional.kontan.co.id/news/v4-{n}"), [])
    behind_the_back(target, "ALTER TABLE articles DROP COLUMN run_id")
    monkeypatch.undo()

    with open_store(target) as store:
        assert store.schema_version == SCHEMA_VERSION >= 5
        assert store.outlet_profile("kontan")["count"] == 5
        killed = store.start_run(["kontan"])
        url = "https://nasional.kontan.co.id/news/v5-killed"
        store.save(make_article(url=url, authors=[]), [], run_id=killed)
        assert store.outlet_profile("kontan")["count"] == 5
        assert store.integrity_check() == []
    assert behind_the_back(target, "SELECT run_id FROM articles WHERE url = ?", (url,)) == [
        (killed,)
    ]
