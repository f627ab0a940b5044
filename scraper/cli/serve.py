"""`kliping serve`: the store as a local web page (latest, article, search, stories, health)."""

from __future__ import annotations

import argparse

from ..store import DEFAULT_DB
from . import EXIT_STORE, EXIT_USAGE, CliError


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "serve",
        help="a local read-only web page over the store",
        description="Serve the store as a small web page: the latest articles, each article "
        "beside its metadata, search, stories and outlet health. Read-only, loopback by default. "
        "Example: kliping serve --db data/demo/kliping.db --port 8080",
    )
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default 127.0.0.1: this machine only)")  # fmt: skip
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from waitress import serve

    from ..store import StoreError, open_store
    from ..web.app import create_app

    if not 0 < args.port < 65536:
        raise CliError("--port wants a number from 1 to 65535", EXIT_USAGE)
    try:
        open_store(args.db, create=False, readonly=True).close()  # a missing store: say so now
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    print(f"serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    try:
        serve(create_app(args.db), host=args.host, port=args.port, threads=4, _quiet=True)
    except OSError as error:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {error.strerror}",
                       EXIT_USAGE) from None  # fmt: skip
    return 0
