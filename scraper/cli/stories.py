"""`kliping stories`: the stored articles grouped into stories (one story across outlets)."""

from __future__ import annotations

import argparse
import json
import sys

from . import EXIT_STORE, CliError, add_command, add_db, open_store

EXAMPLES = """\
examples:
  kliping stories --db data/demo/kliping.db --min-articles 2
  kliping stories --since 2025-07-01 --outlet kontan --outlet tribunnews --format jsonl"""


def add_parser(sub) -> None:
    parser = add_command(sub, "stories", "group the stored articles that tell one story",
                         "Group the stored articles that report one story across outlets "
                         "(MinHash over names and numbers), earliest report first.", EXAMPLES)  # fmt: skip
    add_db(parser)
    parser.add_argument("--since", type=_date, help="only articles published on or after DATE")
    parser.add_argument("--outlet", action="append", default=[], metavar="OUTLET",
                        help="only this outlet's articles (repeat for several)")  # fmt: skip
    parser.add_argument("--format", choices=("text", "jsonl"), default="text",
                        help="a table, or one JSON object per story")  # fmt: skip
    parser.add_argument("--min-articles", type=int, default=1, metavar="N",
                        help="only stories of at least N articles (default 1: all)")  # fmt: skip
    parser.set_defaults(run=run)


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from ..store import StoreError
    from ..stories import find_stories

    try:
        with open_store(args.db) as store:
            stories = find_stories(store, since=args.since, outlets=args.outlet or None)
    except StoreError as error:
        raise CliError(str(error), EXIT_STORE) from None
    stories = [s for s in stories if len(s.articles) >= args.min_articles]
    if args.format == "jsonl":
        for story in stories:
            sys.stdout.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        return 0
    print_table(stories)
    return 0


def print_table(stories) -> None:
    if not stories:
        print("no stories (no stored articles match)")
        return
    many = sum(1 for s in stories if len(s.articles) > 1)
    print(
        f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}, {many} told by more than one article"
    )
    for story in stories:
        wire = f"  wire: {story.wire}" if story.wire else ""
        print(f"\nstory {story.id}  {len(story.articles)} article(s){wire}")
        print(f"  first: {story.earliest.outlet or '?'} {story.earliest.published or '?'}")
        for article in story.articles:
            print(f"  {_day(article.published):<10}  {article.outlet or '?':<11} "
                  f"{article.similarity:5.2f}  {_cut(article.title or article.url, 64)}")  # fmt: skip
            print(f"  {'':<10}  {'':<11} {'':5}  {article.url}")


def _day(published: str | None) -> str:
    return (published or "?")[:10]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
