"""The pages the bench runs on: the outlets' page fixtures and the Scrapinghub benchmark."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SCRAPINGHUB = Path("/work/shared/bench/scrapinghub")


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
    for html_file in sorted(root.glob("pages/*/*/page.html")):
        folder = html_file.parent
        pid = f"{folder.parent.name}/{folder.name}"
        url = _read_json(folder / "source.json").get("url")
        page = Page(pid, read_html(html_file), url, folder.parent.name, html_file)
        out.pages.append(page)
        missing = [
            n for n in ("source.json", "expected.txt", "expected.json") if not _ok(folder, n)
        ]
        if missing:
            out.skipped.append(f"{pid}: no {', '.join(missing)}")
            continue
        meta = _read_json(folder / "expected.json")
        page.body = expected_body((folder / "expected.txt").read_text(encoding="utf-8"))
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


def read_html(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    return path.read_text(encoding="utf-8")


def boilerplate_strings(root: Path = FIXTURES) -> list[str]:
    text = (root / "boilerplate.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _ok(folder: Path, name: str) -> bool:
    path = folder / name
    try:
        return path.is_file() and path.stat().st_size > 0 and _parses(path)
    except OSError:
        return False


def _parses(path: Path) -> bool:
    if path.suffix != ".json":
        return True
    try:
        json.loads(path.read_text(encoding="utf-8"))
        return True
    except ValueError:  # a fixture being written right now
        return False


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
