"""The measurement behind the story thresholds: name-token Jaccard of every pair of fixture
articles (page and text fixtures, plus the hand-written rewrites in tests/data/stories/), split
into labelled rewrites and all other pairs.

    python -m bench.stories_thresholds
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from scraper.stories.features import name_tokens, words
from scraper.stories.grouping import jaccard

ROOT = Path(__file__).resolve().parent.parent
# Which fixtures tell the same story (the key); every pair not within one key is a negative.
STORY_OF = {
    "seed": "kim-russia",  # every fixture named *seed*: the Kim Jong Un / Russia seed story
    "harga-cabai-semarang-numeric": "cabai-semarang", "cabai-semarang-rewrite": "cabai-semarang",
    "banjir-rob-muara-angke-all": "rob-angke", "banjir-muara-angke-rewrite": "rob-angke",
    "het-beras-medium-paywall": "het-beras", "beras-het-rewrite": "het-beras",
}  # fmt: skip


def articles() -> list[tuple[str, str, str | None]]:
    """(name, text, outlet) of every fixture article; split-article pages only as the whole."""
    found = []
    for expected in sorted(ROOT.glob("fixtures/*/*/*/expected.txt")) + sorted(
        ROOT.glob("fixtures/text/*/expected.txt")
    ):
        folder = expected.parent
        if "-p" in folder.name[-3:]:  # one page of a split article: its -all view stands for it
            continue
        meta = json.loads((folder / "expected.json").read_text())
        found.append((f"{folder.parent.name}/{folder.name}", expected.read_text(), meta["outlet"]))
    for path in sorted((ROOT / "tests/data/stories").glob("*.txt")):
        found.append((f"extra/{path.stem}", path.read_text(), None))
    return found


def label(name: str) -> str | None:
    stem = name.split("/", 1)[1]
    if "seed" in stem:
        return STORY_OF["seed"]
    return STORY_OF.get(stem)


def measure() -> tuple[list, list]:
    items = [(n, name_tokens(t, o), set(words(t))) for n, t, o in articles()]
    positives, negatives = [], []
    for (na, ea, wa), (nb, eb, wb) in itertools.combinations(items, 2):
        same = label(na) is not None and label(na) == label(nb)
        row = (jaccard(ea, eb), len(wa & wb) / len(wa | wb), na, nb)
        (positives if same else negatives).append(row)
    return sorted(positives), sorted(negatives, reverse=True)


def main() -> None:
    positives, negatives = measure()
    print(f"{len(positives)} rewrite pairs, {len(negatives)} other pairs")
    print("name Jaccard / word Jaccard, lowest rewrite pairs:")
    for row in positives[:8]:
        print("  {:.3f}  {:.3f}  {} ~ {}".format(*row))
    print("highest other pairs:")
    for row in negatives[:8]:
        print("  {:.3f}  {:.3f}  {} ~ {}".format(*row))
    words_pos = min(p[1] for p in positives)
    words_neg = max(n[1] for n in negatives)
    print(f"word Jaccard: lowest rewrite {words_pos:.3f}, highest other {words_neg:.3f}")


if __name__ == "__main__":
    main()
