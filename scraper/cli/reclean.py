"""`kliping reclean`: the current cleaners over the stored raw pages, without a re-crawl."""

from __future__ import annotations

import argparse
import sys

from ..store import DEFAULT_DB
from . import EXIT_STORE, CliError, open_store


def add_parser(sub) -> None:
    parser = sub.add_parser("reclean", help="re-clean the stored raw pages with today's cleaners")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    parser.add_argument("--outlet", help="only this outlet's articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..store import StoreError

    try:
        with open_store(args.db) as store:
            seen, changed, failed = reclean(store, args.outlet)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    print(f"{seen} articles recleaned: {changed} changed, {seen - changed - failed} unchanged, "
          f"{failed} failed (kept as they were)")  # fmt: skip
    return 0


BATCH = 100  # articles per write transaction: one commit per article would cost more than cleaning


def reclean(store, outlet: str | None = None) -> tuple[int, int, int]:
    """(articles seen, texts changed, failures); a failure keeps the stored article."""
    from cleaners import CleanError
    from cleaners.merge import clean_pages

    seen = changed = failed = 0
    total = store.count(outlet)
    batch: list[tuple[str, dict]] = []
    for stored in store.iter_articles(outlet):
        seen += 1
        try:
            article = clean_pages(store.raw_pages(stored["url"]), url=stored["url"],
                                  outlet=stored["outlet"])  # fmt: skip
        except CleanError:
            failed += 1
            continue
        batch.append((stored["url"], article.to_dict()))
        if len(batch) >= BATCH:
            changed += store.update_texts(batch)
            batch.clear()
            _progress(seen, total, changed)
    changed += store.update_texts(batch)
    if sys.stderr.isatty() and seen >= BATCH:
        sys.stderr.write("\n")
    return seen, changed, failed


def _progress(seen: int, total: int, changed: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{seen}/{total} articles, {changed} changed")
