"""Full-text search on the PostgreSQL backend: a generated ``tsvector`` column (``simple``
configuration: no stemming, no stop words; title weight A, text weight B) with a GIN index,
ranked by ``ts_rank`` and shown with ``ts_headline``. The generated column keeps the index in
sync on insert and reclean by itself. Accents are not folded here (``unaccent`` is not immutable,
so it cannot feed a generated column); SQLite's index folds them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .search import Hit, query_terms

# The schema (story_features, the generated tsvector and its GIN index) is migration v2 in
# postgres_schema.py.


def _tsquery(terms: list[tuple[str, bool]], joiner: str) -> str:
    return f" {joiner} ".join(word + (":*" if prefix else "") for word, prefix in terms)


class PostgresSearchQueries:
    """``search`` for the PostgreSQL backend."""

    def search(
        self,
        query: str,
        *,
        outlets: Sequence[str] | None = None,
        since: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        terms = query_terms(query)
        if not terms or limit < 1:
            return []
        hits = self._ts_search(_tsquery(terms, "&"), outlets, since, limit, ())
        if len(hits) < limit and len(terms) > 1:
            seen = tuple(hit.url for hit in hits)
            hits += self._ts_search(_tsquery(terms, "|"), outlets, since, limit - len(hits), seen)
        return hits

    def _ts_search(self, tsquery, outlets, since, limit, exclude) -> list[Hit]:
        where, params = "", []
        if outlets:
            where += f" AND outlet IN ({', '.join('?' * len(outlets))})"
            params += list(outlets)
        if since:
            where += " AND published >= ?"
            params.append(since)
        if exclude:
            where += f" AND url NOT IN ({', '.join('?' * len(exclude))})"
            params += list(exclude)
        sql = (
            "SELECT url, outlet, title, published, ts_headline('simple', text, q,"
            " 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, FragmentDelimiter=…'),"
            " ts_rank(search, q) AS rank FROM articles, to_tsquery('simple', ?) AS q"
            f" WHERE search @@ q{where} ORDER BY rank DESC, url LIMIT ?"
        )
        with self._read() as conn:
            rows = conn.execute(sql, (tsquery, *params, limit)).fetchall()
        return [Hit(r[0], r[1], r[2], r[3], " ".join((r[4] or "").split()), float(r[5]))
                for r in rows]  # fmt: skip
