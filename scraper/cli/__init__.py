"""`kliping`: the command line, a thin layer over `cleaners` and the crawler.

Exit codes (documented in the README):
  0  done
  1  internal error (a bug: please report it)
  2  bad usage, or input that is not a page (empty, binary, unknown file, bad URL scheme)
  3  the fetch failed (unreachable, non-2xx, too big, too slow)
  4  the page holds no article text
  5  a crawl finished but an outlet was blocked, unreachable or degraded
  6  the store is locked by another crawl, or cannot be written
  7  the shared frontier (Redis, `kliping crawl --frontier`) cannot be reached
  130 interrupted
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_FETCH, EXIT_NO_ARTICLE = 0, 1, 2, 3, 4
EXIT_UNHEALTHY, EXIT_STORE, EXIT_FRONTIER, EXIT_INTERRUPTED = 5, 6, 7, 130


class CliError(Exception):
    """A failure to report as one line on stderr with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def open_store(db: str):
    """An existing store, or one clear line: commands that read a store never create one."""
    from pathlib import Path

    from ..store import Store, StoreError, is_postgres_url
    from ..store import open_store as open_backend

    postgres = is_postgres_url(db)
    if not postgres and not Path(db).exists():
        raise CliError(f"no store at {db} (run kliping crawl first)")
    try:
        # A PostgreSQL database without kliping's tables is refused, never set up here.
        return open_backend(db, create=False) if postgres else Store(db)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None


class Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line, pointing at --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


# Each command lives in its own module, imported only when run: `kliping clean` must not pay
# for Scrapy.
COMMANDS: dict[str, str] = {
    "clean": "scraper.cli.clean",
    "outlets": "scraper.cli.outlets",
    "crawl": "scraper.cli.crawl",
    "export": "scraper.cli.export",
    "reclean": "scraper.cli.reclean",
    "demo": "scraper.cli.demo",
    "schedule": "scraper.cli.schedule",
    "runs": "scraper.cli.runs",
    "fixture": "scraper.cli.fixture",
    "stories": "scraper.cli.stories",
    "search": "scraper.cli.search",
    "import": "scraper.cli.warc_import",
    "serve": "scraper.cli.serve",
}


def build_parser(only: str | None = None) -> Parser:
    """The whole command line, or with `only` one command's part of it: `kliping clean` then
    imports no other command's module (they pull in the store, subprocess, Scrapy's settings)."""
    parser = Parser(prog="kliping", description="Crawl and clean Indonesian news.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name, module in COMMANDS.items():
        if only is None or name == only:
            _module(module).add_parser(sub)
    return parser


def _module(path: str):
    import importlib

    return importlib.import_module(path)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # A known command first: only its parser is built (cold start); anything else (help,
        # a typo) gets the whole parser and its list of commands.
        only = argv[0] if argv and argv[0] in COMMANDS else None
        args = build_parser(only).parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except CliError as error:
        return fail(str(error), error.code)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one line, the traceback only on request
        if os.environ.get("KLIPING_DEBUG"):
            raise
        return fail(f"internal error: {type(error).__name__}: {error} "
                    "(set KLIPING_DEBUG=1 for the traceback)", EXIT_INTERNAL)  # fmt: skip


def fail(message: str, code: int) -> int:
    print(f"kliping: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
