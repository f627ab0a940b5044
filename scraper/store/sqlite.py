"""The SQLite backend: the whole store in one file (stdlib ``sqlite3`` only), the embedded default.

Durability: the database runs in WAL mode with ``synchronous=NORMAL``; every write is one
``BEGIN IMMEDIATE … COMMIT`` transaction, so a killed process leaves either the whole write or none
of it. Any ``sqlite3`` error (disk full, I/O error, database locked past the busy timeout) is
rolled back and surfaces as a one-line :class:`StoreError`.

Opening never harms a file that is not a store; with ``create=False`` (or ``readonly=True``) a
missing or empty file is refused too, and read-only opening never writes the database file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from . import sqlite_schema
from .articles import ArticleQueries
from .base import Store, StoreError
from .drift import DriftQueries
from .runs import RunQueries
from .search import SearchQueries
from .story_features import StoryFeatureQueries

_BUSY_TIMEOUT_MS = 10_000


def _describe(exc: sqlite3.Error) -> str:
    message = str(exc)
    lowered = message.lower()
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return (
            "database or disk is full; the last write was rolled back, "
            "everything stored before it is intact"
        )
    if "locked" in lowered or "busy" in lowered:
        return f"{message} (another process holds the store; try again when it is done)"
    return message


class SQLiteStore(
    StoryFeatureQueries, SearchQueries, ArticleQueries, RunQueries, DriftQueries, Store
):
    """The kliping store in one SQLite file."""

    migrations: list[str] = sqlite_schema.MIGRATIONS
    _rowid = "rowid"

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        self.target = str(self.path)
        self.readonly = readonly
        self._create = create and not readonly
        self._conn: sqlite3.Connection | None = None
        self._check_file()
        self._conn = self._connect()
        try:
            self._configure()
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- opening

    def _not_a_store(self, why: str) -> StoreError:
        return StoreError(f"{self.path} is not a kliping store ({why})")

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise self._not_a_store("it is a directory")
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(sqlite_schema.SQLITE_MAGIC))
        except FileNotFoundError:
            if not self._create:
                raise self._not_a_store("no such file") from None
            return
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        if not head and not self._create:
            raise self._not_a_store("the file is empty")
        if head and head != sqlite_schema.SQLITE_MAGIC:
            raise self._not_a_store("not a SQLite database")

    def _connect(self) -> sqlite3.Connection:
        timeout = _BUSY_TIMEOUT_MS / 1000
        try:
            if self._create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            # A URI with a mode: the file must exist, and "ro" never writes it.
            mode = "ro" if self.readonly else "rw"
            uri = f"{self.path.resolve().as_uri()}?mode={mode}"
            return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of {self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def _configure(self) -> None:
        conn = self._db
        try:
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            # Whose file it is comes first: the journal mode below is a write to its header.
            self._check_identity(*sqlite_schema.identity(conn))
            if not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise self._not_a_store(str(exc)) from exc
            raise StoreError(f"cannot open {self.path}: {_describe(exc)}") from exc

    def _check_identity(self, version: int, app_id: int, tables: list[str]) -> None:
        foreign = sqlite_schema.foreign_app(version, app_id, tables)
        if foreign:
            raise self._not_a_store(foreign)
        latest = len(self.migrations)
        if version > latest:
            raise StoreError(
                f"{self.path} has store schema version {version}, newer than this kliping "
                f"knows ({latest}); upgrade kliping to open it"
            )
        if version == 0 and not self._create:
            raise self._not_a_store("an empty SQLite database")
        if version < latest and self.readonly:
            raise StoreError(
                f"{self.path} has store schema version {version}, older than this kliping "
                f"({latest}); open it once for writing (kliping crawl) to upgrade it"
            )

    def _migrate(self) -> None:
        try:
            version = sqlite_schema.identity(self._db)[0]
        except sqlite3.DatabaseError as exc:
            raise self._not_a_store(str(exc)) from exc
        latest = len(self.migrations)
        if version == latest:
            return
        with self._write() as conn:
            # Read again under the write lock: another process may have migrated meanwhile.
            version, app_id, tables = sqlite_schema.identity(conn)
            self._check_identity(version, app_id, tables)
            for target in range(version + 1, latest + 1):
                for statement in sqlite_schema.split_sql(self.migrations[target - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._conn

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any sqlite3 error rolls it back and becomes a StoreError."""
        conn = self._db
        if self.readonly:
            raise StoreError(f"the store {self.path} was opened read-only")
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot write to {self.path}: {_describe(exc)}") from exc
            raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {_describe(exc)}") from exc

    @staticmethod
    def _insert_id(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> int:
        return int(conn.execute(sql, params).lastrowid or 0)

    # -- reads that would leave memory behind

    def outlet_profile(self, outlet: str, limit: int = 200) -> dict[str, Any]:
        # The rows read fill this connection's page cache (up to 2 MB), which the pass's drift
        # pipeline, one per outlet, would hold to the end: given back (bench/RESULTS.md).
        try:
            return super().outlet_profile(outlet, limit)
        finally:
            with suppress(sqlite3.Error):
                self._db.execute("PRAGMA shrink_memory")

    # -- upkeep

    def integrity_check(self) -> list[str]:
        """Problems found by ``PRAGMA integrity_check`` and ``foreign_key_check``; [] when sound."""
        with self._read() as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if problems == ["ok"]:
                problems = []
            problems += [
                f"foreign key: {table} row {rowid} -> {parent}"
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
            ]
            return problems

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with suppress(sqlite3.Error):
                conn.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
