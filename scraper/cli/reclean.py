"""`kliping reclean`: the current cleaners over the stored raw pages, without a re-crawl."""

from __future__ import annotations

import argparse
import os
import sys
import time

from . import EXIT_STORE, EXIT_USAGE, CliError, add_command, add_db, check_outlet, open_store

EXAMPLES = """\
examples:
  kliping reclean                      every article of data/kliping.db
  kliping reclean --db news.db --outlet kontan --workers 2

An article whose pages no longer clean is kept as it was (counted as failed)."""


def add_parser(sub) -> None:
    parser = add_command(sub, "reclean", "re-clean the stored raw pages with today's cleaners",
                         "Run today's cleaners over the raw pages kept in the store and update "
                         "the texts, without a re-crawl.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="processes that clean (default: the cores, here %(default)s)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..reclean import BATCH, reclean
    from ..store import StoreError

    outlet = check_outlet(args.outlet)
    if args.workers < 1:
        raise CliError("--workers wants 1 or more", EXIT_USAGE)
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        with open_store(args.db, readonly=False) as store:
            result = reclean(store, outlet, progress=progress, workers=args.workers)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    if progress and result.seen >= BATCH:
        sys.stderr.write("\n")
    print(f"{result.seen} articles recleaned: {result.changed} changed, "
          f"{result.unchanged} unchanged, {result.failed} failed (kept as they were)")  # fmt: skip
    return 0


class _Progress:
    """`1,200/10,000 articles  3 changed  85/s` on one line, after each batch written."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    def __call__(self, seen: int, total: int, changed: int) -> None:
        rate = seen / max(time.monotonic() - self.start, 1e-9)
        sys.stderr.write(f"\r\033[K{seen:,}/{total:,} articles  {changed:,} changed  "
                         f"{rate:,.0f}/s")  # fmt: skip
        sys.stderr.flush()
