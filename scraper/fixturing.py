"""Writing golden fixtures: a page with the cleaner's current output beside it, for review.

The expected files are a reviewer's word, not the cleaner's: these helpers only propose them.
"""

from __future__ import annotations

import json
from pathlib import Path

from cleaners import Article, clean_html, clean_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def dump_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def current_output(folder: Path) -> Article:
    """The cleaner's output for a fixture folder, as the tests produce it."""
    source = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    if (folder / "page.html").exists():
        return clean_html((folder / "page.html").read_bytes(), url=source.get("url"))
    return clean_text((folder / "input.txt").read_text(encoding="utf-8"), source.get("outlet"))


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
    outlet: str, name: str, page: bytes | str, url: str, fixtures: Path = FIXTURES
) -> Path:
    """A new fixture folder from a page: page.html, source.json, and the current output as the
    expected files, to be corrected by hand."""
    folder = fixtures / "pages" / outlet / name
    if folder.exists():
        raise FileExistsError(f"fixture {folder} already exists")
    article = clean_html(page, url=url)  # before writing anything: no half fixture
    folder.mkdir(parents=True)
    (folder / "page.html").write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    (folder / "source.json").write_text(dump_json({"url": url}), encoding="utf-8")
    write_expected(folder, article)
    return folder
