"""The pages the bench runs on: the outlets' page fixtures and the Scrapinghub benchmark."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from cleaners.fixtures import ROOT as FIXTURES
from cleaners.fixtures import boilerplate_strings, page_fixtures

REPO = Path(__file__).resolve().parent.parent
# The Scrapinghub set lives beside the repository (`../shared/bench/scrapinghub`); elsewhere, point
# KLIPING_SCRAPINGHUB (or `python -m bench.run --scrapinghub DIR`) at it.
SCRAPINGHUB = Path(
    os.environ.get("KLIPING_SCRAPINGHUB") or REPO.parent / "shared" / "bench" / "scrapinghub"
)
__all__ = ["FIXTURES", "SCRAPINGHUB", "Fixtures", "Page", "boilerplate_strings", "by_path",
           "load_fixtures", "load_scrapinghub", "read_html"]  # fmt: skip


@dataclass
class Page:
    id: str  # `<outlet>/<name>` for a fixture, the benchmark's id for Scrapinghub
    html: str
    url: str | None
    group: str  # the outlet, or `scrapinghub`
    path: Path  # the file the html was read from (read_html reads it again)
    body: list[str] | None = None  # expected body lines (headline excluded); None: no expectation
    title: str | None = None
    published: str | None = None
    truth: str | None = None  # Scrapinghub's articleBody


@dataclass
class Fixtures:
    pages: list[Page]  # every page.html (speed runs on all of them)
    skipped: list[str] = field(default_factory=list)  # `<id>: why` for pages without expectation

    @property
    def scored(self) -> list[Page]:
        return [p for p in self.pages if p.body is not None]


def expected_body(text: str) -> list[str]:
    """The body lines of a clean-text document: after `headline, blank line` when it has them."""
    doc = text.split("\n")
    body = doc[2:] if len(doc) > 1 and doc[0] and not doc[1] else doc
    return [line for line in body if line]


def load_fixtures(root: Path = FIXTURES) -> Fixtures:
    out = Fixtures([])
    for fixture in page_fixtures(root):
        pid = f"{fixture.outlet}/{fixture.path.name}"
        missing = fixture.missing()
        url = fixture.url if "source.json" not in missing else None
        page = Page(pid, read_html(fixture.input_file), url, fixture.outlet, fixture.input_file)
        out.pages.append(page)
        if missing:
            out.skipped.append(f"{pid}: no {', '.join(missing)}")
            continue
        page.body = expected_body(fixture.expected_text)
        meta = fixture.expected_meta
        page.title, page.published = meta.get("title"), meta.get("published")
    return out


def load_scrapinghub(root: Path = SCRAPINGHUB, limit: int | None = None) -> list[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth)[:limit]:
        path, entry = root / "html" / f"{pid}.html.gz", truth[pid]
        html, url = read_html(path), entry.get("url")
        pages.append(Page(pid, html, url, "scrapinghub", path, truth=entry["articleBody"]))
    return pages


def by_path(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """The pages `clean_html` reads with their outlet's selectors (method `site`), and the rest:
    the generic fallback (an outlet's selectors found no body, or another site), refused pages."""
    from cleaners import CleanError, clean_html

    site, other = [], []
    for page in pages:
        try:
            method = clean_html(page.html, url=page.url).method
        except CleanError:
            method = None
        (site if method == "site" else other).append(page)
    return site, other


def read_html(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    return path.read_text(encoding="utf-8")
