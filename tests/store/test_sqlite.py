"""What only the SQLite backend has: one file recognised by its header and PRAGMAs, migrations
by ``user_version``, refusal of files that are not a store, disk full."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from storecases import URL, make_article

from scraper.store import APPLICATION_ID, SCHEMA_VERSION, SQLiteStore, Store, StoreError


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kliping.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened


def test_new_store_sets_schema_version_and_pragmas(store: Store, db_path: Path) -> None:
    assert db_path.parent.is_dir()  # parent folders created
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "runs", "run_outlets", "drift_samples"} <= tables
    conn.close()
    # Per-connection settings of the store's own connection.
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_version_is_refused(db_path: Path) -> None:
    with Store(db_path) as created:
        created.save(make_article(), [])
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(StoreError, match=r"newer than this kliping knows") as info:
        Store(db_path)
    assert str(db_path) in str(info.value)
    assert "\n" not in str(info.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "articles.db"
    content = "url,title\nhttps://x,judul\n" * 50
    path.write_text(content)
    with pytest.raises(StoreError, match=r"articles\.db is not a kliping store"):
        Store(path)
    assert path.read_text() == content  # left untouched
    assert not (tmp_path / "articles.db-wal").exists()


def test_a_directory_or_another_apps_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is not a kliping store"):
        Store(tmp_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match=r"other\.db is not a kliping store"):
        Store(other)
    assert other.read_bytes() == before  # not even switched to WAL
    conn = sqlite3.connect(other)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert tables == {"contacts"}


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION


def test_migrations_run_in_order_and_a_failing_one_is_rolled_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as v1:
        v1.save(make_article(), [])

    broken = "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(SQLiteStore, "migrations", [*SQLiteStore.migrations, broken])
    with pytest.raises(StoreError, match="no_such_table"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    conn.close()

    v2 = """
        ALTER TABLE articles ADD COLUMN word_count INTEGER;
        CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT DEFAULT 'a;b');
        CREATE TRIGGER notes_trim AFTER INSERT ON notes BEGIN
            UPDATE notes SET body = trim(body) WHERE id = new.id;
        END;
    """
    monkeypatch.setattr(SQLiteStore, "migrations", [*SQLiteStore.migrations[:SCHEMA_VERSION], v2])
    with Store(db_path) as v2_store:
        assert v2_store.schema_version == SCHEMA_VERSION + 1
        assert v2_store.get(URL)["text"] == make_article()["text"]
        v2_store._db.execute("INSERT INTO notes (body) VALUES ('  x  ')")
        assert v2_store._db.execute("SELECT body FROM notes").fetchone()[0] == "x"

    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_integrity_check(store: Store, db_path: Path) -> None:
    store.save(make_article(), [(URL, "<p>x</p>")])
    run = store.start_run(["kontan"], {"days": 1})
    store.finish_run(run, "finished", {"kontan": {"new": 1}})
    store.add_drift_sample("kontan", URL, "no body", "<html/>", run_id=run)
    assert store.integrity_check() == []
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # A broken reference (written behind the store's back) is reported.
    conn.execute("INSERT INTO run_outlets (run_id, outlet) VALUES (999, 'kontan')")
    conn.commit()
    conn.close()
    assert store.integrity_check() == ["foreign key: run_outlets row 2 -> runs"]


def test_disk_full_raises_store_error_and_keeps_earlier_rows(store: Store) -> None:
    urls = [f"https://nasional.kontan.co.id/news/berita-{i}" for i in range(3)]
    for url in urls:
        store.save(make_article(url=url), [(url, "<p>" + "isi " * 200 + "</p>")])
    before = [store.get(url) for url in urls]

    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    big = os.urandom(300_000).hex()  # incompressible, needs many new pages
    huge = make_article(url="https://nasional.kontan.co.id/news/besar", paragraphs=[big])

    with pytest.raises(StoreError, match="database or disk is full") as info:
        store.save(huge, [(huge["url"], big)])
    assert "\n" not in str(info.value)
    with pytest.raises(StoreError, match="disk is full"):
        store.update_text(urls[0], make_article(url=urls[0], paragraphs=[big]))
    with pytest.raises(StoreError, match="disk is full"):
        store.add_drift_sample("kontan", urls[0], "x", big)

    assert not store._db.in_transaction
    assert not store.has(huge["url"])
    assert [store.get(url) for url in urls] == before
    assert store.count() == 3
    assert store.integrity_check() == []

    # Once there is room again the same store works.
    store._db.execute("PRAGMA max_page_count = 1073741823")
    assert store.save(huge, []) == "new"
    assert store.count() == 4
