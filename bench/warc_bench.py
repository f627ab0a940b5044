"""WARC import throughput and memory: `python -m bench.warc_bench [--size-mb 1024 256] [--workers 1 2]`.

Writes one gzipped WARC per size (warcio, as a third party would), filled with the page fixtures
under fresh article URLs until the file on disk reaches the size, then times `kliping import` of
it into a fresh store as a separate process: records/s, articles stored/s and the process's
peak RSS (so "memory flat" is read across sizes). The reading floor, warcio iterating the same
file without cleaning, is measured beside it. Results go to bench/out/warc-latest.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
OUT = ROOT / "bench" / "out"


def fixture_pages() -> list[tuple[str, bytes]]:
    pages = []
    for folder in sorted(PAGES.glob("*/*")):
        if re.search(r"-p\d+$", folder.name):
            continue  # single pages of split articles: the -all view stands for them
        url = json.loads((folder / "source.json").read_text(encoding="utf-8"))["url"]
        pages.append((url.split("?")[0], (folder / "page.html").read_bytes()))
    return pages


def fresh_url(url: str, n: int) -> str:
    """The same page under a new article URL that the outlet's URL rules still accept."""
    base, dot, ext = url.rstrip("/").rpartition(".")
    if dot and ext in ("html", "htm", "php"):
        return f"{base}-b{n}.{ext}"
    return f"{url.rstrip('/')}-b{n}" + ("/" if url.endswith("/") else "")


def write_warc(path: Path, size: int) -> int:
    pages = fixture_pages()
    http_headers = [("Content-Type", "text/html; charset=utf-8")]
    count = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        while out.tell() < size:
            url, body = pages[count % len(pages)]
            http = StatusAndHeaders("200 OK", http_headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(fresh_url(url, count), "response",
                                               payload=io.BytesIO(body), http_headers=http)  # fmt: skip
            writer.write_record(record)
            count += 1
    return count


def read_floor(path: Path) -> float:
    start = time.perf_counter()
    n = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            record.content_stream().read()
            n += 1
    return n / (time.perf_counter() - start)


def timed_import(warc: Path, db: Path, workers: int) -> dict:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "scraper", "import", str(warc), "--db",
                              str(db), "--workers", str(workers)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    out, err = child.communicate()
    wall = time.perf_counter() - start
    # RUSAGE_CHILDREN: the largest child so far (the import, or one of its workers).
    peak_kb = __import__("resource").getrusage(__import__("resource").RUSAGE_CHILDREN).ru_maxrss
    if child.returncode:
        raise SystemExit(f"import failed ({child.returncode}): {err.decode()[-500:]}")
    summary = out.decode()
    stored = sum(int(line.split()[2]) for line in summary.splitlines()[1:] if line[:1].isalpha()
                 and len(line.split()) == 6 and line.split()[2].isdigit())  # fmt: skip
    records = int(re.search(r"records read ([\d,]+)", summary).group(1).replace(",", ""))
    return {"wall_s": wall, "records": records, "stored": stored,
            "records_per_s": records / wall, "stored_per_s": stored / wall,
            "peak_rss_mb": peak_kb / 1024}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, nargs="+", default=[256, 1024])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kliping-warc-bench-") as tmp:
        for size_mb in args.size_mb:
            warc = Path(tmp) / f"bench-{size_mb}.warc.gz"
            written = write_warc(warc, size_mb * 2**20)
            floor = read_floor(warc)
            for workers in args.workers:
                db = Path(tmp) / f"k-{size_mb}-{workers}.db"
                result = timed_import(warc, db, workers)
                rows.append({"size_mb": size_mb, "workers": workers, "written": written,
                             "warcio_floor_per_s": floor, **result})  # fmt: skip
                print(json.dumps(rows[-1]), flush=True)
                db.unlink()
            warc.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "warc-latest.md").write_text(report(rows), encoding="utf-8")
    print(report(rows))
    return 0


def report(rows: list[dict]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| WARC (gzip, on disk) | records | workers | records/s | articles stored/s | "
        "warcio read-only records/s | peak RSS (MB) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(f"| {r['size_mb']} MB | {r['records']:,} | {r['workers']} | "
                     f"{r['records_per_s']:,.0f} | {r['stored_per_s']:,.0f} | "
                     f"{r['warcio_floor_per_s']:,.0f} | {r['peak_rss_mb']:,.0f} |")  # fmt: skip
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
