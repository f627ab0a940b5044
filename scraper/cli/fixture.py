"""`kliping fixture add --from-db URL`: a stored page (a drift sample first) becomes a golden
fixture, its current output as the expected files, to be corrected by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CliError, add_command, add_db, open_store

EXAMPLES = """\
example:
  kliping fixture add --from-db https://www.kontan.co.id/news/... --db data/kliping.db

The page (the newest drift sample of that URL, else the stored article's first page) and its
current output are written to fixtures/pages/<outlet>/<name>/; correct the expected files by hand."""


def add_parser(sub) -> None:
    parser = add_command(sub, "fixture", "turn a stored page into a golden fixture",
                         "Golden fixtures from pages kept in the store.", EXAMPLES)  # fmt: skip
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True
    add = add_command(actions, "add", "a fixture from a page kept in the store",
                      "Write a stored page and its current output as a new golden fixture.",
                      EXAMPLES)  # fmt: skip
    add.add_argument("--from-db", required=True, metavar="URL", help="the page's URL")
    add_db(add)
    add.add_argument("--name", help="fixture folder name (default: from the URL)")
    add.add_argument("--fixtures", help="fixtures folder (default: the repository's)")
    add.set_defaults(run=run_add)


def run_add(args: argparse.Namespace) -> int:
    from ..drift_fixture import FixtureError, NotStored, fixture_from_store

    fixtures = Path(args.fixtures) if args.fixtures else None
    try:
        with open_store(args.db) as store:
            folder = fixture_from_store(store, args.from_db, fixtures, args.name)
    except NotStored as error:
        raise CliError(f"{error} in {args.db}") from None
    except FixtureError as error:
        raise CliError(str(error)) from None
    print(f"fixture written: {folder}\nnow correct expected.txt and expected.json by hand "
          "(clean-text-format.md), then run the tests")  # fmt: skip
    return 0
