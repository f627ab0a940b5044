"""Opening a store: the backend picked from the target, and read-only opening that never writes
(commands that only read a store must not create one, nor touch a file that is not one)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from cleaners.article import Article
from scraper.store import DEFAULT_DB, SQLiteStore, Store, StoreError, open_store

URL = "https://nasional.kontan.co.id/news/berita-satu"


def article() -> dict:
    return Article(paragraphs=["Isi berita."], title="Judul", url=URL, outlet="kontan").to_dict()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_store_of_a_path_is_the_sqlite_backend(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as opened:
        assert isinstance(opened, SQLiteStore) and isinstance(opened, Store)
    with Store(tmp_path / "a.db") as same:  # the old spelling opens the same way
        assert isinstance(same, SQLiteStore)
    with open_store(str(tmp_path / "a.db"), create=False) as existing:
        assert existing.count() == 0
    assert DEFAULT_DB == "data/kliping.db"


@pytest.mark.parametrize("readonly", [True, False])
def test_missing_file_without_create_is_not_a_store_and_nothing_is_made(
    tmp_path: Path, readonly: bool
) -> None:
    target = tmp_path / "data" / "kliping.db"
    with pytest.raises(StoreError, match=r"kliping\.db is not a kliping store \(no such file\)"):
        open_store(target, create=False, readonly=readonly)
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("readonly", [True, False])
def test_empty_or_foreign_files_without_create_are_left_untouched(
    tmp_path: Path, readonly: bool
) -> None:
    (tmp_path / "empty.db").touch()
    (tmp_path / "notes.txt").write_text("bukan basis data\n" * 20)
    conn = sqlite3.connect(tmp_path / "blank.db")  # a SQLite database with nothing in it
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")
    conn.close()
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(tmp_path)

    reasons = {
        "empty.db": "the file is empty",
        "notes.txt": "not a SQLite database",
        "blank.db": "an empty SQLite database",
        "other.db": "SQLite database of another application",
    }
    for name, reason in reasons.items():
        with pytest.raises(StoreError, match=rf"{name} is not a kliping store \(({reason})"):
            open_store(tmp_path / name, create=False, readonly=readonly)
    assert snapshot(tmp_path) == before  # no byte changed, no -wal or -shm left behind


def test_readonly_reads_and_never_writes(tmp_path: Path) -> None:
    db = tmp_path / "kliping.db"
    with open_store(db) as created:
        created.save(article(), [(URL, "<p>Isi berita.</p>")])
        run = created.start_run(["kontan"], {"days": 1})
        created.finish_run(run, "finished", {"kontan": {"new": 1}})
    main_file = hashlib.sha256(db.read_bytes()).hexdigest()

    with open_store(db, readonly=True) as reader:
        assert reader.readonly
        assert reader.count() == 1 and reader.has(URL)
        assert reader.raw_pages(URL) == [(URL, "<p>Isi berita.</p>")]
        assert [r["id"] for r in reader.recent_runs()] == [run]
        assert reader.integrity_check() == []
        with pytest.raises(StoreError, match="read-only"):
            reader.save(article(), [])
        with pytest.raises(StoreError, match="read-only"):
            reader.start_run(["kontan"])
        with pytest.raises(StoreError, match="read-only"):
            reader.add_drift_sample("kontan", URL, "x", "<html/>")
    # The database file is byte for byte the same (SQLite may leave its -wal/-shm beside it,
    # as any reader of a WAL database does).
    assert hashlib.sha256(db.read_bytes()).hexdigest() == main_file

    with open_store(db, create=False) as writer:  # existing store, no create: writes work
        assert writer.update_text(URL, {**article(), "title": "Judul baru"})


def test_readonly_refuses_a_store_that_needs_a_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kliping.db"
    open_store(db).close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    monkeypatch.setattr(SQLiteStore, "migrations", [*SQLiteStore.migrations, "CREATE TABLE t (x);"])
    with pytest.raises(StoreError, match="older than this kliping"):
        open_store(db, readonly=True)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
