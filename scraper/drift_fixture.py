"""`kliping fixture add --from-db URL` as a library call: a page kept in the store (the newest
drift sample of that URL, else the stored article's first page) becomes a golden fixture, its
current output as the expected files, to be corrected by hand."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from cleaners import CleanError, site_for_url
from cleaners.fixtures import ROOT as FIXTURES
from cleaners.fixtures import new_page_fixture
from cleaners.sites import article_key


class FixtureError(Exception):
    """The fixture cannot be written: one line, said to the person who asked for it."""


class NotStored(FixtureError):
    """The URL is neither a drift sample nor a stored article."""


def fixture_from_store(store, url: str, fixtures: Path | None = None,
                       name: str | None = None) -> Path:  # fmt: skip
    """The new fixture's folder under `fixtures/pages/<outlet>/<name>/` (the repository's
    fixtures by default; `name` from the URL's last segment by default)."""
    url = article_key(url)
    page = stored_page(store, url)
    if page is None:
        raise NotStored(f"{url} is neither a drift sample nor a stored article")
    site = site_for_url(url)
    outlet = site.name if site else (urlsplit(url).hostname or "other")
    try:
        return new_page_fixture(outlet, name or fixture_slug(url), page, url,
                                Path(fixtures or FIXTURES))  # fmt: skip
    except FileExistsError as error:
        raise FixtureError(f"{error}; choose another --name") from None
    except CleanError as error:
        raise FixtureError(f"{url}: {error}; the fixture needs its expected files written by "
                           "hand") from None  # fmt: skip


def stored_page(store, url: str) -> str | None:
    """The newest drift sample of `url` with its page, else the stored article's first page."""
    samples = [s for s in store.drift_samples() if s["url"] == url and s["raw_html"]]
    if samples:
        return samples[-1]["raw_html"]
    try:
        pages = store.raw_pages(url)
    except KeyError:
        return None
    return pages[0][1] if pages else None


SLUG_MAX = 60


def fixture_slug(url: str) -> str:
    """The URL's last segment as a folder name, cut at a word boundary, never mid-word."""
    last = [p for p in urlsplit(url).path.split("/") if p]
    slug = re.sub(r"[^\w-]+", "-", last[-1] if last else "page").strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug[: SLUG_MAX + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:SLUG_MAX]
    return slug.strip("-") or "page"
