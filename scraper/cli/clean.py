"""`kliping clean SOURCE ...`: pages (URLs, files, folders, stdin) in, their clean text out."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

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
    options = _options(args)
    inputs, many = _inputs(args)
    if args.url and len(inputs) > 1:
        raise CliError("--url names where one page came from; give one SOURCE with it")
    if not many and not args.out:
        return _one(inputs[0], options, args.format or "text")
    fmt = args.format or ("text" if args.out else "jsonl")
    if not args.out and fmt not in ("json", "jsonl"):
        raise CliError(f"--format {fmt} with several inputs needs --out DIR (or --format jsonl)")
    return _many(inputs, options, fmt, Path(args.out) if args.out else None)


def _options(args: argparse.Namespace):
    from ..cleaning import CleanOptions

    for flag, value in (("--timeout", args.timeout), ("--deadline", args.deadline),
                        ("--max-size", args.max_size)):  # fmt: skip
        if value is not None and not value > 0:
            raise CliError(f"{flag} wants a number above 0, not {value:g}")
    return CleanOptions(url=args.url, outlet=args.outlet, text=args.text, timeout=args.timeout,
                        deadline=args.deadline, max_mib=args.max_size)  # fmt: skip


def _inputs(args: argparse.Namespace) -> tuple[list[str], bool]:
    """The inputs in order, and whether there are (or could be) several."""
    inputs: list[str] = []
    many = len(args.sources) > 1 or bool(args.input_list)
    for source in args.sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            many = True
            inputs += [str(p) for p in sorted(path.iterdir()) if p.is_file()
                       and not p.name.startswith(".")]  # fmt: skip
        else:
            inputs.append(source)
    if args.input_list:
        inputs += list(_listed(args.input_list))
    if not inputs and many:
        raise CliError("no inputs found (an empty folder or list?)")
    if not inputs:
        raise CliError("give a SOURCE (URL, file, folder or -) or -i LIST (see 'kliping clean "
                       "--help')")  # fmt: skip
    if inputs.count("-") > 1 or ("-" in inputs and args.input_list == "-"):
        raise CliError("standard input can be read only once")
    return inputs, many


def _listed(name: str) -> Iterator[str]:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or error
        raise CliError(f"cannot read the list {name}: {why}") from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _one(source: str, options, fmt: str) -> int:
    from ..formats import render

    cleaned = _clean(source, options)
    if cleaned.note:
        print(f"kliping: {cleaned.note}", file=sys.stderr)
    if fmt == "jsonl":
        out = json.dumps(cleaned.article.to_dict(), ensure_ascii=False) + "\n"
    else:
        out = render(cleaned.article, fmt)
    sys.stdout.buffer.write(out.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _clean(source: str, options):
    from cleaners import NoArticle

    from ..cleaning import BadInput, FetchFailed, clean_source

    try:
        return clean_source(source, options)
    except BadInput as error:
        raise CliError(str(error), EXIT_USAGE) from None
    except FetchFailed as error:
        raise CliError(str(error), EXIT_FETCH) from None
    except NoArticle as error:
        raise CliError(str(error), EXIT_NO_ARTICLE) from None


def _many(inputs: list[str], options, fmt: str, out: Path | None) -> int:
    """Every input tried in turn; a failure is one line on stderr and the rest go on."""
    from ..formats import SUFFIX, render

    if out is not None:
        if out.exists() and not out.is_dir():
            raise CliError(f"--out {out} exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
    first_failure, failed, names = 0, 0, set()
    for done, source in enumerate(inputs, 1):
        try:
            article = _clean(source, options).article
        except CliError as error:
            failed += 1
            first_failure = first_failure or error.code
            _status(f"kliping: {error}\n")
            _progress(done, len(inputs), failed)
            continue
        if out is None:
            line = json.dumps({"input": source, **article.to_dict()}, ensure_ascii=False)
            sys.stdout.buffer.write((line + "\n").encode("utf-8"))
            sys.stdout.flush()
        else:
            ext = ".jsonl" if fmt == "jsonl" else SUFFIX[fmt]
            target = out / (_out_name(source, names) + ext)
            body = json.dumps(article.to_dict(), ensure_ascii=False) + "\n" if fmt == "jsonl" \
                else render(article, fmt)  # fmt: skip
            target.write_text(body, encoding="utf-8")
        _progress(done, len(inputs), failed)
    if sys.stderr.isatty() and inputs:
        sys.stderr.write("\n")
    if out is not None:
        print(f"{len(inputs) - failed} of {len(inputs)} inputs cleaned into {out}/")
    if failed:
        print(f"kliping: {failed} of {len(inputs)} inputs failed", file=sys.stderr)
    return first_failure


def _progress(done: int, total: int, failed: int) -> None:
    tail = f", {failed} failed" if failed else ""
    _status(f"\r\033[K{done}/{total} inputs cleaned{tail}", tty_only=True)


def _status(text: str, tty_only: bool = False) -> None:
    tty = sys.stderr.isatty()
    if tty_only and not tty:
        return
    sys.stderr.write(("\r\033[K" if tty and not tty_only else "") + text)
    sys.stderr.flush()


def _out_name(source: str, taken: set[str]) -> str:
    """A file name for an input's output: a file's own stem, a URL's last segment and a hash."""
    if source == "-":
        name = "stdin"
    elif re.match(r"^https?://", source, re.I):
        last = [p for p in urlsplit(source).path.split("/") if p]
        slug = re.sub(r"[^\w-]+", "-", last[-1] if last else "page").strip("-")[:60]
        name = f"{slug or 'page'}-{hashlib.sha256(source.encode()).hexdigest()[:8]}"
    else:
        name = Path(source).stem or "input"
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{name}-{n}"
    taken.add(unique)
    return unique
