"""`kliping reclean`: the current cleaners over the stored raw pages, without a re-crawl."""

from __future__ import annotations

import argparse
import sys

from ..store import DEFAULT_DB
from . import EXIT_STORE, CliError, open_store


def add_parser(sub) -> None:
    parser = sub.add_parser("reclean", help="re-clean the stored raw pages with today's cleaners")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..reclean import BATCH, reclean
    from ..store import StoreError

    try:
        with open_store(args.db) as store:
            result = reclean(store, args.outlet, progress=_progress)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    if sys.stderr.isatty() and result.seen >= BATCH:
        sys.stderr.write("\n")
    print(f"{result.seen} articles recleaned: {result.changed} changed, "
          f"{result.unchanged} unchanged, {result.failed} failed (kept as they were)")  # fmt: skip
    return 0


def _progress(seen: int, total: int, changed: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{seen}/{total} articles, {changed} changed")
