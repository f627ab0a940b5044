"""`kliping search`: ranked full-text search over the stored titles and texts."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_STORE, CliError, add_command, add_db, open_store
from .stories import _date

EXAMPLES = """\
examples:
  kliping search "harga cabai" --db data/demo/kliping.db
  kliping search "subsid*" --outlet kontan --since 2025-07-01 --limit 5 --format jsonl"""


def add_parser(sub) -> None:
    parser = add_command(sub, "search", "full-text search over the stored articles",
                         "Ranked full-text search over the stored titles and texts, with a "
                         "snippet of each hit.", EXAMPLES)  # fmt: skip
    parser.add_argument("query", help='words to find (all of them first); "word*" for a prefix')
    add_db(parser)
    parser.add_argument("--outlet", action="append", default=[], metavar="OUTLET",
                        help="only this outlet's articles (repeat for several)")  # fmt: skip
    parser.add_argument("--since", type=_date, help="only articles published on or after DATE")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="how many results")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text",
                        help="a list, or one JSON object per hit")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import StoreError
    from ..stories.listing import hits_table, json_lines

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    try:
        with open_store(args.db) as store:
            hits = store.search(
                args.query, outlets=args.outlet or None, since=args.since, limit=args.limit
            )
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    if args.format == "jsonl":
        sys.stdout.write(json_lines(hits))
    else:
        print(hits_table(args.query, hits))
    return 0
