"""Where the site path's time goes: `python -m bench.profile_site [--passes N] [--top N]`.

Runs `clean_html` on the pages that take the site path (the outlet fixtures and the tune
holdouts of classes a b d e whose article comes out with method `site`; the others are named and
left out) and prints, per group:

- the site path beside lxml's parse alone, uninstrumented, their passes interleaved (best CPU
  time of the process);
- a stage timer: each stage function wrapped with a clock, time charged to the innermost stage
  running (self time: a stage's share excludes the stages it calls), `the rest` being what no
  stage covers (clean_html itself, the outlet lookup, Article building);
- cProfile's top functions by own time.

Read the shares, not the milliseconds: the stage clocks and cProfile cost time themselves, most
in functions called many times a page. `--padded` adds the fixtures padded to a real page's size
(`fixtures-padded`, about 65 KB: the fixtures are trimmed to about 10 KB, where a page's fixed
costs weigh more than its size).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import importlib.util
import io
import os
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps

from cleaners import CleanError, clean_html

from . import data, holdouts_data
from .data import Page

# (module, function, stage): the stages of the site path in page order. A function may be
# imported under its own name elsewhere: every reference in a `cleaners` module is wrapped.
STAGES = (
    ("cleaners.html", "parse", "parse (libxml2)"),
    ("cleaners.metadata.head", "read_meta", "head: meta tags, JSON-LD"),
    ("cleaners.pagekind", "not_article_reason", "page kind"),
    ("cleaners.html", "select", "CSS selectors (any caller)"),
    ("cleaners.blocks", "densest_block", "largest block (no body selector)"),
    ("cleaners.metadata.fields", "read_metadata", "metadata from markup"),
    ("cleaners.metadata.headline", "is_site_name", "site-name checks"),
    ("cleaners.metadata.images", "images", "lead image and caption"),
    ("cleaners.body", "read_article", "read_article itself (bylines, header lines)"),
    ("cleaners.body", "_header_blocks", "header blocks walk"),
    ("cleaners.captions", "keep_story_captions", "story captions"),
    ("cleaners.body", "prune_body", "prune body"),
    ("cleaners.inline", "cut_inline_boilerplate", "inline boilerplate"),
    ("cleaners.html", "blocks", "flattening to lines"),
    ("cleaners.rules.classify", "classify", "line rules: classify"),
    ("cleaners.lines", "build_body", "line rules: build_body"),
    ("cleaners.metadata.fields", "apply_captured", "apply captured"),
    ("cleaners.metadata.language", "text_language", "language"),
)
REST = "the rest (clean_html, outlet lookup, Article)"


def site_pages(padded: bool = False) -> dict[str, tuple[list[Page], list[Page]]]:
    """Per group, the pages whose article comes out of the site path, and the others."""
    fixtures = data.load_fixtures().pages
    groups = {
        "fixtures": fixtures,
        "holdouts-tune": [h.page for h in holdouts_data.load(("tune",)) if h.cls in "abde"],
    }
    if padded:
        padding = _link_padding()
        groups["fixtures-padded"] = [padded_page(p, padding) for p in fixtures]
    return {name: data.by_path(pages) for name, pages in groups.items()}


def padded_page(page: Page, padding) -> Page:
    """The fixture padded as real pages are (the fixtures are trimmed to about 10 KB): every block
    of tests/test_link_padding.py, a sidebar and a mega menu of links, tens of KB of inline
    script and style, a footer of links (about 65 KB a page)."""
    html = page.html
    for where, block in padding.PADDING.values():
        html = padding.pad(html, where, block)
    return Page(page.id, html, page.url, page.group, page.path)


def _link_padding():
    """tests/test_link_padding.py, whose blocks the padding test proves change no output."""
    spec = importlib.util.spec_from_file_location("link_padding", PADDING_TEST)
    padding = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(padding)
    return padding


PADDING_TEST = data.REPO / "tests" / "test_link_padding.py"


def run_pages(pages: list[Page]) -> None:
    for page in pages:
        with suppress(CleanError):
            clean_html(page.html, url=page.url)


def parse_pages(pages: list[Page]) -> None:
    from cleaners.html import parse

    for page in pages:
        parse(page.html)


def interleaved(calls: dict[str, Callable[[], None]], passes: int) -> dict[str, float]:
    """Best CPU seconds of each call over `passes` rounds, the calls interleaved in each round
    (CPU time of this process: on a loaded machine wall time counts other jobs' time slices)."""
    best = dict.fromkeys(calls, float("inf"))
    for call in calls.values():
        call()  # warm-up: lazy imports, caches
    for _ in range(passes):
        for name, call in calls.items():
            gc.collect()
            start = time.process_time()
            call()
            best[name] = min(best[name], time.process_time() - start)
    return best


class StageClock:
    """Self time per stage: the clock's time goes to the innermost stage running."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack = [REST]
        self._since = 0.0

    def _charge(self) -> None:
        now = time.perf_counter()
        top = self._stack[-1]
        self.seconds[top] = self.seconds.get(top, 0.0) + now - self._since
        self._since = now

    def wrap(self, stage: str, function: Callable) -> Callable:
        @wraps(function)
        def timed(*args, **kwargs):
            self._charge()
            self._stack.append(stage)
            self.calls[stage] = self.calls.get(stage, 0) + 1
            try:
                return function(*args, **kwargs)
            finally:
                self._charge()
                self._stack.pop()

        return timed

    def start(self) -> None:
        self._since = time.perf_counter()

    def stop(self) -> None:
        self._charge()


@contextmanager
def stages_wrapped(clock: StageClock) -> Iterator[None]:
    """Every reference to a stage function in a loaded `cleaners` module, wrapped by `clock`."""
    patched = []
    for module_name, attr, stage in STAGES:
        original = getattr(importlib.import_module(module_name), attr)
        timed = clock.wrap(stage, original)
        for name, module in list(sys.modules.items()):
            if not name.startswith("cleaners") or module is None:
                continue
            for key, value in list(vars(module).items()):
                if value is original:
                    setattr(module, key, timed)
                    patched.append((module, key, original))
    try:
        yield
    finally:
        for module, key, original in patched:
            setattr(module, key, original)


def stage_table(pages: list[Page], passes: int) -> list[str]:
    clock = StageClock()
    with stages_wrapped(clock):
        run_pages(pages)  # warm
        clock.seconds.clear()
        clock.calls.clear()
        clock.start()
        for _ in range(passes):
            run_pages(pages)
        clock.stop()
    total = sum(clock.seconds.values())
    n = len(pages) * passes
    out = ["| stage | ms/page | share | calls/page |", "| --- | ---: | ---: | ---: |"]
    for stage, seconds in sorted(clock.seconds.items(), key=lambda kv: -kv[1]):
        calls = f"{clock.calls.get(stage, 0) / n:.1f}" if stage != REST else "-"
        out.append(f"| {stage} | {1000 * seconds / n:.3f} | {seconds / total:.0%} | {calls} |")
    out.append(f"| **total (instrumented)** | {1000 * total / n:.3f} | 100% | |")
    return out


def profile_table(pages: list[Page], passes: int, top: int) -> list[str]:
    run_pages(pages)  # warm
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(passes):
        run_pages(pages)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    n = len(pages) * passes
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # by own time
    out = ["| function | calls/page | own ms/page | with callees ms/page |",
           "| --- | ---: | ---: | ---: |"]  # fmt: skip
    for (path, line, name), (_, calls, own, cumulative, _) in rows:
        where = f"{os.path.relpath(path, data.REPO)}:{line}" if path.startswith("/") else path
        out.append(f"| `{name}` {where} | {calls / n:.1f} | {1000 * own / n:.3f} | "
                   f"{1000 * cumulative / n:.3f} |")  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile_site", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--passes", type=int, default=5, help="passes over the pages (default 5)")
    ap.add_argument("--top", type=int, default=25, help="cProfile rows (default 25)")
    ap.add_argument("--no-profile", action="store_true", help="skip cProfile")
    ap.add_argument("--padded", action="store_true",
                    help="also the fixtures padded to real pages' size (fixtures-padded)")  # fmt: skip
    args = ap.parse_args(argv)
    print(f"# site path profile: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.2f}, {args.passes} passes\n")  # fmt: skip
    for group, (pages, others) in site_pages(args.padded).items():
        print(f"## {group}: {len(pages)} site-path pages")
        if others:
            names = ", ".join(p.id for p in others)
            print(f"\nNot on the site path, left out ({len(others)}): {names}")
        best = interleaved(
            {"site": lambda p=pages: run_pages(p), "parse": lambda p=pages: parse_pages(p)},
            args.passes,
        )
        site_ms, parse_ms = (1000 * best[k] / len(pages) for k in ("site", "parse"))
        print(f"\nUninstrumented, best CPU time of {args.passes} interleaved: site path {site_ms:.3f} "
              f"ms/page, lxml parse only {parse_ms:.3f} ms/page: site / parse-only pages/s "
              f"= {parse_ms / site_ms:.3f} (about {site_ms / parse_ms:.1f} parses)\n")  # fmt: skip
        print("\n".join(stage_table(pages, args.passes)))
        if not args.no_profile:
            print(f"\ncProfile, top {args.top} by own time:\n")
            print("\n".join(profile_table(pages, args.passes, args.top)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
