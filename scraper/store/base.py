"""The store interface: what the crawler, the CLI and reclean may ask of any backend.

A backend (``SQLiteStore``, a PostgreSQL one) implements every abstract method with the same
results and the same errors: anything the database refuses surfaces as a one-line
:class:`StoreError`; an unknown URL or run is a ``KeyError``; a malformed article a ``ValueError``.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .search import Hit

SaveResult = Literal["new", "updated", "unchanged"]


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message is one line for the user."""


class _OpensByTarget(ABCMeta):
    # ``Store(target)`` predates the backends; it stays a short way to say ``open_store(target)``.
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls is Store:
            from . import open_store

            return open_store(*args, **kwargs)
        return super().__call__(*args, **kwargs)


class Store(metaclass=_OpensByTarget):
    """The kliping store: articles, raw pages, crawl runs and drift samples."""

    #: Where the store lives, as shown in messages (a file path or a URL without password).
    target: str
    #: True when opened with ``readonly=True``: every write is a StoreError.
    readonly: bool = False

    # -- articles

    @abstractmethod
    def save(
        self,
        article_dict: dict[str, Any],
        raw_pages: list[tuple],  # (url, html) or (url, html, http headers)
        fetched_at: str | None = None,
        run_id: int | None = None,
    ) -> SaveResult:
        """Insert or update the article keyed by its canonical ``url``.

        ``article_dict`` is ``Article.to_dict()``; ``raw_pages`` the ``(url, html)`` of every page
        the article was merged from, in order; ``run_id`` the crawl run saving it (None outside a
        pass), which decides when it joins the drift baseline (:meth:`outlet_profile`). Returns
        ``"new"``, ``"updated"`` (text or metadata changed: everything is replaced, ``first_seen``
        kept) or ``"unchanged"`` (nothing written, the first raw pages are kept).
        """

    def update_text(self, url: str, article_dict: dict[str, Any]) -> bool:
        """Replace the text and metadata of the stored ``url`` (``kliping reclean``).

        The raw pages, ``fetched_at`` and ``first_seen`` stay; the row keeps its key ``url`` even
        when the new dict's ``url`` differs. Returns True when anything changed. Raises
        ``KeyError`` for a URL that is not stored.
        """
        return self.update_texts([(url, article_dict)]) == 1

    @abstractmethod
    def update_texts(self, updates: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Several :meth:`update_text` in one transaction (reclean's batches); how many changed."""

    @abstractmethod
    def has(self, url: str) -> bool: ...

    @abstractmethod
    def known_urls(self, outlet: str | None = None) -> set[str]:
        """Every stored URL (of one outlet), for the incremental crawl to skip."""

    @abstractmethod
    def get(self, url: str) -> dict[str, Any] | None:
        """The stored article: metadata, ``text``, then the store fields (``fetched_at``,
        ``content_hash``, ``first_seen``, ``updated_at``); None when the URL is not stored."""

    @abstractmethod
    def iter_articles(self, outlet: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article (of one outlet) as :meth:`get` gives it, in insertion order, streamed in
        batches without holding a read transaction: the caller may write while iterating."""

    @abstractmethod
    def count(self, outlet: str | None = None) -> int: ...

    @abstractmethod
    def raw_pages(self, url: str) -> list[tuple[str, str]]:
        """The ``(url, html)`` pages the article was cleaned from; KeyError when not stored."""

    @abstractmethod
    def outlet_profile(self, outlet: str, limit: int = 200) -> dict[str, Any]:
        """How an outlet's recent articles look (count, median length, share with each field),
        the drift baseline: only articles stored outside a pass or by a run no later than the
        outlet's last run that ended ``finished`` (a killed pass's partial set waits for one)."""

    # -- stories and search (scraper/store/story_features.py, search.py)

    @abstractmethod
    def story_features(
        self, *, since: str | None = None, outlets: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Per article published on or after ``since`` (of ``outlets``): url, outlet, title,
        published, source, content_hash, names (space-joined tokens) and signature (bytes), the
        input of ``scraper.stories.find_stories``. Kept current on save and reclean."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        outlets: Sequence[str] | None = None,
        since: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """Ranked full-text search over titles and texts, best first. Any query string is
        accepted: syntax characters are words or nothing, never an error."""

    # -- runs

    @abstractmethod
    def start_run(self, outlets: Iterable[str], args: Any = None) -> int:
        """Record the start of a crawl run; returns its id. ``args`` is anything JSON can hold."""

    @abstractmethod
    def finish_run(
        self, run_id: int, finish_reason: str, per_outlet: dict[str, dict[str, Any]]
    ) -> None:
        """Close the run and record, per outlet, its counters, status counts and health."""

    @abstractmethod
    def recent_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The last ``limit`` runs, newest first, each with ``per_outlet: {outlet: stats}``."""

    # -- drift samples

    @abstractmethod
    def add_drift_sample(
        self,
        outlet: str,
        url: str,
        reason: str,
        raw_html: str | bytes | None,
        run_id: int | None = None,
    ) -> int:
        """Keep a page whose cleaning looked wrong (layout drift); returns the sample id."""

    @abstractmethod
    def drift_samples(
        self, outlet: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Drift samples (of one outlet), oldest first, ``raw_html`` decompressed to str."""

    # -- upkeep

    @property
    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def integrity_check(self) -> list[str]:
        """Problems the database finds in itself; [] when sound."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; closing twice is fine, any use after is a StoreError."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
