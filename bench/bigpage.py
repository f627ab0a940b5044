"""Cleaning time against page size (issue 18.2, 19.4): pages of N `<br>` lines or N short
paragraphs, N from 10k to 80k, through the generic path and the site path. Linear work means
the seconds per 10k lines stay flat as N doubles.

    .venv/bin/python -m bench.bigpage                       # N = 10k 20k 40k 80k, ~2 min
    .venv/bin/python -m bench.bigpage --sizes 10000 20000   # a smoke run
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from cleaners import clean_html

SITE_URL = "https://mediapesan.com/bus-listrik-mulai-melayani-warga-makassar/"  # WordPress outlet
TITLE = "Bus Listrik Mulai Melayani Warga Makassar"
LINE = "Baris {i} berita ini cukup panjang untuk dibaca sebagai satu kalimat utuh."


def br_lines(n: int) -> str:
    """An old CMS's article: one container, its text between `<br>`s."""
    body = "<br>\n".join(LINE.format(i=i) for i in range(n))
    return _page(f"<div class='isi'>{body}</div>")


def paragraphs(n: int) -> str:
    return _page("".join(f"<p>{LINE.format(i=i)}</p>\n" for i in range(n)))


def _page(body: str) -> str:
    return (f"<!DOCTYPE html><html lang='id'><head><title>{TITLE}</title></head><body>"
            f"<nav><a href='/'>Beranda</a></nav><article><h1 class='entry-title'>{TITLE}</h1>"
            f"<div class='entry-content'>{body}</div></article>"
            "<footer>© 2025 Mediapesan</footer></body></html>")  # fmt: skip


PAGES: dict[str, Callable[[int], str]] = {"br lines": br_lines, "paragraphs": paragraphs}
PATHS = {"generic": None, "site": SITE_URL}


def seconds(html: str, url: str | None, n: int) -> float:
    start = time.perf_counter()
    article = clean_html(html, url=url, outlet=None if url else "generic")
    took = time.perf_counter() - start
    if len(article.paragraphs) != n:  # the bench is only worth its figures if the text is right
        raise SystemExit(f"wrong output: {len(article.paragraphs)} paragraphs of {n}")
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bigpage", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000])
    args = parser.parse_args(argv)
    clean_html(br_lines(200), outlet="generic")  # imports and caches out of the timing
    load = os.getloadavg()[0]
    print(f"load average at start: {load:.1f}\n")
    print("| page | path | " + " | ".join(f"{n // 1000}k lines" for n in args.sizes)
          + f" | s per 10k lines at {args.sizes[0] // 1000}k → {args.sizes[-1] // 1000}k |")  # fmt: skip
    print("| --- | --- |" + " ---: |" * len(args.sizes) + " --- |")
    for page_name, make in PAGES.items():
        for path, url in PATHS.items():
            times = [seconds(make(n), url, n) for n in args.sizes]
            per = [t / n * 10_000 for t, n in zip(times, args.sizes, strict=True)]
            cells = " | ".join(f"{t:.2f} s" for t in times)
            print(f"| {page_name} | {path} | {cells} | {per[0]:.2f} → {per[-1]:.2f} |", flush=True)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
