"""Articles in SQL, shared by the backends: one row per canonical URL with every metadata field,
the clean text and the raw pages compressed, so ``kliping reclean`` never fetches again.

The queries use ``?`` placeholders and standard SQL; a backend supplies the connection through
``_read()`` / ``_write()`` (a write is one transaction) and names its insertion-order column.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from cleaners.article import METADATA_FIELDS

from .base import SaveResult, StoreError
from .codecs import (
    compress_pages,
    content_hash,
    decompress_entries,
    decompress_pages,
    dumps,
    now_utc,
)
from .schema import ARTICLE_COLUMNS, LIST_FIELDS, SELECT_ARTICLE, STORE_FIELDS

_INSERT = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, raw_html, fetched_at,"
    " content_hash, first_seen, updated_at, run_id)"
    f" VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 6))})"
)
_ASSIGN = ", ".join(f"{key} = ?" for key in ARTICLE_COLUMNS)

# The drift baseline (outlet_profile): an outlet's articles up to its last finished pass. A pass
# killed or stopped early leaves a partial set in crawl order (the first sources' articles), not
# the outlet's usual; the next pass of the outlet that finishes makes the set whole again, and
# counts the earlier pass's articles with its own. Rows stored outside a pass (run_id NULL:
# imports, stores from before v5) always count.
_PROFILE = (
    "SELECT length(text), published IS NOT NULL, title IS NOT NULL,"
    " authors NOT IN ('[]', '') FROM articles WHERE outlet = ?"
    " AND (run_id IS NULL OR run_id <= (SELECT max(r.id) FROM runs r"
    " JOIN run_outlets o ON o.run_id = r.id WHERE o.outlet = ? AND r.finish_reason = 'finished'))"
    " ORDER BY fetched_at DESC LIMIT ?"
)


def normalize(article: dict[str, Any]) -> dict[str, Any]:
    """The article's metadata and text, every field present, lists as lists."""
    unknown = set(article) - set(ARTICLE_COLUMNS) - set(STORE_FIELDS)
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


def column_values(article: dict[str, Any]) -> list[Any]:
    return [dumps(article[key]) if key in LIST_FIELDS else article[key] for key in ARTICLE_COLUMNS]


def row_to_dict(row: Iterable[Any]) -> dict[str, Any]:
    data = dict(zip((*ARTICLE_COLUMNS, *STORE_FIELDS), row, strict=True))
    for key in LIST_FIELDS:
        data[key] = json.loads(data[key]) if data[key] else []
    return data


def _same(stored: dict[str, Any], article: dict[str, Any]) -> bool:
    return all(stored[key] == article[key] for key in ARTICLE_COLUMNS)


class ArticleQueries:
    """The article methods of :class:`~scraper.store.base.Store` over a backend's connection."""

    target: str
    _rowid: str  # the column that orders rows by insertion
    _batch: int = 200

    def _put_features(self, conn: Any, url: str, article: dict[str, Any]) -> None:
        """Derived data kept beside the article (story features): the backend's mixin writes it
        in the same transaction as the text it comes from."""

    @staticmethod
    def _lock_url(conn: Any, url: str) -> None:
        """Serialise writers of one URL; a no-op where each write locks the whole store."""

    def _stored(self, conn: Any, url: str) -> dict[str, Any] | None:
        row = conn.execute(
            f"SELECT {SELECT_ARTICLE} FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else row_to_dict(row)

    def save(
        self,
        article_dict: dict[str, Any],
        raw_pages: list[tuple],  # (url, html) or (url, html, http headers)
        fetched_at: str | None = None,
        run_id: int | None = None,
    ) -> SaveResult:
        article = normalize(article_dict)
        url = article["url"]
        if not isinstance(url, str) or not url:
            raise ValueError("article has no url")
        blob = compress_pages(raw_pages)
        fetched = fetched_at or now_utc()
        digest = content_hash(article["text"])
        values = column_values(article)
        with self._write() as conn:
            self._lock_url(conn, url)
            stored = self._stored(conn, url)
            stamp = now_utc()
            if stored is None:
                conn.execute(_INSERT, (*values, blob, fetched, digest, stamp, stamp, run_id))
                self._put_features(conn, url, article)
                return "new"
            if _same(stored, article):
                if blob is not None:  # a text-only save earlier: keep the pages now
                    conn.execute(
                        "UPDATE articles SET raw_html = ?, fetched_at = ?"
                        " WHERE url = ? AND raw_html IS NULL",
                        (blob, fetched, url),
                    )
                return "unchanged"
            # Without new pages, the old ones stay and so does their fetch time.
            kept_fetch = fetched if blob is not None else fetched_at
            conn.execute(
                f"UPDATE articles SET {_ASSIGN}, raw_html = coalesce(?, raw_html),"
                " fetched_at = coalesce(?, fetched_at), content_hash = ?, updated_at = ?,"
                " run_id = ? WHERE url = ?",
                (*values, blob, kept_fetch, digest, stamp, run_id, url),
            )
            self._put_features(conn, url, article)
            return "updated"

    def update_texts(self, updates: Iterable[tuple[str, dict[str, Any]]]) -> int:
        changed = 0
        with self._write() as conn:
            for url, article_dict in updates:
                changed += self._update_row(conn, url, article_dict)
        return changed

    def _update_row(self, conn: Any, url: str, article_dict: dict[str, Any]) -> bool:
        article = normalize({**article_dict, "url": url})
        self._lock_url(conn, url)
        stored = self._stored(conn, url)
        if stored is None:
            raise KeyError(url)
        if _same(stored, article):
            return False
        conn.execute(
            f"UPDATE articles SET {_ASSIGN}, content_hash = ?, updated_at = ? WHERE url = ?",
            (*column_values(article), content_hash(article["text"]), now_utc(), url),
        )
        self._put_features(conn, url, article)
        return True

    def has(self, url: str) -> bool:
        with self._read() as conn:
            return (
                conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone() is not None
            )

    def known_urls(self, outlet: str | None = None) -> set[str]:
        with self._read() as conn:
            if outlet is None:
                cursor = conn.execute("SELECT url FROM articles", ())
            else:
                cursor = conn.execute("SELECT url FROM articles WHERE outlet = ?", (outlet,))
            return {row[0] for row in cursor}

    def get(self, url: str) -> dict[str, Any] | None:
        with self._read() as conn:
            return self._stored(conn, url)

    def iter_articles(self, outlet: str | None = None) -> Iterator[dict[str, Any]]:
        # Keyset pages by insertion order: memory stays flat and no read transaction is held
        # between batches, so the caller may write to the store (update_text) while iterating.
        last = 0
        where = f"{self._rowid} > ?" if outlet is None else f"outlet = ? AND {self._rowid} > ?"
        sql = (
            f"SELECT {self._rowid}, {SELECT_ARTICLE} FROM articles WHERE {where}"
            f" ORDER BY {self._rowid} LIMIT {int(self._batch)}"
        )
        while True:
            params = (last,) if outlet is None else (outlet, last)
            with self._read() as conn:
                rows = conn.execute(sql, params).fetchall()
            if not rows:
                return
            for row in rows:
                last = row[0]
                yield row_to_dict(row[1:])

    def latest(
        self, limit: int = 50, outlet: str | None = None, since: str | None = None
    ) -> list[dict[str, Any]]:
        """The newest articles (by publication, else fetch time), each with its ``id``."""
        where, params = ["1 = 1"], []
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        if since:
            where.append("coalesce(published, fetched_at) >= ?")
            params.append(since)
        sql = (
            f"SELECT {self._rowid}, {SELECT_ARTICLE} FROM articles WHERE {' AND '.join(where)}"
            " ORDER BY coalesce(published, fetched_at) DESC LIMIT ?"
        )
        with self._read() as conn:
            rows = conn.execute(sql, (*params, int(limit))).fetchall()
        return [{"id": row[0], **row_to_dict(row[1:])} for row in rows]

    def by_id(self, article_id: int) -> dict[str, Any] | None:
        """The article of the ``id`` :meth:`latest` gives, or None."""
        sql = f"SELECT {self._rowid}, {SELECT_ARTICLE} FROM articles WHERE {self._rowid} = ?"
        with self._read() as conn:
            row = conn.execute(sql, (int(article_id),)).fetchone()
        return None if row is None else {"id": row[0], **row_to_dict(row[1:])}

    def id_of(self, url: str) -> int | None:
        with self._read() as conn:
            sql = f"SELECT {self._rowid} FROM articles WHERE url = ?"
            row = conn.execute(sql, (url,)).fetchone()
        return None if row is None else int(row[0])

    def daily_counts(self, days: int = 30) -> list[tuple[str, str, int]]:
        """(outlet, YYYY-MM-DD, articles) by publication (else fetch) day, the last `days`."""
        day = "substr(coalesce(published, fetched_at), 1, 10)"
        sql = (
            f"SELECT outlet, {day} AS day, count(*) FROM articles GROUP BY outlet, day"
            " ORDER BY day DESC"
        )
        with self._read() as conn:
            rows = conn.execute(sql, ()).fetchall()
        recent = sorted({r[1] for r in rows if r[1]}, reverse=True)[:days]
        return [(r[0] or "?", r[1], int(r[2])) for r in rows if r[1] in recent]

    def count(self, outlet: str | None = None) -> int:
        with self._read() as conn:
            if outlet is None:
                return int(conn.execute("SELECT count(*) FROM articles", ()).fetchone()[0])
            return int(
                conn.execute(
                    "SELECT count(*) FROM articles WHERE outlet = ?", (outlet,)
                ).fetchone()[0]
            )

    def raw_pages(self, url: str) -> list[tuple[str, str]]:
        with self._read() as conn:
            row = conn.execute("SELECT raw_html FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            raise KeyError(url)
        try:
            return decompress_pages(row[0])
        except (zlib.error, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.target}: the raw pages of {url} are damaged: {exc}") from exc

    def raw_captures(self, url: str) -> list[dict[str, Any]]:
        """The pages as :meth:`raw_pages`, each a dict of ``url``, ``html`` and, when the fetch's
        HTTP headers were kept, ``headers`` (a list of ``[name, value]``)."""
        with self._read() as conn:
            row = conn.execute("SELECT raw_html FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            raise KeyError(url)
        try:
            return decompress_entries(row[0])
        except (zlib.error, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.target}: the raw pages of {url} are damaged: {exc}") from exc

    def outlet_profile(self, outlet: str, limit: int = 200) -> dict[str, Any]:
        with self._read() as conn:
            rows = conn.execute(_PROFILE, (outlet, outlet, limit)).fetchall()
        if not rows:
            return {"count": 0, "median_length": 0, "has": {}}
        lengths = sorted(row[0] or 0 for row in rows)
        fields = ("published", "title", "authors")
        has = {f: sum(int(row[i + 1]) for row in rows) / len(rows) for i, f in enumerate(fields)}
        return {"count": len(rows), "median_length": lengths[len(lengths) // 2], "has": has}
