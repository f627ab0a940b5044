"""The SQLite store of clean articles, crawl runs and drift samples (stdlib ``sqlite3`` only).

One row per canonical URL in ``articles``: every metadata field of the clean-text format, the
clean text, and the raw page(s) it was cleaned from, zlib-compressed, so that ``kliping reclean``
can rebuild the text with a newer cleaner without fetching anything again.

Durability: the database runs in WAL mode with ``synchronous=NORMAL``; every write is one
``BEGIN IMMEDIATE … COMMIT`` transaction, so a killed process leaves either the whole write or none
of it. Any ``sqlite3`` error (disk full, I/O error, database locked past the busy timeout) is
rolled back and surfaces as a one-line :class:`StoreError`.

Schema changes: :data:`MIGRATIONS` is a list of SQL scripts; script ``i`` brings a store from
version ``i`` to ``i + 1`` (kept in ``PRAGMA user_version``). A v2 is one more list entry.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cleaners.article import METADATA_FIELDS

__all__ = [
    "APPLICATION_ID",
    "LIST_FIELDS",
    "MIGRATIONS",
    "RUN_COUNTERS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
]

SaveResult = Literal["new", "updated", "unchanged"]

# "KLIP" in PRAGMA application_id: marks a SQLite file as a kliping store.
APPLICATION_ID = 0x4B4C4950

# Metadata fields that hold lists (stored as JSON text).
LIST_FIELDS = ("authors", "tags", "images")

# Columns of the store beside the metadata and the text, returned by get() / iter_articles().
STORE_FIELDS = ("fetched_at", "content_hash", "first_seen", "updated_at")

# Per-outlet counters of a run (integer columns of run_outlets).
RUN_COUNTERS = ("discovered", "new", "already", "site", "generic", "failed")
_RUN_OUTLET_FIELDS = (*RUN_COUNTERS, "status_counts", "health", "health_reason")

MIGRATIONS: list[str] = [
    # v0 -> v1
    f"""
    PRAGMA application_id = {APPLICATION_ID};

    CREATE TABLE articles (
        url          TEXT PRIMARY KEY,
        outlet       TEXT,
        title        TEXT,
        published    TEXT,
        updated      TEXT,
        authors      TEXT NOT NULL DEFAULT '[]',  -- JSON list of names
        editor       TEXT,
        source       TEXT,
        section      TEXT,
        tags         TEXT NOT NULL DEFAULT '[]',  -- JSON list
        description  TEXT,
        language     TEXT,
        images       TEXT NOT NULL DEFAULT '[]',  -- JSON list of {{"url", "caption"}}
        method       TEXT,
        text         TEXT NOT NULL,
        raw_html     BLOB,  -- zlib(JSON [{{"url", "html"}}, ...]), one entry per page
        fetched_at   TEXT,
        content_hash TEXT NOT NULL,  -- sha256 hex of text
        first_seen   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles (outlet);

    CREATE TABLE runs (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at    TEXT NOT NULL,
        ended_at      TEXT,
        finish_reason TEXT,
        outlets       TEXT NOT NULL DEFAULT '[]',  -- JSON list
        args          TEXT  -- JSON
    );

    CREATE TABLE run_outlets (
        run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        outlet        TEXT NOT NULL,
        discovered    INTEGER NOT NULL DEFAULT 0,
        new           INTEGER NOT NULL DEFAULT 0,
        already       INTEGER NOT NULL DEFAULT 0,
        site          INTEGER NOT NULL DEFAULT 0,
        generic       INTEGER NOT NULL DEFAULT 0,
        failed        INTEGER NOT NULL DEFAULT 0,
        status_counts TEXT NOT NULL DEFAULT '{{}}',  -- JSON {{status: count}}
        health        TEXT,
        health_reason TEXT,
        extra         TEXT,  -- JSON of any other per-outlet key given to finish_run()
        PRIMARY KEY (run_id, outlet)
    );

    CREATE TABLE drift_samples (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id     INTEGER REFERENCES runs (id) ON DELETE SET NULL,
        outlet     TEXT NOT NULL,
        url        TEXT NOT NULL,
        reason     TEXT NOT NULL,
        raw_html   BLOB,  -- zlib(UTF-8 html)
        created_at TEXT NOT NULL
    );
    CREATE INDEX drift_samples_outlet ON drift_samples (outlet);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 10_000
_BATCH = 200

_ARTICLE_COLUMNS = (*METADATA_FIELDS, "text")
_SELECT_ARTICLE = ", ".join((*_ARTICLE_COLUMNS, *STORE_FIELDS))


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message is one line for the user."""


def now_utc() -> str:
    """The current time as ISO 8601 UTC, e.g. ``2025-07-13T03:30:00+00:00``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """sha256 hex digest of the clean text (the ``content_hash`` column)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- encoding helpers -----------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _to_str(html: str | bytes) -> str:
    """Raw page as text: str as is; bytes as UTF-8, else the declared charset, else cp1252."""
    if isinstance(html, str):
        return html
    if not isinstance(html, bytes | bytearray | memoryview):
        raise TypeError(f"raw html must be str or bytes, not {type(html).__name__}")
    data = bytes(html)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    candidates = [match.group(1).decode("ascii")] if match else []
    for encoding in (*candidates, "cp1252"):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _page_entry(page: tuple) -> dict[str, Any]:
    """`(url, html)` or `(url, html, headers)`: headers, a list of (name, value) of the fetch's
    HTTP response, are kept when known (a WARC import has them) for the WARC export."""
    url, html, *rest = page
    entry: dict[str, Any] = {"url": url, "html": _to_str(html)}
    if rest and rest[0]:
        entry["headers"] = [[str(k), str(v)] for k, v in rest[0]]
    return entry


def _compress_pages(pages: Iterable[tuple]) -> bytes | None:
    entries = [_page_entry(page) for page in pages]
    if not entries:
        return None
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    # Level 3: most of level 6's ratio at a fraction of its time, in the crawl's hot path.
    return zlib.compress(payload.encode("utf-8", "surrogatepass"), 3)


def _decompress_entries(blob: bytes | None) -> list[dict[str, Any]]:
    if blob is None:
        return []
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


def _decompress_pages(blob: bytes | None) -> list[tuple[str, str]]:
    return [(entry["url"], entry["html"]) for entry in _decompress_entries(blob)]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _status_keys(counts: dict[str, Any]) -> dict[Any, Any]:
    """JSON object keys are strings; give HTTP statuses back as ints."""
    return {int(k) if k.isdigit() else k: v for k, v in counts.items()}


def _split_sql(script: str) -> Iterator[str]:
    """The statements of an SQL script (semicolons inside literals and triggers are kept)."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement.rstrip(";").strip():
                yield statement
    if buffer.rstrip(";").strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]!r}")


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


# --- the store ------------------------------------------------------------------------------


class Store:
    """The kliping store: articles, raw pages, crawl runs and drift samples in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._check_header()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of {self.path}: {exc}") from exc
        try:
            conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self._conn = conn
        try:
            self._configure()
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- opening

    def _not_a_store(self, why: str) -> StoreError:
        return StoreError(f"{self.path} is not a kliping store ({why})")

    def _check_header(self) -> None:
        if self.path.is_dir():
            raise self._not_a_store("it is a directory")
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(_SQLITE_MAGIC))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        if head and head != _SQLITE_MAGIC:
            raise self._not_a_store("not a SQLite database")

    def _configure(self) -> None:
        conn = self._db
        try:
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise self._not_a_store(str(exc)) from exc
            raise StoreError(f"cannot open {self.path}: {_describe(exc)}") from exc

    def _identity(self) -> tuple[int, int, list[str]]:
        conn = self._db
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return version, app_id, tables

    def _check_identity(self, version: int, app_id: int, tables: list[str]) -> None:
        if app_id not in (0, APPLICATION_ID):
            raise self._not_a_store(f"SQLite database of another application, id {app_id:#x}")
        if app_id == 0 and (version != 0 or tables):
            shown = ", ".join(sorted(tables)[:5]) or "none"
            raise self._not_a_store(
                f"SQLite database of another application: version {version}, tables {shown}"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has store schema version {version}, newer than this kliping "
                f"knows ({SCHEMA_VERSION}); upgrade kliping to open it"
            )

    def _migrate(self) -> None:
        try:
            version, app_id, tables = self._identity()
        except sqlite3.DatabaseError as exc:
            raise self._not_a_store(str(exc)) from exc
        self._check_identity(version, app_id, tables)
        if version == SCHEMA_VERSION:
            return
        with self._write():
            # Read again under the write lock: another process may have migrated meanwhile.
            version, app_id, tables = self._identity()
            self._check_identity(version, app_id, tables)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _split_sql(MIGRATIONS[target - 1]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._conn

    @property
    def schema_version(self) -> int:
        with self._read():
            return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any sqlite3 error rolls it back and becomes a StoreError."""
        conn = self._db
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

    # -- articles

    @staticmethod
    def _normalize(article: dict[str, Any]) -> dict[str, Any]:
        """The article's metadata and text, every field present, lists as lists."""
        unknown = set(article) - set(_ARTICLE_COLUMNS) - set(STORE_FIELDS)
        if unknown:
            raise ValueError(f"unknown article fields: {', '.join(sorted(unknown))}")
        text = article.get("text")
        if not isinstance(text, str):
            raise ValueError("article has no text")
        out: dict[str, Any] = {}
        for key in METADATA_FIELDS:
            value = article.get(key)
            if key in LIST_FIELDS:
                value = list(value) if value else []
            out[key] = value
        out["text"] = text
        return out

    @staticmethod
    def _column_values(article: dict[str, Any]) -> list[Any]:
        return [
            _dumps(article[key]) if key in LIST_FIELDS else article[key] for key in _ARTICLE_COLUMNS
        ]

    @staticmethod
    def _row_to_dict(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
        names = (*_ARTICLE_COLUMNS, *STORE_FIELDS)
        data = dict(zip(names, row, strict=True))
        for key in LIST_FIELDS:
            data[key] = json.loads(data[key]) if data[key] else []
        return data

    def _stored(self, url: str) -> dict[str, Any] | None:
        row = self._db.execute(
            f"SELECT {_SELECT_ARTICLE} FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else self._row_to_dict(row)

    def save(
        self,
        article_dict: dict[str, Any],
        raw_pages: list[tuple],
        fetched_at: str | None = None,
    ) -> SaveResult:
        """Insert or update the article keyed by its canonical ``url``.

        ``article_dict`` is ``Article.to_dict()``; ``raw_pages`` the ``(url, html)`` of every page
        the article was merged from, in order (``(url, html, headers)`` keeps the fetch's HTTP headers). Returns ``"new"``, ``"updated"`` (text or metadata
        changed: everything is replaced, ``first_seen`` kept) or ``"unchanged"`` (nothing written,
        the first raw pages are kept).
        """
        article = self._normalize(article_dict)
        url = article["url"]
        if not isinstance(url, str) or not url:
            raise ValueError("article has no url")
        blob = _compress_pages(raw_pages)
        fetched = fetched_at or now_utc()
        digest = content_hash(article["text"])
        values = self._column_values(article)
        with self._write() as conn:
            stored = self._stored(url)
            stamp = now_utc()
            if stored is None:
                conn.execute(
                    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, raw_html, fetched_at,"
                    " content_hash, first_seen, updated_at)"
                    f" VALUES ({', '.join('?' * (len(_ARTICLE_COLUMNS) + 5))})",
                    (*values, blob, fetched, digest, stamp, stamp),
                )
                return "new"
            if all(stored[key] == article[key] for key in _ARTICLE_COLUMNS):
                if blob is not None:  # a text-only save earlier: keep the pages now
                    conn.execute(
                        "UPDATE articles SET raw_html = ?, fetched_at = ?"
                        " WHERE url = ? AND raw_html IS NULL",
                        (blob, fetched, url),
                    )
                return "unchanged"
            assignments = ", ".join(f"{key} = ?" for key in _ARTICLE_COLUMNS)
            conn.execute(
                f"UPDATE articles SET {assignments}, raw_html = coalesce(?, raw_html),"
                " fetched_at = coalesce(?, fetched_at), content_hash = ?, updated_at = ?"
                " WHERE url = ?",
                # Without new pages, the old ones stay and so does their fetch time.
                (*values, blob, fetched if blob is not None else fetched_at, digest, stamp, url),
            )
            return "updated"

    def update_text(self, url: str, article_dict: dict[str, Any]) -> bool:
        """Replace the text and metadata of the stored ``url`` (``kliping reclean``).

        The raw pages, ``fetched_at`` and ``first_seen`` stay; the row keeps its key ``url`` even
        when the new dict's ``url`` differs. Returns True when anything changed. Raises
        ``KeyError`` for a URL that is not stored.
        """
        return self.update_texts([(url, article_dict)]) == 1

    def update_texts(self, updates: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Several :meth:`update_text` in one transaction (reclean's batches); how many changed."""
        changed = 0
        with self._write() as conn:
            for url, article_dict in updates:
                changed += self._update_row(conn, url, article_dict)
        return changed

    def _update_row(self, conn: sqlite3.Connection, url: str, article_dict: dict[str, Any]) -> bool:
        article = self._normalize({**article_dict, "url": url})
        stored = self._stored(url)
        if stored is None:
            raise KeyError(url)
        if all(stored[key] == article[key] for key in _ARTICLE_COLUMNS):
            return False
        assignments = ", ".join(f"{key} = ?" for key in _ARTICLE_COLUMNS)
        conn.execute(
            f"UPDATE articles SET {assignments}, content_hash = ?, updated_at = ? WHERE url = ?",
            (*self._column_values(article), content_hash(article["text"]), now_utc(), url),
        )
        return True

    def has(self, url: str) -> bool:
        with self._read() as conn:
            return (
                conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone() is not None
            )

    def known_urls(self, outlet: str | None = None) -> set[str]:
        """Every stored URL (of one outlet), for the incremental crawl to skip."""
        with self._read() as conn:
            if outlet is None:
                cursor = conn.execute("SELECT url FROM articles")
            else:
                cursor = conn.execute("SELECT url FROM articles WHERE outlet = ?", (outlet,))
            return {row[0] for row in cursor}

    def get(self, url: str) -> dict[str, Any] | None:
        """The stored article: metadata, ``text``, then the store fields (``fetched_at``,
        ``content_hash``, ``first_seen``, ``updated_at``); None when the URL is not stored."""
        with self._read():
            return self._stored(url)

    def iter_articles(self, outlet: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article (of one outlet) as :meth:`get` gives it, in insertion order.

        Streams in small batches by rowid, so memory stays flat and no read transaction is held
        between batches: the caller may write to the store (``update_text``) while iterating.
        """
        last = 0
        where = "rowid > ?" if outlet is None else "outlet = ? AND rowid > ?"
        sql = (
            f"SELECT rowid, {_SELECT_ARTICLE} FROM articles WHERE {where}"
            f" ORDER BY rowid LIMIT {_BATCH}"
        )
        while True:
            params = (last,) if outlet is None else (outlet, last)
            with self._read() as conn:
                rows = conn.execute(sql, params).fetchall()
            if not rows:
                return
            for row in rows:
                last = row[0]
                yield self._row_to_dict(row[1:])

    def count(self, outlet: str | None = None) -> int:
        with self._read() as conn:
            if outlet is None:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            return conn.execute(
                "SELECT count(*) FROM articles WHERE outlet = ?", (outlet,)
            ).fetchone()[0]

    def raw_pages(self, url: str) -> list[tuple[str, str]]:
        """The ``(url, html)`` pages the article was cleaned from; KeyError when not stored."""
        with self._read() as conn:
            row = conn.execute("SELECT raw_html FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            raise KeyError(url)
        try:
            return _decompress_pages(row[0])
        except (zlib.error, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.path}: the raw pages of {url} are damaged: {exc}") from exc

    def raw_captures(self, url: str) -> list[dict[str, Any]]:
        """The pages as :meth:`raw_pages`, each a dict of ``url``, ``html`` and, when the fetch's
        HTTP headers were kept, ``headers`` (a list of ``[name, value]``)."""
        with self._read() as conn:
            row = conn.execute("SELECT raw_html FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            raise KeyError(url)
        try:
            return _decompress_entries(row[0])
        except (zlib.error, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.path}: the raw pages of {url} are damaged: {exc}") from exc

    # -- runs

    def outlet_profile(self, outlet: str, limit: int = 200) -> dict[str, Any]:
        """What an outlet's recent articles look like: how many, their median text length, and
        the share that has each of `published`, `title`, `authors` (for drift detection)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT length(text), published IS NOT NULL, title IS NOT NULL,"
                " authors NOT IN ('[]', '') FROM articles WHERE outlet = ?"
                " ORDER BY fetched_at DESC LIMIT ?",
                (outlet, limit),
            ).fetchall()
        if not rows:
            return {"count": 0, "median_length": 0, "has": {}}
        lengths = sorted(row[0] or 0 for row in rows)
        fields = ("published", "title", "authors")
        has = {f: sum(row[i + 1] for row in rows) / len(rows) for i, f in enumerate(fields)}
        return {"count": len(rows), "median_length": lengths[len(lengths) // 2], "has": has}

    def start_run(self, outlets: Iterable[str], args: Any = None) -> int:
        """Record the start of a crawl run; returns its id. ``args`` is anything JSON can hold."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (started_at, outlets, args) VALUES (?, ?, ?)",
                (now_utc(), _dumps(list(outlets)), _dumps(args)),
            )
            return int(cursor.lastrowid or 0)

    def finish_run(
        self, run_id: int, finish_reason: str, per_outlet: dict[str, dict[str, Any]]
    ) -> None:
        """Close the run and record, per outlet, its counters, status counts and health.

        Known keys: ``discovered``, ``new``, ``already``, ``site``, ``generic``, ``failed``
        (ints, default 0), ``status_counts`` (dict), ``health``, ``health_reason``; any other key
        is kept as JSON in ``extra`` and given back by :meth:`recent_runs`.
        """
        rows = []
        for outlet, stats in per_outlet.items():
            extra = {k: v for k, v in stats.items() if k not in _RUN_OUTLET_FIELDS}
            rows.append(
                (
                    run_id,
                    outlet,
                    *(int(stats.get(key) or 0) for key in RUN_COUNTERS),
                    _dumps(stats.get("status_counts") or {}),
                    stats.get("health"),
                    stats.get("health_reason"),
                    _dumps(extra) if extra else None,
                )
            )
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE runs SET ended_at = ?, finish_reason = ? WHERE id = ?",
                (now_utc(), finish_reason, run_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(run_id)
            conn.executemany(
                "INSERT OR REPLACE INTO run_outlets (run_id, outlet,"
                f" {', '.join(RUN_COUNTERS)}, status_counts, health, health_reason, extra)"
                f" VALUES ({', '.join('?' * (len(RUN_COUNTERS) + 6))})",
                rows,
            )

    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The last ``limit`` runs, newest first, each with ``per_outlet: {outlet: stats}``."""
        with self._read() as conn:
            runs = conn.execute(
                "SELECT id, started_at, ended_at, finish_reason, outlets, args FROM runs"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            result = []
            for run_id, started, ended, reason, outlets, args in runs:
                per_outlet: dict[str, dict[str, Any]] = {}
                for row in conn.execute(
                    f"SELECT outlet, {', '.join(RUN_COUNTERS)}, status_counts, health,"
                    " health_reason, extra FROM run_outlets WHERE run_id = ? ORDER BY rowid",
                    (run_id,),
                ):
                    stats = dict(zip(RUN_COUNTERS, row[1 : 1 + len(RUN_COUNTERS)], strict=True))
                    status, health, health_reason, extra = row[1 + len(RUN_COUNTERS) :]
                    stats["status_counts"] = _status_keys(json.loads(status))
                    stats["health"] = health
                    stats["health_reason"] = health_reason
                    if extra:
                        stats.update(json.loads(extra))
                    per_outlet[row[0]] = stats
                result.append(
                    {
                        "id": run_id,
                        "started_at": started,
                        "ended_at": ended,
                        "finish_reason": reason,
                        "outlets": json.loads(outlets),
                        "args": json.loads(args) if args is not None else None,
                        "per_outlet": per_outlet,
                    }
                )
            return result

    # -- drift samples

    def add_drift_sample(
        self,
        outlet: str,
        url: str,
        reason: str,
        raw_html: str | bytes | None,
        run_id: int | None = None,
    ) -> int:
        """Keep a page whose cleaning looked wrong (layout drift); returns the sample id."""
        blob = (
            None
            if raw_html is None
            else zlib.compress(_to_str(raw_html).encode("utf-8", "surrogatepass"))
        )
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO drift_samples (run_id, outlet, url, reason, raw_html, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, outlet, url, reason, blob, now_utc()),
            )
            return int(cursor.lastrowid or 0)

    def drift_samples(
        self, outlet: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Drift samples (of one outlet), oldest first, ``raw_html`` decompressed to str."""
        sql = "SELECT id, run_id, outlet, url, reason, raw_html, created_at FROM drift_samples"
        params: list[Any] = []
        if outlet is not None:
            sql += " WHERE outlet = ?"
            params.append(outlet)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        names = ("id", "run_id", "outlet", "url", "reason", "raw_html", "created_at")
        samples = []
        for row in rows:
            sample = dict(zip(names, row, strict=True))
            if sample["raw_html"] is not None:
                sample["raw_html"] = zlib.decompress(sample["raw_html"]).decode(
                    "utf-8", "surrogatepass"
                )
            samples.append(sample)
        return samples

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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
