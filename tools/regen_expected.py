"""Regenerate the fixtures' expected files from the cleaners' current output, for review.

    python tools/regen_expected.py                 # every fixture
    python tools/regen_expected.py fixtures/pages/kontan/okupansi-kereta-libur-paskah
    python tools/regen_expected.py --check         # only list what would change

Run it after a deliberate change to the cleaners, then read `git diff fixtures/` line by line.
Never run it to make a failing test pass without reading that diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaners import CleanError
from cleaners.fixtures import (
    current_output,
    page_fixtures,
    split_fixtures,
    text_fixtures,
    write_expected,
)


def folders(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p).resolve() for p in paths]
    return [f.path for f in page_fixtures() + split_fixtures() + text_fixtures()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="fixture folders (default: all)")
    parser.add_argument("--check", action="store_true", help="write nothing, list what differs")
    args = parser.parse_args()
    differing = 0
    for folder in folders(args.paths):
        try:
            article = current_output(folder)
        except CleanError as error:
            print(f"{folder}: {error}", file=sys.stderr)
            differing += 1
            continue
        if args.check:
            same = (folder / "expected.txt").read_text(encoding="utf-8") == article.to_text()
            if not same:
                differing += 1
                print(f"differs: {folder}")
            continue
        for path in write_expected(folder, article):
            differing += 1
            print(f"rewrote {path}")
    print(f"{differing} fixture file(s) {'differ' if args.check else 'rewritten'}; "
          "review with: git diff fixtures/")  # fmt: skip
    return 1 if args.check and differing else 0


if __name__ == "__main__":
    sys.exit(main())
