"""Capture a live page into a new golden fixture, for the day the site is reachable.

    python tools/capture_fixture.py https://www.kontan.co.id/news/... --name okupansi-kereta

Writes fixtures/pages/<outlet>/<name>/ with page.html, source.json and the cleaner's current
output as expected.txt/expected.json. Then correct the expected files by hand, following
clean-text-format.md: they are the fixture's truth, not the cleaner's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaners import site_for_url
from cleaners.fetch import BadURL, FetchError, fetch
from cleaners.fixtures import new_page_fixture


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--name", required=True, help="fixture folder name (a slug)")
    parser.add_argument("--outlet", help="outlet folder (default: from the URL's host)")
    args = parser.parse_args()
    site = site_for_url(args.url)
    outlet = args.outlet or (site.name if site else None)
    if not outlet:
        print("capture: the URL is of no known outlet; give --outlet", file=sys.stderr)
        return 2
    try:
        page = fetch(args.url)
    except (BadURL, FetchError) as error:
        print(f"capture: {error}", file=sys.stderr)
        return 3
    folder = new_page_fixture(outlet, args.name, page.body, page.final_url)
    print(f"captured {folder}: now correct expected.txt and expected.json by hand")
    return 0


if __name__ == "__main__":
    sys.exit(main())
