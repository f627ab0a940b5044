"""`kliping serve`: the store as a local web page (latest, article, search, stories, health)."""

from __future__ import annotations

import argparse

from . import EXIT_USAGE, CliError, add_command, add_db, open_store

EXAMPLES = """\
examples:
  kliping serve --db data/demo/kliping.db --port 8080    then open http://127.0.0.1:8080/"""


def add_parser(sub) -> None:
    parser = add_command(sub, "serve", "a local read-only web page over the store",
                         "Serve the store as a small web page: the latest articles, each article "
                         "beside its metadata, search, stories and outlet health. Read-only, "
                         "loopback by default.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default 127.0.0.1: this machine only)")  # fmt: skip
    parser.add_argument("--port", type=int, default=8080, help="port to listen on")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from waitress import serve

    from ..web.app import create_app

    if not 0 < args.port < 65536:
        raise CliError("--port wants a number from 1 to 65535", EXIT_USAGE)
    open_store(args.db).close()  # a missing store, or none at all: say so now (exit 6)
    print(f"serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    try:
        serve(create_app(args.db), host=args.host, port=args.port, threads=4, _quiet=True)
    except OSError as error:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {error.strerror}",
                       EXIT_USAGE) from None  # fmt: skip
    return 0
