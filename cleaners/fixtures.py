"""The golden fixtures of `fixtures/`: the one place that finds and reads them (for the tests, the
tools, the bench and the mirror builder), and writes proposed expected files for review.

    fixtures/pages/<outlet>/<name>/  page.html, source.json {"url"}, expected.txt, expected.json
    fixtures/text/<name>/            input.txt, source.json {"outlet"}, expected.txt, expected.json
    fixtures/split/<outlet>/<name>/  source.json {"url", "pages"}, expected.txt, expected.json:
                                     a split article with no whole view, its page fixtures merged
    fixtures/boilerplate.txt         strings no clean text may hold

The expected files are a reviewer's word, not the cleaner's: the writers below only propose them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import Article, clean_html, clean_text

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
_EXPECTATION = ("source.json", "expected.txt", "expected.json")


@dataclass(frozen=True)
class Fixture:
    path: Path
    root: Path = ROOT

    @property
    def id(self) -> str:
        """`pages/<outlet>/<name>` or `text/<name>`."""
        return str(self.path.relative_to(self.root))

    @property
    def source(self) -> dict:
        return json.loads((self.path / "source.json").read_text(encoding="utf-8"))

    @property
    def url(self) -> str | None:
        return self.source.get("url")

    @property
    def outlet(self) -> str | None:
        """A page or split fixture's outlet folder; a text fixture's `source.json` outlet."""
        if self.is_page or self.is_split:
            return self.path.parent.name
        return self.source.get("outlet")

    @property
    def is_split(self) -> bool:
        return self.path.parent.parent.name == "split"

    @property
    def pages(self) -> list[Fixture]:
        """A split fixture's page fixtures, page 1 first (`source.json` names their folders
        under `pages/<outlet>/`)."""
        folder = self.path.parents[2] / "pages" / str(self.outlet)
        return [Fixture(folder / name, self.root) for name in self.source.get("pages", [])]

    @property
    def input_file(self) -> Path:
        html = self.path / "page.html"
        return html if html.exists() else self.path / "input.txt"

    @property
    def is_page(self) -> bool:
        return self.input_file.name == "page.html"

    @property
    def expected_text(self) -> str:
        return (self.path / "expected.txt").read_text(encoding="utf-8")

    @property
    def expected_meta(self) -> dict:
        return json.loads((self.path / "expected.json").read_text(encoding="utf-8"))

    def missing(self) -> list[str]:
        """The files of its expectation that are absent, empty or not yet valid JSON (a fixture
        being written right now)."""
        return [name for name in _EXPECTATION if not _complete(self.path / name)]


def page_fixtures(root: Path = ROOT, outlet: str | None = None) -> list[Fixture]:
    """Every page fixture (with a page.html), or one outlet's, in name order."""
    pattern = f"pages/{outlet or '*'}/*/page.html"
    return [Fixture(p.parent, root) for p in sorted(Path(root).glob(pattern))]


def split_fixtures(root: Path = ROOT, outlet: str | None = None) -> list[Fixture]:
    """Every split-article fixture (pages merged, no whole view), or one outlet's."""
    pattern = f"split/{outlet or '*'}/*/source.json"
    return [Fixture(p.parent, root) for p in sorted(Path(root).glob(pattern))]


def text_fixtures(root: Path = ROOT) -> list[Fixture]:
    return [Fixture(p.parent, root) for p in sorted(Path(root).glob("text/*/input.txt"))]


def boilerplate_strings(root: Path = ROOT) -> list[str]:
    lines = (Path(root) / "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def _complete(path: Path) -> bool:
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        return True
    except (OSError, ValueError):
        return False


# --- writing: proposals for review ----------------------------------------------------------


def dump_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def current_output(folder: Path) -> Article:
    """The cleaner's output for a fixture folder, as the tests produce it."""
    fixture = Fixture(Path(folder))
    if fixture.is_split:
        return clean_split(fixture)
    if fixture.is_page:
        return clean_html(fixture.input_file.read_bytes(), url=fixture.url)
    return clean_text(fixture.input_file.read_text(encoding="utf-8"), fixture.outlet)


def clean_split(fixture: Fixture) -> Article:
    """A split fixture's pages merged as the crawler merges them (`cleaners.merge`)."""
    from .merge import clean_pages

    pages = [(page.url or "", page.input_file.read_bytes()) for page in fixture.pages]
    return clean_pages(pages, url=fixture.url, outlet=fixture.outlet)


def write_expected(folder: Path, article: Article) -> list[str]:
    """Write expected.txt/.json from `article`; the names of the files that changed."""
    changed = []
    for name, content in (("expected.txt", article.to_text()),
                          ("expected.json", dump_json(article.metadata()))):  # fmt: skip
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(str(path))
    return changed


def new_page_fixture(
    outlet: str, name: str, page: bytes | str, url: str, fixtures: Path = ROOT
) -> Path:
    """A new fixture folder from a page: page.html, source.json, and the current output as the
    expected files, to be corrected by hand."""
    folder = Path(fixtures) / "pages" / outlet / name
    if folder.exists():
        raise FileExistsError(f"fixture {folder} already exists")
    article = clean_html(page, url=url)  # before writing anything: no half fixture
    folder.mkdir(parents=True)
    (folder / "page.html").write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    (folder / "source.json").write_text(dump_json({"url": url}), encoding="utf-8")
    write_expected(folder, article)
    return folder
