"""`kliping reclean`: the current cleaners over the stored raw pages, without a re-crawl."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_STORE, CliError, add_command, add_db, check_outlet, open_store

EXAMPLES = """\
examples:
  kliping reclean                      every article of data/kliping.db
  kliping reclean --db news.db --outlet kontan

An article whose pages no longer clean is kept as it was (counted as failed)."""


def add_parser(sub) -> None:
    parser = add_command(sub, "reclean", "re-clean the stored raw pages with today's cleaners",
                         "Run today's cleaners over the raw pages kept in the store and update "
                         "the texts, without a re-crawl.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..reclean import BATCH, reclean
    from ..store import StoreError

    outlet = check_outlet(args.outlet)
    try:
        with open_store(args.db, readonly=False) as store:
            result = reclean(store, outlet, progress=_progress)
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
