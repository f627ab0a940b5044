"""Full-text search over the stored titles and texts (the ``search`` method of the store).

SQLite: an FTS5 index ``article_search`` over ``articles`` (external content, so the text is
not stored twice), tokenizer ``unicode61 remove_diacritics 2`` (case and accents folded:
"Jokowi" finds "jokowi", "Kyiv" finds "Kyīv"), prefix indexes of 2 and 3 characters for
``word*``; kept in sync by triggers on insert, update (reclean) and delete. Ranked by bm25 with
the title weighted 5 to the text's 1.

A query is never passed to FTS5 as written: its words are taken out and each is quoted, so
quotes, ``*`` in odd places, ``NEAR``, ``AND``/``OR``/``NOT``, ``:`` and unbalanced parentheses
are plain words (or nothing), never syntax errors. A word written ``word*`` is a prefix search.
Articles with all the words rank first; when fewer than ``limit`` have all of them, articles
with some of them follow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["TITLE_WEIGHT", "Hit", "SearchQueries", "query_terms"]

TITLE_WEIGHT = 5.0
_TERM = re.compile(r"([^\W_]+)(\*?)")
_MAX_TERMS = 32


@dataclass(frozen=True)
class Hit:
    url: str
    outlet: str | None
    title: str | None
    published: str | None
    snippet: str
    score: float  # higher is better (negated bm25 on SQLite, ts_rank on PostgreSQL)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url, "outlet": self.outlet, "title": self.title,
            "published": self.published, "snippet": self.snippet, "score": round(self.score, 4),
        }  # fmt: skip


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The words of a user's query, lower-cased, each with whether it is a prefix (``word*``)."""
    text = unicodedata.normalize("NFKC", query).lower()
    terms = []
    for word, star in _TERM.findall(text):
        term = (word, bool(star) and len(word) >= 2)
        if term not in terms:
            terms.append(term)
    return terms[:_MAX_TERMS]


def _fts(terms: list[tuple[str, bool]], joiner: str) -> str:
    return joiner.join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms)


def _filters(outlets: Sequence[str] | None, since: str | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if outlets:
        sql += f" AND a.outlet IN ({', '.join('?' * len(outlets))})"
        params += list(outlets)
    if since:
        sql += " AND a.published >= ?"
        params.append(since)
    return sql, params


class SearchQueries:
    """``search`` for the SQLite backend (FTS5)."""

    def search(
        self,
        query: str,
        *,
        outlets: Sequence[str] | None = None,
        since: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """The stored articles matching ``query``, best first (at most ``limit``)."""
        terms = query_terms(query)
        if not terms or limit < 1:
            return []
        hits = self._fts_search(_fts(terms, " AND "), outlets, since, limit, ())
        if len(hits) < limit and len(terms) > 1:
            seen = tuple(hit.url for hit in hits)
            hits += self._fts_search(_fts(terms, " OR "), outlets, since, limit - len(hits), seen)
        return hits

    def _fts_search(self, match, outlets, since, limit, exclude) -> list[Hit]:
        where, params = _filters(outlets, since)
        if exclude:
            where += f" AND a.url NOT IN ({', '.join('?' * len(exclude))})"
            params += list(exclude)
        sql = (
            "SELECT a.url, a.outlet, a.title, a.published,"
            " snippet(article_search, 1, '[', ']', '…', 16),"
            f" bm25(article_search, {TITLE_WEIGHT}, 1.0) AS rank"
            " FROM article_search JOIN articles a ON a.rowid = article_search.rowid"
            f" WHERE article_search MATCH ?{where} ORDER BY rank LIMIT ?"
        )
        with self._read() as conn:
            rows = conn.execute(sql, (match, *params, limit)).fetchall()
        return [Hit(r[0], r[1], r[2], r[3], _one_line(r[4]), -float(r[5])) for r in rows]


def _one_line(snippet: str | None) -> str:
    return " ".join((snippet or "").split())
