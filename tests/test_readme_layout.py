"""README's layout table matches the tree: every module and package of the product (cleaners/,
scraper/) is named in it, and every path it names exists. A name without a folder (`blocks.py`
after `cleaners/body.py`) is in the folder of the path before it in the same row; a path with
`<...>` in it (`cleaners/sites/<outlet>.py`) stands for every file of its folder."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("cleaners", "scraper")


def _layout_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def _named(row: str) -> list[str]:
    """The paths a row names, in order, bare names resolved against the folder before them."""
    paths, folder = [], ""
    for token in re.findall(r"`([^`]+)`", row):
        if " " in token or not re.fullmatch(r"[\w.<>*/-]+", token) or token.startswith("-"):
            continue  # code, an option, a call: not a path
        if "/" in token.rstrip("/") or (token.endswith("/") and not folder):
            folder = token if token.endswith("/") else token.rsplit("/", 1)[0] + "/"
            paths.append(token)
        elif folder and (token.endswith((".py", "/")) or token == "run"):
            paths.append(folder + token)
    return paths


def _all_named() -> list[str]:
    return [path for row in _layout_rows() for path in _named(row)]


def _product_rooms() -> set[str]:
    rooms = set()
    for top in PRODUCT:
        for path in (ROOT / top).rglob("*"):
            if "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ROOT).as_posix()
            if path.is_dir() and (path / "__init__.py").exists():
                rooms.add(rel + "/")
            elif path.suffix == ".py" and path.name != "__init__.py":
                rooms.add(rel)
    return rooms


def test_every_product_module_is_in_the_layout_table():
    named = _all_named()
    patterns = [p.rsplit("/", 1)[0] + "/" for p in named if "<" in p]
    missing = sorted(
        room for room in _product_rooms()
        if room not in named and not any(room.startswith(p) for p in patterns)
    )  # fmt: skip
    assert not missing, f"rooms of the tree that README's layout table does not name: {missing}"


def test_every_path_in_the_layout_table_exists():
    ghosts = [p for p in _all_named() if "<" not in p and "*" not in p
              and not (ROOT / p.rstrip("/")).exists()]  # fmt: skip
    assert not ghosts, f"README's layout table names paths that do not exist: {ghosts}"
