"""The PostgreSQL backend (psycopg 3): one store shared by many crawl workers on many machines.

Same behaviour as the SQLite store: the queries of ``articles`` / ``runs`` / ``drift`` run here
too (their ``?`` placeholders become ``%s``). Every write is one transaction; a save or update
of a URL holds an advisory lock on that URL, so two workers storing the same article never
collide. Tables are created on first use (``postgres_schema.MIGRATIONS``, under an advisory
lock); any psycopg error surfaces as a one-line :class:`StoreError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from . import postgres_schema
from .articles import ArticleQueries
from .base import Store, StoreError
from .drift import DriftQueries
from .postgres_search import PostgresSearchQueries
from .postgres_url import shown
from .runs import RunQueries
from .story_features import StoryFeatureQueries

try:
    import psycopg
except ImportError:  # the optional extra: kliping[postgres]
    psycopg = None  # type: ignore[assignment]

_CONNECT_TIMEOUT_S = 10


def _one_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class _Translating:
    """A psycopg connection that takes the shared queries' ``?`` placeholders."""

    _cache: dict[str, str] = {}  # noqa: RUF012 - shared on purpose, queries are constants

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @classmethod
    def _sql(cls, sql: str) -> str:
        translated = cls._cache.get(sql)
        if translated is None:
            translated = cls._cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return translated

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Any) -> Any:
        with self._conn.cursor() as cursor:
            cursor.executemany(self._sql(sql), rows)
            return cursor


class PostgresStore(
    StoryFeatureQueries, PostgresSearchQueries, ArticleQueries, RunQueries, DriftQueries, Store
):
    """The kliping store in a PostgreSQL database, given as a ``postgresql://`` URL."""

    migrations: list[str] = postgres_schema.MIGRATIONS
    _rowid = "seq"

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False) -> None:
        self.url = url
        self.target = shown(url)
        self.readonly = readonly
        self._create = create and not readonly
        self._conn: Any = None
        if psycopg is None:
            raise StoreError(
                f"cannot open {self.target}: PostgreSQL support is not installed "
                "(pip install 'kliping[postgres]')"
            )
        try:
            self._conn = psycopg.connect(
                url, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_S, application_name="kliping"
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot open {self.target}: {_one_line(exc)}") from None
        except Exception as exc:  # a malformed URL is a ProgrammingError or a ValueError
            raise StoreError(f"cannot open {self.target}: {_one_line(exc)}") from None
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- opening

    def _not_a_store(self, why: str) -> StoreError:
        return StoreError(f"{self.target} is not a kliping store ({why})")

    def _identity(self, conn: _Translating) -> tuple[int | None, list[str]]:
        """``(schema version or None when unmarked, the tables of the search path)``."""
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            )
        ]
        if postgres_schema.MARKER_TABLE not in tables:
            return None, tables
        row = conn.execute(f"SELECT version FROM {postgres_schema.MARKER_TABLE}").fetchone()
        return (int(row[0]) if row else 0), tables

    def _check_identity(self, version: int | None, tables: list[str]) -> int:
        latest = len(self.migrations)
        if version is None:
            if tables:
                listed = ", ".join(sorted(tables)[:5])
                raise self._not_a_store(f"database of another application: tables {listed}")
            if not self._create:
                raise self._not_a_store("an empty database")
            return 0
        if version > latest:
            raise StoreError(
                f"{self.target} has store schema version {version}, newer than this kliping "
                f"knows ({latest}); upgrade kliping to open it"
            )
        if version < latest and self.readonly:
            raise StoreError(
                f"{self.target} has store schema version {version}, older than this kliping "
                f"({latest}); open it once for writing (kliping crawl) to upgrade it"
            )
        return version

    def _migrate(self) -> None:
        with self._read() as conn:
            version = self._check_identity(*self._identity(conn))
        latest = len(self.migrations)
        if version == latest:
            return
        with self._write() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (postgres_schema.MIGRATION_LOCK,))
            # Read again under the lock: another worker may have migrated meanwhile.
            version = self._check_identity(*self._identity(conn))
            for target in range(version + 1, latest + 1):
                self._conn.execute(self.migrations[target - 1])  # a script: no parameters
                conn.execute(f"UPDATE {postgres_schema.MARKER_TABLE} SET version = ?", (target,))

    @property
    def _db(self) -> Any:
        if self._conn is None:
            raise StoreError(f"the store {self.target} is closed")
        return self._conn

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(
                conn.execute(f"SELECT version FROM {postgres_schema.MARKER_TABLE}").fetchone()[0]
            )

    # -- transactions

    @contextmanager
    def _write(self) -> Iterator[_Translating]:
        """One write transaction; any psycopg error rolls it back and becomes a StoreError."""
        conn = self._db
        if self.readonly:
            raise StoreError(f"the store {self.target} was opened read-only")
        try:
            with conn.transaction():
                yield _Translating(conn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot write to {self.target}: {_one_line(exc)}") from None

    @contextmanager
    def _read(self) -> Iterator[_Translating]:
        try:
            yield _Translating(self._db)
        except psycopg.Error as exc:
            raise StoreError(f"cannot read {self.target}: {_one_line(exc)}") from None

    @staticmethod
    def _insert_id(conn: _Translating, sql: str, params: tuple[Any, ...]) -> int:
        return int(conn.execute(sql + " RETURNING id", params).fetchone()[0])

    @staticmethod
    def _lock_url(conn: _Translating, url: str) -> None:
        # Two workers saving one URL: the second waits, then sees the first one's row.
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (url,))

    # -- upkeep

    def integrity_check(self) -> list[str]:
        """Rows whose run is gone (PostgreSQL enforces the keys; this checks they hold)."""
        with self._read() as conn:
            orphans = conn.execute(
                "SELECT seq FROM run_outlets WHERE run_id NOT IN (SELECT id FROM runs) ORDER BY seq"
            ).fetchall()
            problems = [f"foreign key: run_outlets row {row[0]} -> runs" for row in orphans]
            version = conn.execute(f"SELECT version FROM {postgres_schema.MARKER_TABLE}").fetchone()
            if version is None or int(version[0]) != len(self.migrations):
                problems.append(f"schema version row: {version}")
            return problems

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with suppress(Exception):
                conn.close()

    def __repr__(self) -> str:
        return f"Store({self.target!r})"
