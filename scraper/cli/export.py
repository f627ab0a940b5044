"""`kliping export`: the store as JSON lines, CSV, one clean-text file per article, or WARC."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import EXIT_STORE, CliError, add_command, add_db, check_outlet, open_store

EXAMPLES = """\
examples:
  kliping export --format jsonl --out articles.jsonl
  kliping export --db news.db --format csv --out articles.csv --outlet kontan
  kliping export --format txt --out articles/        one clean-text file per article
  kliping export --format warc --out articles.warc.gz  the raw pages and clean JSON
  kliping export --dedupe --out stories.jsonl         one article per story
  kliping export --out - | head                      JSON lines on standard output

exit codes: 2 bad usage (an unknown outlet, --out a folder for one file or a file for txt);
6 not a kliping store (the file is left as it was)."""


def add_parser(sub) -> None:
    parser = add_command(sub, "export", "write the stored articles out (jsonl, csv, txt or warc)",
                         "Write the stored articles out: metadata and clean text, no raw HTML. "
                         "A file is replaced only once complete.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--format", choices=("jsonl", "csv", "txt", "warc"), default="jsonl",
                        help="output format")  # fmt: skip
    parser.add_argument("--out", required=True,
                        help="output file, - for standard output (jsonl, csv); txt: a folder")  # fmt: skip
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.add_argument("--dedupe", action="store_true",
                        help="one article per story (the first published; see kliping stories)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export, export_stream, target_problem
    from ..store import StoreError

    outlet = check_outlet(args.outlet)
    if problem := target_problem(args.format, args.out):
        raise CliError(problem)
    out = Path(args.out)
    try:
        with open_store(args.db) as store:
            if args.out == "-":
                count = export_stream(store, args.format, sys.stdout, outlet=outlet,
                                      dedupe=args.dedupe)  # fmt: skip
                sys.stdout.flush()
            else:
                count = export(store, args.format, out, outlet=outlet, dedupe=args.dedupe,
                               progress=_progress)  # fmt: skip
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
