"""Where the generic path's time goes (issue 16.2): each stage of `clean_html(..., outlet="generic")`
wrapped with a clock, its own time (nested stages subtracted) and how often it ran.

    python -m bench.generic_profile [--pages scrapinghub|holdouts-f|all] [--passes N]

`holdouts-f` are the class f holdouts of every part (other outlets: the generic path), timed
only: their pages are never printed. The stage clocks cost a few microseconds a call; read the
shares, and time the path itself with `bench.speed` or `bench.run`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps
from typing import Any

import trafilatura

import cleaners
import cleaners.generic as generic

from .data import Page, load_scrapinghub
from .holdouts_data import load

# (module, attribute, stage label) of what is wrapped; trafilatura's extract is labelled by pass.
STAGES: list[tuple[Any, str, str]] = [
    (generic, "_huge_tree", "parse (lxml, huge_tree)"),
    (generic, "read_meta", "head: JSON-LD and meta tags"),
    (generic, "not_article_reason", "page kind"),
    (generic, "read_metadata", "metadata from markup"),
    (generic, "_persons", "bylines (info lines, site names)"),
    (generic, "_from_visible_text", "visible headline and date"),
    (generic, "cut_inline_boilerplate", "inline cuts"),
    (generic, "_drop_caption_tables", "caption tables"),
    (generic, "unwrap_layout_tables", "layout tables unwrapped"),
    (generic, "paragraphs_from_breaks", "<br> bodies to <p>"),
    (generic, "wrap_loose_text", "loose text wrapped"),
    (generic, "keep_story_captions_in_page", "story captions"),
    (generic, "build_body", "line rules (build_body)"),
    (generic, "looks_like_article", "looks like an article"),
    (generic, "_densest_block", "densest-block fallback (parse, find, read)"),
    (generic, "densest_block", "densest block found"),
    (generic, "owned_text", "text each container owns"),
    (generic, "dominant", "does the densest block decide (share, captions, linked lines)"),
    (generic, "_read_block", "densest block read (read_article)"),
    (generic, "_site_bylines", "site bylines"),
    (generic, "cut_label_blocks", "label blocks cut"),
    (generic, "drop_bare_captions", "bare captions dropped"),
    (generic, "subheadings_as_paragraphs", "subheadings as paragraphs"),
    (generic, "join_field_rows", "field rows joined"),
    (generic, "drop_teasers", "teaser lists, widgets and card runs"),
    (generic, "keep_article_lists", "article lists kept"),
    (generic, "rejoin_split_paragraphs", "split paragraphs rejoined"),
    (generic, "_finish", "finish (captured, standfirst)"),
    (cleaners, "_with_language", "language"),
]


class Clock:
    """Own time per stage: a stage's clock stops while a nested stage runs."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._stack: list[list[Any]] = []  # [label, started, nested seconds]

    @contextmanager
    def stage(self, label: str) -> Iterator[None]:
        frame = [label, time.perf_counter(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            spent = time.perf_counter() - frame[1]
            self.own[label] += spent - frame[2]
            self.calls[label] += 1
            if self._stack:
                self._stack[-1][2] += spent

    def wrap(self, fn: Callable, label: str | Callable[..., str]) -> Callable:
        @wraps(fn)
        def timed(*args, **kwargs):
            with self.stage(label(*args, **kwargs) if callable(label) else label):
                return fn(*args, **kwargs)

        return timed


def _trafilatura_label(*args, favor_precision: bool = False, **kwargs) -> str:
    return "trafilatura precision pass" if favor_precision else "trafilatura recall pass"


@contextmanager
def instrumented(clock: Clock) -> Iterator[None]:
    present = [(m, a, label) for m, a, label in STAGES if hasattr(m, a)]  # as the code stands
    saved = [(m, a, getattr(m, a)) for m, a, _ in present]
    saved.append((trafilatura, "extract", trafilatura.extract))
    for module, attr, label in present:
        setattr(module, attr, clock.wrap(getattr(module, attr), label))
    trafilatura.extract = clock.wrap(trafilatura.extract, _trafilatura_label)
    try:
        yield
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def profile(pages: list[Page], passes: int) -> tuple[Clock, float]:
    """The stage clocks over `passes` runs of every page (after one warm-up run), and the wall
    seconds of all passes."""
    for page in pages:  # lazy imports, compiled regexes, caches
        _clean(page)
    clock = Clock()
    with instrumented(clock):
        start = time.perf_counter()
        for _ in range(passes):
            for page in pages:
                with clock.stage("the rest (clean_html, outlet lookup, glue)"):
                    _clean(page)
        wall = time.perf_counter() - start
    return clock, wall


def _clean(page: Page) -> None:
    with suppress(cleaners.CleanError):
        cleaners.clean_html(page.html, url=page.url, outlet="generic")


def table(clock: Clock, wall: float, pages: int, passes: int) -> list[str]:
    runs = pages * passes
    total = sum(clock.own.values())
    out = [
        f"{pages} pages × {passes} passes: {1000 * wall / runs:.2f} ms a page "
        f"({runs / wall:.1f} pages/s with the clocks)",
        "",
        "| stage | ms/page | share | calls a pass (per page) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, own in sorted(clock.own.items(), key=lambda kv: -kv[1]):
        share = clock.calls[label] / runs
        out.append(
            f"| {label} | {1000 * own / runs:.2f} | {100 * own / total:.0f}% | "
            f"{clock.calls[label] // passes} ({100 * share:.0f}%) |"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generic_profile", description=__doc__)
    ap.add_argument("--pages", choices=("scrapinghub", "holdouts-f", "all"), default="all")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args(argv)
    groups: dict[str, list[Page]] = {}
    if args.pages in ("scrapinghub", "all"):
        groups["scrapinghub"] = load_scrapinghub()
    if args.pages in ("holdouts-f", "all"):
        groups["holdouts-f"] = [h.page for h in load() if h.cls == "f"]
    for name, pages in groups.items():
        clock, wall = profile(pages, args.passes)
        print(f"## {name}\n", *table(clock, wall, len(pages), args.passes), "", sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
