"""`kliping import FILE.warc[.gz] ...`: articles out of web archives into the store."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import EXIT_STORE, EXIT_USAGE, CliError, add_command, add_db

EXAMPLES = """\
examples:
  kliping import CC-NEWS-20250601.warc.gz --db news.db
  kliping import crawl-*.warc.gz --outlet kontan --workers 2"""


def add_parser(sub) -> None:
    parser = add_command(sub, "import",
                         "import articles from WARC files (Common Crawl CC-NEWS, Heritrix, wget)",
                         "Read WARC files, keep the outlets' article pages, clean and store each "
                         "article once with its raw page and capture date. Damaged records are "
                         "counted and skipped.", EXAMPLES)  # fmt: skip
    parser.add_argument("files", nargs="+", metavar="FILE", help="WARC files (.warc or .warc.gz)")
    add_db(parser)
    parser.add_argument("--outlet", action="append", default=[], metavar="NAME",
                        help="only this outlet (repeatable; default: every outlet kliping knows)")  # fmt: skip
    parser.add_argument("--all", action="store_true",
                        help="also keep pages of other hosts, through the generic cleaner")  # fmt: skip
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="processes that clean pages (default: the cores, here %(default)s)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaners import SITES

    from ..archive.importer import ImportOptions, import_archives
    from ..archive.reader import total_size
    from ..lock import Locked
    from ..store import StoreError

    names = {s.name for s in SITES}
    unknown = [o for o in args.outlet if o not in names]
    if unknown:
        raise CliError(f"unknown outlet {unknown[0]!r} (known: {', '.join(sorted(names))})")
    if args.outlet and args.all:
        raise CliError("--all and --outlet exclude each other", EXIT_USAGE)
    if args.workers < 1:
        raise CliError("--workers wants 1 or more", EXIT_USAGE)
    paths = [Path(f) for f in args.files]
    for path in paths:
        if not path.is_file():
            raise CliError(f"no such file: {path}", EXIT_USAGE)
    options = ImportOptions(paths=paths, db=args.db, outlets=list(args.outlet),
                            keep_all=args.all, workers=args.workers)  # fmt: skip
    progress = _Progress(total_size(paths), paths) if sys.stderr.isatty() else None
    try:
        report = import_archives(options, progress)
    except (Locked, StoreError) as error:
        raise CliError(str(error), EXIT_STORE) from None
    if progress:
        sys.stderr.write("\n")
    print(report.table())
    if report.read.records == 0:
        raise CliError("no WARC record could be read from the given files", EXIT_USAGE)
    return 0


class _Progress:
    """`file 2/5  43%  12,345 records  1,200 stored  850 rec/s` on one line, twice a second."""

    def __init__(self, total: int, paths: list[Path]) -> None:
        self.total = max(total, 1)
        self.paths = [str(p) for p in paths]
        self.start = self.last = time.monotonic()
        self.done_before: dict[str, int] = {}

    def __call__(self, warc, stored: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.5:
            return
        self.last = now
        name = str(warc.path)
        index = self.paths.index(name) if name in self.paths else 0
        before = sum(Path(p).stat().st_size for p in self.paths[:index])
        share = (before + warc.position) / self.total
        records = warc.counts.records
        rate = records / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r\033[Kfile {index + 1}/{len(self.paths)}  {share:4.0%}  "
                         f"{records:,} records  {stored:,} stored  {rate:,.0f} rec/s")  # fmt: skip
        sys.stderr.flush()
