"""`kliping fixture add --from-db URL`: a stored page (a drift sample first) becomes a golden
fixture, its current output as the expected files, to be corrected by hand."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from urllib.parse import urlsplit

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
    from cleaners import CleanError, site_for_url
    from cleaners.fixtures import ROOT as FIXTURES
    from cleaners.fixtures import new_page_fixture
    from cleaners.sites import article_key

    url = article_key(args.from_db)
    with open_store(args.db) as store:
        samples = [s for s in store.drift_samples() if s["url"] == url and s["raw_html"]]
        page = samples[-1]["raw_html"] if samples else _stored_page(store, url)
    if page is None:
        raise CliError(f"{url} is neither a drift sample nor a stored article in {args.db}")
    site = site_for_url(url)
    outlet = site.name if site else (urlsplit(url).hostname or "other")
    name = args.name or _slug(url)
    try:
        folder = new_page_fixture(outlet, name, page, url, Path(args.fixtures or FIXTURES))
    except FileExistsError as error:
        raise CliError(f"{error}; choose another --name") from None
    except CleanError as error:
        raise CliError(f"{url}: {error}; the fixture needs its expected files written by "
                       "hand") from None  # fmt: skip
    print(f"fixture written: {folder}\nnow correct expected.txt and expected.json by hand "
          "(clean-text-format.md), then run the tests")  # fmt: skip
    return 0


def _stored_page(store, url: str) -> str | None:
    try:
        pages = store.raw_pages(url)
    except KeyError:
        return None
    return pages[0][1] if pages else None


SLUG_MAX = 60


def _slug(url: str) -> str:
    """The URL's last segment as a folder name, cut at a word boundary, never mid-word."""
    last = [p for p in urlsplit(url).path.split("/") if p]
    slug = re.sub(r"[^\w-]+", "-", last[-1] if last else "page").strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug[: SLUG_MAX + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:SLUG_MAX]
    return slug.strip("-") or "page"
