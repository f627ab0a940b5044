"""Reclean rate against workers: `python -m bench.reclean_bench [--articles 10000] [--workers 1 2]
[--dir DIR]`.

Builds a store of N generated articles once (the page fixtures under fresh article URLs, cleaned
and saved as a crawl would save them; kept in DIR and reused when given), then times
`kliping reclean --workers W` over it as a separate process for each W: articles/s, the scaling
over one worker, CPU seconds of the process and its workers, peak RSS of the parent and of the
whole process tree, and the load average before and after (the machine is shared). The store's
texts are those of today's cleaners, so each run reads, cleans and compares every article and
writes none: the rate is the cleaning's, not the writes'. Results: bench/out/reclean-latest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .warc_bench import _children, _rss_kb, fixture_pages, fresh_url

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def build_store(db: Path, n: int) -> int:
    """N articles into a new store at `db`: (articles stored)."""
    from cleaners import CleanError
    from cleaners.merge import clean_pages
    from scraper.store import open_store

    pages = fixture_pages()
    stored = 0
    with open_store(str(db)) as store:
        for i in range(n * 2):  # a fixture that does not clean is skipped, not counted
            if stored >= n:
                break
            url, body = pages[i % len(pages)]
            url = fresh_url(url, i)
            try:
                article = clean_pages([(url, body)], url=url)
            except CleanError:
                continue
            store.save(article.to_dict(), [(url, body)])
            stored += 1
    return stored


def timed_reclean(db: Path, workers: int) -> dict:
    """`kliping reclean --workers W` as its own process, its RSS sampled twice a second."""
    load_before = os.getloadavg()[0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "scraper", "reclean", "--db", str(db),
                              "--workers", str(workers)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    peaks = {"main": 0, "total": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            main = _rss_kb(child.pid)
            kids = sum(_rss_kb(k) for k in _children(child.pid))
            peaks["main"] = max(peaks["main"], main)
            peaks["total"] = max(peaks["total"], main + kids)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"reclean failed ({child.returncode}): {err.decode()[-500:]}")
    said = re.search(r"(\d+) articles recleaned: (\d+) changed", out.decode())
    seen, changed = (int(g) for g in said.groups())
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    return {"workers": workers, "articles": seen, "changed": changed, "wall_s": round(wall, 1),
            "articles_per_s": round(seen / wall, 1), "cpu_s": round(cpu, 1),
            "parent_peak_mb": round(peaks["main"] / 1024, 1),
            "total_peak_mb": round(peaks["total"] / 1024, 1),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}  # fmt: skip


def report(n: int, rows: list[dict]) -> str:
    base = rows[0]["articles_per_s"] if rows else 1
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; store of {n:,} generated articles (SQLite).",
        "",
        "| workers | articles | s | articles/s | × 1 worker | CPU s (all) | parent peak MB "
        "| all processes peak MB | load avg before, after |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        lines.append(f"| {r['workers']} | {r['articles']:,} | {r['wall_s']} | "
                     f"{r['articles_per_s']} | {r['articles_per_s'] / base:.2f} | {r['cpu_s']} | "
                     f"{r['parent_peak_mb']} | {r['total_peak_mb']} | "
                     f"{r['load_before']}, {r['load_after']} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000, metavar="N")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dir", type=Path, metavar="DIR",
                        help="build the store into DIR and reuse it when already there")  # fmt: skip
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kliping-reclean-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"reclean-{args.articles}.db"
        if not (args.dir and db.exists()):
            start = time.perf_counter()
            stored = build_store(db, args.articles)
            print(f"store of {stored} articles built in {time.perf_counter() - start:.0f}s",
                  file=sys.stderr)  # fmt: skip
        rows = []
        for workers in args.workers:
            rows.append(timed_reclean(db, workers))
            print(json.dumps(rows[-1]), flush=True)
            (OUT / "reclean-latest.json").write_text(json.dumps(rows, indent=1) + "\n")
    text = report(args.articles, rows)
    (OUT / "reclean-latest.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
