"""The measurement behind the story thresholds, on the labelled articles of
``bench/stories_pairs.py`` (fixtures and hand-written reports; tune and holdout parts).

    python -m bench.stories_thresholds            # both parts: pairs, closest calls, P/R
    python -m bench.stories_thresholds --part tune

For every pair of articles: name-token Jaccard (the candidate signal), word Jaccard (the rejected
one) and the facts check (``scraper.stories.facts.conflict``). Precision and recall are given
twice: of *pairs* (is this one pair linked directly?) and of the *clustering* (after union-find,
are the two in one story?), each with names alone and with names confirmed by facts.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
from dataclasses import dataclass

from bench.stories_pairs import PARTS, Labelled, labelled
from scraper.stories import MIN_NAMES, NAME_JACCARD, article_features, group, record
from scraper.stories.facts import conflict, parse_facts
from scraper.stories.features import name_tokens, words
from scraper.stories.grouping import jaccard


@dataclass(frozen=True)
class Pair:
    names: float  # name-token Jaccard
    words: float  # word Jaccard
    conflict: str | None  # what the facts disagree on
    same: bool  # labelled one story
    a: Labelled
    b: Labelled


def articles() -> list[tuple[str, str, str | None]]:
    """(name, text, outlet) of every labelled article."""
    return [(x.name, x.text, x.outlet) for x in labelled()]


def pairs(part: str | None = None, retell_days: float | None = None) -> list[Pair]:
    """Every pair of labelled articles (both of ``part`` when given)."""
    items = [x for x in labelled() if part is None or x.part == part]
    feats = {}
    for x in items:
        feats[x.name] = (
            name_tokens(x.text, x.outlet), set(words(x.text)),
            parse_facts(article_features({"text": x.text, "published": x.published})[2].split(),
                        x.published),
        )  # fmt: skip
    out = []
    for a, b in itertools.combinations(items, 2):
        (na, wa, fa), (nb, wb, fb) = feats[a.name], feats[b.name]
        out.append(Pair(jaccard(na, nb), len(wa & wb) / len(wa | wb), conflict(fa, fb, retell_days),
                        a.story == b.story, a, b))  # fmt: skip
    return out


def measure() -> tuple[list, list]:
    """(name Jaccard, word Jaccard, a, b) of the labelled same-story pairs (lowest first) and of
    all other pairs (highest first), over both parts."""
    rows = [(p.names, p.words, p.a.name, p.b.name, p.same) for p in pairs()]
    positives = sorted(r[:4] for r in rows if r[4])
    negatives = sorted((r[:4] for r in rows if not r[4]), reverse=True)
    return positives, negatives


def linked(pair: Pair, with_facts: bool = True) -> bool:
    """The grouping's direct link decision for one pair (ignoring exact duplicates)."""
    long_enough = min(len(name_tokens(x.text, x.outlet)) for x in (pair.a, pair.b)) >= MIN_NAMES
    return long_enough and pair.names >= NAME_JACCARD and not (with_facts and pair.conflict)


def scores(truth: list[bool], said: list[bool]) -> tuple[float, float]:
    hit = sum(t and s for t, s in zip(truth, said, strict=True))
    precision = hit / sum(said) if any(said) else 1.0
    recall = hit / sum(truth) if any(truth) else 1.0
    return precision, recall


def clustering(
    part: str, with_facts: bool = True, retell_days: float | None = None
) -> tuple[float, float, int, int]:
    """Pair precision and recall of the stories found over *all* labelled articles, counted on the
    pairs within ``part``; then stories found exactly and labelled stories of that part."""
    everything = labelled()
    rows = []
    for x in everything:
        names, sig, facts = article_features(
            {"text": x.text, "outlet": x.outlet, "published": x.published}
        )
        rows.append({"url": x.name, "outlet": x.outlet, "title": x.text.split("\n", 1)[0],
                     "published": x.published, "source": x.source, "names": names, "signature": sig,
                     "facts": facts if with_facts else "",
                     "content_hash": hashlib.sha256(x.text.encode()).hexdigest()})  # fmt: skip
    stories = group([record(r) for r in rows], retell_days=retell_days)
    found = {a.url: s.id for s in stories for a in s.articles}
    mine = [x for x in everything if x.part == part]
    truth, said = [], []
    for a, b in itertools.combinations(mine, 2):
        truth.append(a.story == b.story)
        said.append(found[a.name] == found[b.name])
    labelled_stories: dict[str, set[str]] = {}
    found_stories: dict[str, set[str]] = {}
    for x in mine:
        labelled_stories.setdefault(x.story, set()).add(x.name)
        found_stories.setdefault(found[x.name], set()).add(x.name)
    exact = sum(members in found_stories.values() for members in labelled_stories.values())
    return (*scores(truth, said), exact, len(labelled_stories))


def report(part: str, retell_days: float | None = None) -> None:
    found = pairs(part, retell_days)
    pos = sorted((p for p in found if p.same), key=lambda p: p.names)
    neg = sorted((p for p in found if not p.same), key=lambda p: -p.names)
    print(f"== {part}: {len(pos)} same-story pairs, {len(neg)} other pairs")
    print("lowest same-story pairs (names, words, facts):")
    for p in pos[:6]:
        print(f"  {p.names:.3f} {p.words:.3f} {p.conflict or '-':8} {p.a.name} ~ {p.b.name}")
    print("highest other pairs (names, words, facts):")
    for p in neg[:10]:
        print(f"  {p.names:.3f} {p.words:.3f} {p.conflict or '-':8} {p.a.name} ~ {p.b.name}")
    truth = [p.same for p in found]
    for label, facts in (("names only", False), ("names + facts", True)):
        pp, pr = scores(truth, [linked(p, facts) for p in found])
        cp, cr, exact, total = clustering(part, facts, retell_days)
        print(f"{label:>14}: pairs P {pp:.3f} R {pr:.3f} | stories P {cp:.3f} R {cr:.3f}, "
              f"{exact}/{total} labelled stories found exactly")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=PARTS, nargs="*", default=PARTS)
    parser.add_argument("--retell-days", type=float, help="bound on a dayless later retelling")
    args = parser.parse_args()
    for part in args.part:
        report(part, args.retell_days)


if __name__ == "__main__":
    main()
