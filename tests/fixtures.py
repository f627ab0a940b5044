"""The golden fixtures of fixtures/, found once, for every test that reads them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Fixture:
    path: Path

    @property
    def id(self) -> str:
        return str(self.path.relative_to(ROOT))

    @property
    def source(self) -> dict:
        return json.loads((self.path / "source.json").read_text(encoding="utf-8"))

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


def page_fixtures() -> list[Fixture]:
    return [Fixture(p.parent) for p in sorted(ROOT.glob("pages/*/*/page.html"))]


def text_fixtures() -> list[Fixture]:
    return [Fixture(p.parent) for p in sorted(ROOT.glob("text/*/input.txt"))]


def boilerplate_strings() -> list[str]:
    lines = (ROOT / "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]
