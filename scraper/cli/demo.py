"""`kliping demo`: the whole pipeline offline (scraper.demo): a local mirror of the bundled
fixtures crawled into a fresh store, then exported."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CliError, add_command

EXAMPLES = """\
examples:
  kliping demo                          store, logs and exports in data/demo/
  kliping demo --dir /tmp/demo --synthetic 500"""


def add_parser(sub) -> None:
    parser = add_command(sub, "demo", "crawl a local mirror of the bundled fixtures (offline)",
                         "The whole pipeline offline: a server on 127.0.0.1 serves a mirror of "
                         "the bundled fixtures, kliping crawls it into a fresh store in DIR and "
                         "exports it (DIR is emptied first).", EXAMPLES)  # fmt: skip
    parser.add_argument("--dir", default="data/demo", help="where the demo store and export go")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="also serve N generated articles")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..demo import DemoError, DemoOptions, run_demo
    from .crawl import run_pass

    try:
        return run_demo(DemoOptions(Path(args.dir), args.synthetic), crawl=run_pass)
    except DemoError as error:
        raise CliError(str(error)) from None
