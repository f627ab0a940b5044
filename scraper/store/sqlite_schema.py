"""The SQLite store's schema: its migrations and how a file is recognised as a kliping store.

:data:`MIGRATIONS` is a list of SQL scripts; script ``i`` brings a store from version ``i`` to
``i + 1`` (kept in ``PRAGMA user_version``). A new table is one more list entry here (and the
same entry in the PostgreSQL backend's list).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

# "KLIP" in PRAGMA application_id: marks a SQLite file as a kliping store.
APPLICATION_ID = 0x4B4C4950

SQLITE_MAGIC = b"SQLite format 3\x00"

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
    # v1 -> v2: story features (scraper.stories) and the full-text index (search.py)
    """
    CREATE TABLE story_features (
        url       TEXT PRIMARY KEY REFERENCES articles (url) ON DELETE CASCADE,
        version   INTEGER NOT NULL,  -- scraper.stories.FEATURE_VERSION when computed
        names     TEXT NOT NULL,     -- the name tokens, space-separated
        signature BLOB NOT NULL      -- MinHash of the names: 128 little-endian uint32
    );

    -- External content: the index reads title and text from articles by rowid (not stored twice).
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, text, content = 'articles', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
        INSERT INTO article_search (article_search, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO article_search (article_search, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO article_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO article_search (article_search) VALUES ('rebuild');
    """,
    # v2 -> v3: fact tokens beside the names (scraper/stories/facts.py); rows of an older
    # FEATURE_VERSION are recomputed on the next story_features() call
    """
    ALTER TABLE story_features ADD COLUMN facts TEXT NOT NULL DEFAULT '';
    """,
    # v3 -> v4: the sign-off codes of an article (`initials`: `(ant/rin)` → ["ant", "rin"])
    """
    ALTER TABLE articles ADD COLUMN initials TEXT NOT NULL DEFAULT '[]';
    """,
    # v4 -> v5: the crawl run that stored the article's content (NULL: stored outside a pass,
    # or before v5), so a killed pass's partial set stays out of the drift baseline
    """
    ALTER TABLE articles ADD COLUMN run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL;
    """,
    # v5 -> v6: an outlet's latest articles (outlet_profile, read at every pass's start) found by
    # index, not by reading every article of the outlet and sorting
    """
    CREATE INDEX articles_outlet_fetched ON articles (outlet, fetched_at);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def split_sql(script: str) -> Iterator[str]:
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


def identity(conn: sqlite3.Connection) -> tuple[int, int, list[str]]:
    """``(user_version, application_id, table names)`` of an open SQLite database."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return version, app_id, tables


def foreign_app(version: int, app_id: int, tables: list[str]) -> str | None:
    """Why this database belongs to another application, or None when it may be ours."""
    if app_id not in (0, APPLICATION_ID):
        return f"SQLite database of another application, id {app_id:#x}"
    if app_id == 0 and (version != 0 or tables):
        shown = ", ".join(sorted(tables)[:5]) or "none"
        return f"SQLite database of another application: version {version}, tables {shown}"
    return None
