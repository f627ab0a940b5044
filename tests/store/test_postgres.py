"""What only the PostgreSQL backend has: a server that may be away, a database that may hold
another application's tables, migrations on first use by several workers at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from pgserver import PostgresServer
from storecases import URL, behind_the_back, make_article

from scraper.store import StoreError, open_store
from scraper.store.postgres import PostgresStore
from scraper.store.postgres_schema import SCHEMA_VERSION

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")


@pytest.fixture
def database(pg_server: PostgresServer) -> str:
    return pg_server.database()


def test_first_use_creates_the_tables_and_marks_the_version(database: str) -> None:
    assert behind_the_back(database, "SELECT count(*) FROM information_schema.tables"
                           " WHERE table_schema = 'public'") == [(0,)]  # fmt: skip
    with open_store(database) as store:
        assert isinstance(store, PostgresStore)
        assert store.schema_version == SCHEMA_VERSION
    tables = {row[0] for row in behind_the_back(
        database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )}  # fmt: skip
    assert {"kliping_store", "articles", "runs", "run_outlets", "drift_samples"} <= tables
    [(kind,)] = behind_the_back(
        database,
        "SELECT data_type FROM information_schema.columns"
        " WHERE table_name = 'articles' AND column_name = 'raw_html'",
    )
    assert kind == "bytea"


def test_many_workers_opening_a_fresh_database_migrate_it_once(database: str) -> None:
    def first_use(i: int) -> int:
        with open_store(database) as store:
            store.save(make_article(url=f"{URL}-{i}"), [])
            return store.schema_version

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(first_use, range(4))) == [SCHEMA_VERSION] * 4
    assert behind_the_back(database, "SELECT version FROM kliping_store") == [(SCHEMA_VERSION,)]
    assert behind_the_back(database, "SELECT count(*) FROM articles") == [(4,)]


def test_another_applications_database_is_refused_untouched(database: str) -> None:
    behind_the_back(database, "CREATE TABLE contacts (name TEXT)")
    for kwargs in ({}, {"readonly": True}):
        with pytest.raises(StoreError, match=r"is not a kliping store .*tables contacts"):
            open_store(database, **kwargs)
    tables = behind_the_back(
        database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    assert tables == [("contacts",)]


def test_newer_schema_version_is_refused(database: str) -> None:
    open_store(database).close()
    behind_the_back(database, "UPDATE kliping_store SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this kliping knows") as info:
        open_store(database)
    assert "\n" not in str(info.value)


def test_a_failing_migration_is_rolled_back(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(database).close()
    broken = "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(PostgresStore, "migrations", [*PostgresStore.migrations, broken])
    with pytest.raises(StoreError, match="no_such_table") as info:
        open_store(database)
    assert "\n" not in str(info.value)
    assert behind_the_back(database, "SELECT version FROM kliping_store") == [(SCHEMA_VERSION,)]
    assert behind_the_back(database, "SELECT to_regclass('half') IS NULL") == [(True,)]

    v2 = "ALTER TABLE articles ADD COLUMN word_count INTEGER; CREATE TABLE notes (body TEXT);"
    monkeypatch.setattr(PostgresStore, "migrations", [*PostgresStore.migrations[:-1], v2])
    with open_store(database) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION + 1
    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer"):
        open_store(database)


def test_unreachable_server_or_missing_database_is_one_line_without_password(
    pg_server: PostgresServer,
) -> None:
    closed = f"postgresql://kliping:rahasia@127.0.0.1:{pg_server.port + 1}/kliping"
    missing = f"postgresql://postgres:rahasia@127.0.0.1:{pg_server.port}/tidak_ada"
    for url in (closed, missing, "postgresql://[::1"):
        with pytest.raises(StoreError, match="cannot open") as info:
            open_store(url)
        message = str(info.value)
        assert "\n" not in message and "rahasia" not in message, message
    with pytest.raises(StoreError, match='database "tidak_ada" does not exist'):
        open_store(missing)


def test_a_lost_connection_is_a_store_error(pg_server: PostgresServer, database: str) -> None:
    store = open_store(database)
    store.save(make_article(), [])
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (database.rsplit("/", 1)[1],),
        )
    with pytest.raises(StoreError) as info:
        store.save(make_article(url=URL + "-2"), [])
    assert "\n" not in str(info.value)
    store.close()
    with open_store(database) as again:
        assert again.count() == 1


def test_text_postgresql_cannot_hold_is_a_store_error_and_nothing_half_written(
    database: str,
) -> None:
    with open_store(database) as store:
        with pytest.raises(StoreError, match="cannot write"):
            store.save(make_article(title="nul\x00byte"), [(URL, "<p>x</p>")])
        assert store.count() == 0
        assert store.save(make_article(), []) == "new"
