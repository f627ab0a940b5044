"""The pages of split articles an import holds until its end, kept on disk, not in memory.

An archive keeps no order: the later pages of a split article, or its whole-article view, may
come anywhere after its first page, so the parts wait until the last record. A large archive has
many split articles (each part a whole page, compressed ~4:1), so they wait in a private
temporary SQLite database (SQLite's "" file: on disk once past its small page cache, deleted when
closed) and the importer's memory stays flat whatever their number.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator

Page = tuple[str, str, bytes, tuple[tuple[str, str], ...]]  # url, capture date, body, headers

_SCHEMA = (
    # Articles in the order their first part came, as the importer met them.
    "CREATE TABLE articles (seq INTEGER PRIMARY KEY, canonical TEXT NOT NULL UNIQUE,"
    " outlet TEXT NOT NULL)",
    "CREATE TABLE parts (canonical TEXT NOT NULL, number TEXT NOT NULL, url TEXT NOT NULL,"
    " captured TEXT NOT NULL, body BLOB NOT NULL, headers TEXT NOT NULL,"
    " PRIMARY KEY (canonical, number)) WITHOUT ROWID",
)


class PendingParts:
    """Parts by canonical URL and page number ("1", "2", ... or "all"); the first capture of a
    page wins."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        for statement in _SCHEMA:
            self._db.execute(statement)

    def add(self, canonical: str, number: str, outlet: str, page: Page) -> bool:
        """False when this page of the article is held already."""
        url, when, body, headers = page
        self._db.execute("INSERT OR IGNORE INTO articles (canonical, outlet) VALUES (?, ?)",
                         (canonical, outlet))  # fmt: skip
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO parts VALUES (?, ?, ?, ?, ?, ?)",
            (canonical, number, url, when, zlib.compress(body, 1), json.dumps(headers)),
        )
        return cursor.rowcount == 1

    def drop(self, canonical: str) -> None:
        """The article's parts are moot (its whole view came)."""
        self._db.execute("DELETE FROM articles WHERE canonical = ?", (canonical,))
        self._db.execute("DELETE FROM parts WHERE canonical = ?", (canonical,))

    def articles(self) -> Iterator[tuple[str, str, list[Page]]]:
        """(canonical, outlet, pages) per held article: its whole view alone when held, else
        its numbered pages in page order."""
        last = 0
        while True:  # one article at a time: its pages alone are in memory
            row = self._db.execute("SELECT seq, canonical, outlet FROM articles WHERE seq > ?"
                                   " ORDER BY seq LIMIT 1", (last,)).fetchone()  # fmt: skip
            if row is None:
                return
            last, canonical, outlet = row
            pages = {number: (url, when, zlib.decompress(body),
                              tuple(tuple(pair) for pair in json.loads(headers)))
                     for number, url, when, body, headers in self._db.execute(
                         "SELECT number, url, captured, body, headers FROM parts"
                         " WHERE canonical = ?", (canonical,))}  # fmt: skip
            yield canonical, outlet, _ordered(pages)

    def close(self) -> None:
        self._db.close()


def _ordered(pages: dict[str, Page]) -> list[Page]:
    if "all" in pages:
        return [pages["all"]]
    return [pages[str(n)] for n in sorted(int(n) for n in pages if n.isdigit())]
