"""`kliping clean SOURCE`: one page (URL, file or stdin) in, its clean text out."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import EXIT_FETCH, EXIT_NO_ARTICLE, EXIT_USAGE, CliError

MAX_INPUT_BYTES = 64 * 2**20  # a saved page larger than this is not an article page
_MARKUP = re.compile(
    r"<\s*(?:!doctype|html|head|body|p|div|article|meta|title|h1|span|a|br)\b", re.I
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "clean",
        help="clean one page: a URL, a saved file (HTML or text) or - for stdin",
        description="Print the clean text of one news page (exit codes: 2 bad input, "
        "3 fetch failed, 4 no article text).",
    )
    parser.add_argument("source", metavar="SOURCE", help="http(s) URL, file path, or - for stdin")
    parser.add_argument("--url", help="where a saved page or text came from (picks its outlet)")
    parser.add_argument("--outlet", help="outlet name or host (see 'kliping outlets'), or generic")
    parser.add_argument("--text", action="store_true", help="the input is extracted text, not HTML")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--timeout", type=float, default=20.0, help="fetch deadline in seconds")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaners import CleanError, NoArticle, clean_html, clean_text
    from cleaners.decode import decode_html, looks_binary

    data, content_type, fetched_url = _read_source(args)
    if not data.strip():
        raise CliError(f"{_name(args.source)} is empty", EXIT_USAGE)
    if reason := looks_binary(data):
        raise CliError(f"{_name(args.source)} is not a page ({reason})", EXIT_USAGE)
    url = args.url or fetched_url
    # Markup is looked for in the decoded text: in UTF-16 bytes "<html" is not "<html".
    page = decode_html(data, content_type)
    try:
        if args.text or not _MARKUP.search(page[:65536]):
            article = clean_text(page, outlet=args.outlet or _outlet_of(url))
            if url:
                from cleaners.urls import canonical_url

                article.url = canonical_url(url)
        else:
            article = clean_html(page, url=url, outlet=args.outlet)
    except NoArticle as error:
        raise CliError(f"{_name(args.source)}: {error}", EXIT_NO_ARTICLE) from None
    except (CleanError, ValueError) as error:
        raise CliError(f"{_name(args.source)}: {error}", EXIT_USAGE) from None
    _write(article, args.format)
    return 0


def _outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to: text mode has no page to read the host from."""
    from cleaners import site_for_url

    site = site_for_url(url) if url else None
    return site.name if site else None


def _read_source(args: argparse.Namespace) -> tuple[bytes, str | None, str | None]:
    """The input's bytes, its content type when fetched, and the URL it was fetched from."""
    source = args.source
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:  # refused like a file that big, not cut short
            raise CliError(f"standard input is larger than {MAX_INPUT_BYTES // 2**20} MiB",
                           EXIT_USAGE)  # fmt: skip
        return data, None, None
    path = Path(source)
    if _SCHEME.match(source) and not path.exists():
        return _fetch(source, args.timeout)
    if not path.exists():
        raise CliError(f"no such file: {source}", EXIT_USAGE)
    if not path.is_file():
        raise CliError(f"not a file: {source}", EXIT_USAGE)
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise CliError(f"{source} is larger than {MAX_INPUT_BYTES // 2**20} MiB", EXIT_USAGE)
    return path.read_bytes(), None, None


def _fetch(url: str, timeout: float) -> tuple[bytes, str | None, str]:
    from cleaners.fetch import BadURL, FetchError, fetch

    try:
        page = fetch(url, timeout=timeout)
    except BadURL as error:
        raise CliError(str(error), EXIT_USAGE) from None
    except FetchError as error:
        raise CliError(str(error), EXIT_FETCH) from None
    return page.body, page.content_type, page.final_url


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _write(article, fmt: str) -> None:
    if fmt == "json":
        out = json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        out = article.to_text()
    sys.stdout.buffer.write(out.encode("utf-8"))
    sys.stdout.flush()
