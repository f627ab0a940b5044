"""`kliping export`: the store as JSON lines, CSV, or one clean-text file per article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..passes import DEFAULT_DB
from . import EXIT_STORE, CliError, add_command, check_outlet, open_store

EXAMPLES = """\
examples:
  kliping export --format jsonl --out articles.jsonl
  kliping export --db news.db --format csv --out articles.csv --outlet kontan
  kliping export --format txt --out articles/        one clean-text file per article
  kliping export --out - | head                      JSON lines on standard output"""


def add_parser(sub) -> None:
    parser = add_command(sub, "export", "write the stored articles out (jsonl, csv or txt)",
                         "Write the stored articles out: metadata and clean text, no raw HTML. "
                         "A file is replaced only once complete.", EXAMPLES)  # fmt: skip
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite store")
    parser.add_argument("--format", choices=("jsonl", "csv", "txt"), default="jsonl",
                        help="output format")  # fmt: skip
    parser.add_argument("--out", required=True,
                        help="output file, - for standard output (txt: a folder)")  # fmt: skip
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export, export_stream
    from ..store import StoreError

    outlet = check_outlet(args.outlet)
    out = Path(args.out)
    if args.out == "-" and args.format == "txt":
        raise CliError("--format txt writes a folder; give --out DIR")
    if args.out != "-" and args.format == "txt" and out.exists() and not out.is_dir():
        raise CliError(f"--out {out} exists and is not a folder (txt writes one file per article)")
    if args.out != "-" and args.format != "txt" and out.is_dir():
        raise CliError(f"--out {out} is a folder; {args.format} writes one file")
    try:
        with open_store(args.db) as store:
            if args.out == "-":
                count = export_stream(store, args.format, sys.stdout, outlet=outlet)
                sys.stdout.flush()
            else:
                count = export(store, args.format, out, outlet=outlet, progress=_progress)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    if sys.stderr.isatty() and args.out != "-":
        sys.stderr.write("\r\033[K")
    print(f"{count} articles written to {args.out}", file=sys.stderr if args.out == "-" else
          sys.stdout)  # fmt: skip
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{done}/{total} articles written")
        sys.stderr.flush()
