"""The kliping store: clean articles with their raw pages, crawl runs and drift samples.

One interface (:class:`Store`, in ``base.py``) and its backends: SQLite, one file, the embedded
default (``sqlite.py``); PostgreSQL for many workers (``postgres.py``). :func:`open_store` picks the backend from the target; ``Store(target)``
is the same call. Modules: ``schema`` (columns every backend shares), ``articles`` / ``runs`` /
``drift`` (their SQL), ``codecs`` (compression, JSON, hash), ``sqlite_schema`` (migrations).
"""

from __future__ import annotations

from pathlib import Path

from .base import SaveResult, Store, StoreError
from .codecs import content_hash, now_utc
from .postgres_url import is_postgres_url
from .schema import LIST_FIELDS, RUN_COUNTERS, STORE_FIELDS
from .search import Hit
from .sqlite import SQLiteStore
from .sqlite_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID",
    "DEFAULT_DB",
    "LIST_FIELDS",
    "MIGRATIONS",
    "RUN_COUNTERS",
    "SCHEMA_VERSION",
    "STORE_FIELDS",
    "Hit",
    "SQLiteStore",
    "SaveResult",
    "Store",
    "StoreError",
    "content_hash",
    "is_postgres_url",
    "now_utc",
    "open_store",
]

#: Where a store lives when no --db is given (relative to the working directory).
DEFAULT_DB = "data/kliping.db"


def open_store(target: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
    """The store at ``target``: a ``postgresql://`` URL is a PostgreSQL store (psycopg 3, the
    ``postgres`` extra), anything else a path to a SQLite file.

    ``create=False`` refuses a missing or empty target ("not a kliping store") instead of making
    one; ``readonly=True`` implies it and never writes, so read-only commands cannot harm a file.
    """
    if is_postgres_url(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), create=create, readonly=readonly)
    return SQLiteStore(target, create=create, readonly=readonly)
