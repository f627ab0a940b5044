"""`kliping clean SOURCE ...`: pages (URLs, files, folders, stdin) in, their clean text out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import EXIT_FETCH, EXIT_NO_ARTICLE, EXIT_USAGE, CliError, add_command

EXAMPLES = """\
examples:
  kliping clean https://www.kontan.co.id/news/...            a URL
  kliping clean saved.html --url https://www.kontan.co.id/news/...
  kliping clean --text extracted.txt --url https://www.tribunnews.com/...
  kliping clean pages/ --out clean/ --format markdown       a folder, one file per page
  kliping clean -i urls.txt > articles.jsonl                a list of URLs, JSON lines

exit codes: 2 bad input (empty, binary, not a page, too big), 3 fetch failed or not HTML,
4 no article text; with several inputs, the first failure's code once all were tried."""


def add_parser(sub) -> None:
    from ..cleaning import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, FETCH_MAX_MIB, FILE_MAX_MIB

    parser = add_command(
        sub, "clean", "clean pages: URLs, saved files (HTML or text), folders, or - for stdin",
        "Print the clean text of news pages: headline, blank line, one paragraph a line.",
        EXAMPLES,
    )  # fmt: skip
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="http(s) URL, file, folder (its files), or - for stdin")  # fmt: skip
    parser.add_argument("-i", "--input-list", metavar="LIST",
                        help="a file of URLs or paths, one a line (- for stdin)")  # fmt: skip
    parser.add_argument("--out", metavar="DIR",
                        help="write one file per input into DIR (default: standard output)")  # fmt: skip
    parser.add_argument("--url", help="where a saved page or text came from (picks its outlet)")
    parser.add_argument("--outlet", help="outlet name or host (see 'kliping outlets'), or generic")
    parser.add_argument("--text", action="store_true", help="the input is extracted text, not HTML")
    parser.add_argument("--format", choices=("text", "json", "jsonl", "markdown"),
                        help="output format (default: text for one input, jsonl for several "
                        "on standard output)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="deadline for fetching a URL")  # fmt: skip
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE, metavar="SECONDS",
                        help="deadline for cleaning one input")  # fmt: skip
    parser.add_argument("--max-size", type=float, metavar="MIB",
                        help=f"size cap per input (default: {FETCH_MAX_MIB} MiB fetched, "
                        f"{FILE_MAX_MIB} MiB a file or standard input)")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..clean_inputs import FAILURES, CleanJob, Reporter, clean_inputs

    job = CleanJob(sources=args.sources, input_list=args.input_list, fmt=args.format,
                   out=Path(args.out) if args.out else None, options=_options(args))  # fmt: skip
    reporter = Reporter(note=_note, failure=_failure, progress=_progress)
    try:
        run = clean_inputs(job, sys.stdout.buffer, reporter)
    except FAILURES as error:
        raise CliError(str(error), exit_code(error)) from None
    if run.many:
        _ended(run)
    return exit_code(run.first_failure) if run.first_failure else 0


def _options(args: argparse.Namespace):
    from ..cleaning import CleanOptions

    for flag, value in (("--timeout", args.timeout), ("--deadline", args.deadline),
                        ("--max-size", args.max_size)):  # fmt: skip
        if value is not None and not value > 0:
            raise CliError(f"{flag} wants a number above 0, not {value:g}")
    return CleanOptions(url=args.url, outlet=args.outlet, text=args.text, timeout=args.timeout,
                        deadline=args.deadline, max_mib=args.max_size)  # fmt: skip


def exit_code(error: Exception) -> int:
    """An input's failure as its exit code: its bytes or its use 2, the fetch 3, no article 4."""
    from cleaners import NoArticle

    from ..cleaning import FetchFailed

    if isinstance(error, FetchFailed):
        return EXIT_FETCH
    return EXIT_NO_ARTICLE if isinstance(error, NoArticle) else EXIT_USAGE


def _note(note: str) -> None:
    print(f"kliping: {note}", file=sys.stderr)


def _failure(error: Exception) -> None:
    _status(f"kliping: {error}\n")


def _ended(run) -> None:
    if sys.stderr.isatty():  # end the progress line
        sys.stderr.write("\n")
    if run.out is not None:
        print(f"{run.inputs - run.failed} of {run.inputs} inputs cleaned into {run.out}/")
    if run.failed:
        print(f"kliping: {run.failed} of {run.inputs} inputs failed", file=sys.stderr)


def _progress(done: int, total: int, failed: int) -> None:
    tail = f", {failed} failed" if failed else ""
    _status(f"\r\033[K{done}/{total} inputs cleaned{tail}", tty_only=True)


def _status(text: str, tty_only: bool = False) -> None:
    tty = sys.stderr.isatty()
    if tty_only and not tty:
        return
    sys.stderr.write(("\r\033[K" if tty and not tty_only else "") + text)
    sys.stderr.flush()
