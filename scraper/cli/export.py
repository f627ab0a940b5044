"""`kliping export`: the store as JSON lines, CSV, or one clean-text file per article."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..store import DEFAULT_DB
from . import EXIT_STORE, CliError, open_store


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "export", help="write the stored articles out (jsonl, csv, txt or warc)"
    )
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    parser.add_argument("--format", choices=("jsonl", "csv", "txt", "warc"), default="jsonl")
    parser.add_argument("--out", required=True, help="output file (txt: a folder)")
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.add_argument("--dedupe", action="store_true",
                        help="one article per story (the first published; see kliping stories)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export
    from ..store import StoreError

    try:
        with open_store(args.db) as store:
            count = export(
                store, args.format, Path(args.out), outlet=args.outlet, dedupe=args.dedupe
            )
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    print(f"{count} articles written to {args.out}")
    return 0
