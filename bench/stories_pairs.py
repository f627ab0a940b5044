"""The labelled articles behind the story thresholds: every fixture article (page and text
fixtures; a split article only as its whole ``-all`` view) and the hand-written reports in
``tests/data/stories/``, each with the story it tells.

Parts: **tune** (the fixtures, ``tests/data/stories/*.txt`` and ``tests/data/stories/tune/``), on
which the rules and thresholds were chosen; **holdout** (``holdout/``), written before any
threshold was chosen and only measured; **holdout2**, written to probe the edges, measured once
and then tuned on (its later figures are not holdout figures); **holdout3**, written after the
last rule and only measured. In each folder a ``labels.json`` gives every file its story, outlet,
publication time and wire source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests/data/stories"
# Fixtures that tell one story (the value); every other fixture is a story of its own.
STORY_OF = {
    "harga-cabai-semarang-numeric": "cabai-semarang", "cabai-semarang-rewrite": "cabai-semarang",
    "banjir-rob-muara-angke-all": "rob-angke", "banjir-muara-angke-rewrite": "rob-angke",
    "het-beras-medium-paywall": "het-beras", "beras-het-rewrite": "het-beras",
}  # fmt: skip
PARTS = ("tune", "holdout", "holdout2", "holdout3")
SEED_STORY = "kim-russia"  # every fixture named *seed*: the Kim Jong Un / Russia seed story


@dataclass(frozen=True)
class Labelled:
    name: str  # folder/stem, unique
    text: str
    outlet: str | None
    published: str | None
    source: str | None
    story: str  # the labelled story; unlabelled fixtures are a story of their own (their name)
    part: str  # "tune" or "holdout"


def labelled() -> list[Labelled]:
    found = []
    for expected in sorted(ROOT.glob("fixtures/*/*/*/expected.txt")) + sorted(
        ROOT.glob("fixtures/text/*/expected.txt")
    ):
        folder = expected.parent
        if "-p" in folder.name[-3:]:  # one page of a split article: its -all view stands for it
            continue
        meta = json.loads((folder / "expected.json").read_text())
        name = f"{folder.parent.name}/{folder.name}"
        found.append(Labelled(name, expected.read_text(), meta["outlet"], meta.get("published"),
                              meta.get("source"), _fixture_story(name), "tune"))  # fmt: skip
    for path in sorted(STORIES.glob("*.txt")):
        name = f"extra/{path.stem}"
        found.append(
            Labelled(name, path.read_text(), None, None, None, _fixture_story(name), "tune")
        )
    for part in PARTS:
        labels = json.loads((STORIES / part / "labels.json").read_text())
        for stem, label in sorted(labels.items()):
            text = (STORIES / part / f"{stem}.txt").read_text()
            found.append(Labelled(f"{part}/{stem}", text, label["outlet"], label["published"],
                                  label["source"], label["story"], part))  # fmt: skip
    return found


def _fixture_story(name: str) -> str:
    stem = name.split("/", 1)[1]
    if "seed" in stem:
        return SEED_STORY
    return STORY_OF.get(stem, name)
