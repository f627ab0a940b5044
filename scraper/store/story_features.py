"""Story features in the store: each article's name tokens and their MinHash signature, computed
when the article is saved or recleaned (``scraper.stories.article_features``), so grouping reads
signatures instead of texts and adding articles never recomputes the old ones.

Rows of an older feature version (or stores migrated from before the table) are filled in on the
first :meth:`story_features` call; a read-only store computes them in memory without writing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

_UPSERT = (
    "INSERT INTO story_features (url, version, names, signature) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (url) DO UPDATE SET version = excluded.version, names = excluded.names,"
    " signature = excluded.signature"
)
_BATCH = 500


def _features(article: dict[str, Any]) -> tuple[int, str, bytes]:
    from scraper.stories import FEATURE_VERSION, article_features

    names, signature = article_features(article)
    return FEATURE_VERSION, names, signature


class StoryFeatureQueries:
    """``story_features`` and the write hook the article queries call on every text change."""

    readonly: bool

    def _put_features(self, conn: Any, url: str, article: dict[str, Any]) -> None:
        conn.execute(_UPSERT, (url, *_features(article)))

    def story_features(
        self, *, since: str | None = None, outlets: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Per stored article (published on or after ``since``, of ``outlets``): url, outlet,
        title, published, source, content_hash, names (space-joined), signature (bytes)."""
        where, params = "", []
        if outlets:
            where += f" AND a.outlet IN ({', '.join('?' * len(outlets))})"
            params += list(outlets)
        if since:
            where += " AND a.published >= ?"
            params.append(since)
        missing = dict(self._missing_features(where, params))
        sql = (
            "SELECT a.url, a.outlet, a.title, a.published, a.source, a.content_hash,"
            " f.version, f.names, f.signature FROM articles a"
            f" LEFT JOIN story_features f ON f.url = a.url WHERE 1 = 1{where}"
        )
        keys = ("url", "outlet", "title", "published", "source", "content_hash")
        out = []
        with self._read() as conn:
            for row in conn.execute(sql, params):
                item = dict(zip(keys, row[:6], strict=True))
                if row[0] in missing:
                    item["names"], item["signature"] = missing[row[0]]
                else:
                    item["names"], item["signature"] = row[7], bytes(row[8])
                out.append(item)
        return out

    def _missing_features(self, where: str, params: list[Any]) -> Iterator[tuple[str, tuple]]:
        """Compute (and store, when writable) the features a row lacks or has outdated."""
        from scraper.stories import FEATURE_VERSION

        sql = (
            "SELECT a.url, a.outlet, a.text FROM articles a"
            " LEFT JOIN story_features f ON f.url = a.url"
            f" WHERE (f.url IS NULL OR f.version <> ?){where}"
        )
        with self._read() as conn:
            rows = conn.execute(sql, [FEATURE_VERSION, *params]).fetchall()
        for start in range(0, len(rows), _BATCH):
            batch = [(url, _features({"outlet": outlet, "text": text}))
                     for url, outlet, text in rows[start : start + _BATCH]]  # fmt: skip
            if not self.readonly:
                with self._write() as conn:
                    for url, features in batch:
                        conn.execute(_UPSERT, (url, *features))
            for url, (_, names, signature) in batch:
                yield url, (names, signature)
