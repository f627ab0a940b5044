"""`kliping`: the command line, a thin layer over `cleaners` and the crawler.

Exit codes (documented in the README):
  0  done
  1  internal error (a bug: please report it)
  2  bad usage, or input that is not a page (empty, binary, unknown file, bad URL scheme)
  3  the fetch failed (unreachable, non-2xx, too big, too slow)
  4  the page holds no article text
  5  a crawl finished but an outlet was blocked, unreachable or degraded
  6  the store is locked by another crawl, cannot be written, or is not a kliping store
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


def open_store(db: str, *, readonly: bool = True):
    """An existing store, or one clear line (exit 6): commands that read a store never create
    one, nor write a file that is not a store. `readonly=False` for commands that write into an
    existing store (reclean)."""
    from ..store import StoreError
    from ..store import open_store as open_backend

    try:
        # A PostgreSQL URL stays a string; a missing, empty or foreign target is refused.
        return open_backend(db, create=False, readonly=readonly)
    except StoreError as error:
        hint = " (kliping crawl makes one)" if "not a kliping store" in str(error) else ""
        raise CliError(f"{error}{hint}", EXIT_STORE) from None


def add_db(parser: argparse.ArgumentParser) -> None:
    """The --db option every store command shares."""
    from ..store import DEFAULT_DB

    parser.add_argument("--db", default=DEFAULT_DB, metavar="STORE",
                        help="the store: a SQLite file or a postgresql:// URL "
                        f"(default {DEFAULT_DB})")  # fmt: skip


def check_outlet(outlet: str | None) -> str | None:
    """The outlet's name; an --outlet that names no outlet is bad usage, as in `kliping crawl`."""
    from cleaners import SITES, site_named

    if not outlet:
        return None
    site = site_named(outlet)
    if site is None:
        names = ", ".join(s.name for s in SITES)
        raise CliError(f"unknown outlet {outlet!r} (known: {names})", EXIT_USAGE)
    return site.name


class Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line, pointing at --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


class Help(argparse.RawDescriptionHelpFormatter):
    """Examples kept as written; every option's default shown unless its help says it."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            "default" in text
            or default in (None, False, argparse.SUPPRESS)
            or not action.option_strings
        ):
            return text
        return f"{text} (default: %(default)s)"


def add_command(sub, name: str, summary: str, description: str, examples: str) -> Parser:
    """A subcommand with a one-line summary (in `kliping --help`), a description, examples."""
    return sub.add_parser(name, help=summary, description=description, epilog=examples,
                          formatter_class=Help)  # fmt: skip


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("kliping")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class VersionAction(argparse.Action):
    """`--version`, the installed version looked up only when asked: importlib.metadata costs
    20-35 ms of every command's cold start."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0,
                         help="show program's version number and exit")  # fmt: skip

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"kliping {version()}")
        parser.exit()


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
    parser = Parser(prog="kliping", description="Crawl and clean Indonesian news.",
                    epilog="'kliping COMMAND --help' shows a command's options and examples.")  # fmt: skip
    parser.add_argument("--version", action=VersionAction)
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
