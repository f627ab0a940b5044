"""`kliping stories`: the stored articles grouped into stories (one story across outlets)."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_STORE, CliError, add_command, add_db, open_store

EXAMPLES = """\
examples:
  kliping stories --db data/demo/kliping.db --min-articles 2
  kliping stories --since 2025-07-01 --outlet kontan --outlet tribunnews --format jsonl"""


def add_parser(sub) -> None:
    parser = add_command(sub, "stories", "group the stored articles that tell one story",
                         "Group the stored articles that report one story across outlets "
                         "(MinHash over names and numbers), earliest report first.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--since", type=_date, help="only articles published on or after DATE")
    parser.add_argument("--outlet", action="append", default=[], metavar="OUTLET",
                        help="only this outlet's articles (repeat for several)")  # fmt: skip
    parser.add_argument("--format", choices=("text", "jsonl"), default="text",
                        help="a table, or one JSON object per story")  # fmt: skip
    parser.add_argument("--min-articles", type=int, default=1, metavar="N",
                        help="only stories of at least N articles (default 1: all)")  # fmt: skip
    parser.set_defaults(run=run)


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from ..store import StoreError
    from ..stories import find_stories
    from ..stories.listing import json_lines, stories_table

    try:
        with open_store(args.db) as store:
            stories = find_stories(store, since=args.since, outlets=args.outlet or None,
                                   min_articles=args.min_articles)  # fmt: skip
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    if args.format == "jsonl":
        sys.stdout.write(json_lines(stories))
    else:
        print(stories_table(stories))
    return 0
