"""The holdout pages of issue 10 (bench/holdouts/<part>/<folder>/), read for bench.generalise."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .data import REPO, Page, expected_body, read_html

HOLDOUTS = REPO / "bench" / "holdouts"
# sealed2: a second outsider set. untuned: pages written with tune's later ones (text10) but kept
# out of the tuning loop, looked at only at the end; it holds the classes its writer tuned on, not
# all of them. kinds_untuned: the same for the page-kind pages of issue 10.3 (kinds10). tune2: a
# second outsider set over the twelve newer outlets and the five seed ones, written to be tuned on;
# sealed3: the third outsider set, never tuned on. tune3: a third set to tune on, by another
# outsider (holdouts4), weighted to classes a, e and f; sealed4: that outsider's sealed set, never
# tuned on. sealed5: a fifth outsider set over the five seed outlets and sites without a cleaner,
# never tuned on. sealed6: a sixth outsider set over the twelve newer outlets and other sites, never
# tuned on. tune4: class pages written by cleaner engineers beside their fixes (inline10:
# read-also and captions; people10: bylines, dates, a writer's page, one-sentence news; blocks10:
# teaser blocks, promo and call-for-writing boxes, a portal's short-name <h1>), one or more per
# class fixed, tuned on. sealed7: a seventh outsider set over all seventeen outlets and other
# sites, never tuned on.
PARTS = (
    "tune",
    "sealed",
    "sealed2",
    "untuned",
    "kinds_untuned",
    "tune2",
    "sealed3",
    "tune3",
    "sealed4",
    "sealed5",
    "sealed6",
    "tune4",
    "sealed7",
)
FULL_PARTS = ("tune", "sealed", "sealed2")
# Parts nobody has opened: their failing pages are counted by class, never named, in reports.
SEALED = ("sealed7",)
CLASSES = {
    "a": "boilerplate inside paragraphs",
    "b": "one person, one name",
    "c": "not an article",
    "d": "old markup, photo pages",
    "e": "big link blocks",
    "f": "other outlets (generic path)",
}


@dataclass
class Holdout:
    part: str
    cls: str  # a..f
    article: bool  # False: the page must be refused
    page: Page  # body/title/published set for articles (the bench's fixture shape)
    authors: list[str] = field(default_factory=list)
    planted: list[str] = field(default_factory=list)  # boilerplate put in the page
    text: str | None = None  # expected.txt as written


def load(parts: tuple[str, ...] = PARTS, root: Path = HOLDOUTS) -> list[Holdout]:
    out = []
    for part in parts:
        for folder in sorted(p for p in (root / part).glob("*/") if p.is_dir()):
            out.append(_read(part, folder))
    return out


def _read(part: str, folder: Path) -> Holdout:
    source = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    html_file = folder / "page.html"
    page = Page(
        f"{part}/{folder.name}", read_html(html_file), source["url"], source["class"], html_file
    )
    held = Holdout(part, source["class"], source["kind"] == "article", page)
    if held.article:
        held.text = (folder / "expected.txt").read_text(encoding="utf-8")
        page.body = expected_body(held.text)
        page.title, page.published = meta["title"], meta["published"]
        held.authors, held.planted = meta["authors"], source.get("planted", [])
    return held
