"""Two versions of the cleaners side by side in one process: `python -m bench.ab_trees OLD NEW
[--rounds N] [--padded] [--generic]`.

OLD and NEW are source trees (a checkout, or `git archive REV | tar -x -C DIR`); a copy of each
one's `cleaners` is imported under a name of its own (`cleaners_a`, `cleaners_b`), so both run
in this process and their passes over the same pages are interleaved round by round: a busy
moment of the machine hits both alike. Prints, per group, each version's best and median CPU
time a page, the speedup (best against best, and the median of the rounds' ratios) and the
site / parse-only ratio (NEW's `cleaners.html.parse`). The pages: the fixtures, the site-path
tune holdouts and, with `--padded`, the fixtures padded to a real page's size
(`bench.profile_site`). `--generic` times the generic path instead (`outlet="generic"`) on the
Scrapinghub pages and every part's class f holdouts, as `bench.generic_ratio` does.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from . import data, holdouts_data
from .data import Page
from .profile_site import _link_padding, padded_page


def load_copy(tree: Path, name: str, into: Path):
    """`tree`'s cleaners package imported as `name` (its imports are relative but one)."""
    target = into / name
    shutil.copytree(tree / "cleaners", target, ignore=shutil.ignore_patterns("__pycache__"))
    fetch = target / "fetch.py"
    fetch.write_text(fetch.read_text().replace("from cleaners.", f"from {name}."))
    return importlib.import_module(name)


def cleaning(package, pages: list[Page], outlet: str | None = None) -> Callable[[], None]:
    clean, error = package.clean_html, package.CleanError

    def run() -> None:
        for page in pages:
            with suppress(error):
                clean(page.html, url=page.url, outlet=outlet)

    return run


def parsing(package, pages: list[Page]) -> Callable[[], None]:
    parse = importlib.import_module(package.__name__ + ".html").parse

    def run() -> None:
        for page in pages:
            parse(page.html)

    return run


def rounds_of(calls: dict[str, Callable[[], None]], rounds: int, n: int) -> dict[str, list]:
    """CPU ms a page of each call, per round, the calls interleaved in every round."""
    for call in calls.values():
        call()  # warm-up
    times: dict[str, list[float]] = {k: [] for k in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            gc.collect()
            start = time.process_time()
            call()
            times[name].append(1000 * (time.process_time() - start) / n)
    return times


def groups(padded: bool, generic: bool = False) -> dict[str, list[Page]]:
    if generic:
        held = [h.page for h in holdouts_data.load() if h.cls == "f"]
        return {"scrapinghub": data.load_scrapinghub(), "holdouts-f": held}
    fixtures = data.load_fixtures().pages
    held = [h.page for h in holdouts_data.load(("tune",)) if h.cls in "abde"]
    out = {"fixtures": fixtures, "holdouts-tune-site": data.by_path(held)[0]}
    if padded:
        padding = _link_padding()
        out["fixtures-padded"] = [padded_page(p, padding) for p in fixtures]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ab_trees", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--padded", action="store_true", help="also the padded fixtures")
    ap.add_argument("--generic", action="store_true", help="the generic path, its own pages")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        sys.path.insert(0, scratch)
        old, new = (load_copy(t, n, Path(scratch)) for t, n in ((args.old, "cleaners_a"),
                                                                  (args.new, "cleaners_b")))  # fmt: skip
        print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
        outlet = "generic" if args.generic else None
        for name, pages in groups(args.padded, args.generic).items():
            calls = {"old": cleaning(old, pages, outlet), "new": cleaning(new, pages, outlet),
                     "parse": parsing(new, pages)}  # fmt: skip
            t = rounds_of(calls, args.rounds, len(pages))
            best = {k: min(v) for k, v in t.items()}
            paired = statistics.median(a / b for a, b in zip(t["old"], t["new"], strict=True))
            print(f"{name} ({len(pages)} pages): old {best['old']:.3f} (median "
                  f"{statistics.median(t['old']):.3f}) ms, new {best['new']:.3f} (median "
                  f"{statistics.median(t['new']):.3f}) ms, parse {best['parse']:.3f} ms; "
                  f"speedup {best['old'] / best['new']:.2f}x (median of rounds {paired:.2f}x); "
                  f"site / parse-only {best['parse'] / best['old']:.3f} -> "
                  f"{best['parse'] / best['new']:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
