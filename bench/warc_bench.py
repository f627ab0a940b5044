"""WARC import throughput and memory: `python -m bench.warc_bench [--size-mb 100 1024] [--workers 1 2] [--dir DIR]`.

Writes one gzipped WARC per size (warcio, as a third party would), filled with the page fixtures
under fresh article URLs until the file on disk reaches the size, then times `kliping import` of
it into a fresh store as a separate process: records/s, articles stored/s and the process's
peak RSS, sampled per process: the importer and its cleaning workers (so "memory flat" is read
across sizes), with the load average beside each run. The reading floor, warcio iterating the same
file without cleaning, is measured beside it. Results go to bench/out/warc-latest.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
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


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rows(db: Path) -> int | None:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return None


def timed_import(warc: Path, db: Path, workers: int, curve: Path) -> dict:
    """`kliping import` of `warc` as its own process, sampled twice a second: the RSS of the
    importing process (reader, store writes), of its largest cleaning worker, and of all of them
    together; the peaks, beside the load average before and after. Every 5 s a line of `curve`
    (seconds, articles stored, RSS MB of the importer and of all): a run cut short still shows
    its rate and whether its memory stayed flat."""
    load_before = os.getloadavg()[0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "scraper", "import", str(warc), "--db",
                              str(db), "--workers", str(workers)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    peaks = {"main": 0, "worker": 0, "total": 0}
    stop = threading.Event()

    def sample() -> None:
        with curve.open("w", encoding="utf-8") as out:
            out.write("seconds\tstored\timporter_mb\tall_mb\tload1\n")
            ticks = 0
            while not stop.wait(0.5):
                main = _rss_kb(child.pid)
                kids = [_rss_kb(k) for k in _children(child.pid)]
                peaks["main"] = max(peaks["main"], main)
                peaks["worker"] = max(peaks["worker"], *kids, 0)
                peaks["total"] = max(peaks["total"], main + sum(kids))
                ticks += 1
                if ticks % 10 == 0:
                    out.write(f"{time.perf_counter() - start:.0f}\t{_rows(db)}\t{main / 1024:.1f}"
                              f"\t{(main + sum(kids)) / 1024:.1f}\t{os.getloadavg()[0]:.2f}\n")  # fmt: skip
                    out.flush()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import and its reaped workers
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    stop.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"import failed ({child.returncode}): {err.decode()[-500:]}")
    summary = out.decode()
    stored = sum(int(line.split()[2]) for line in summary.splitlines()[1:] if line[:1].isalpha()
                 and len(line.split()) == 6 and line.split()[2].isdigit())  # fmt: skip
    records = int(re.search(r"records read ([\d,]+)", summary).group(1).replace(",", ""))
    return {"wall_s": round(wall, 1), "records": records, "stored": stored,
            "records_per_s": records / wall, "stored_per_s": stored / wall,
            "cpu_s": round(cpu, 1), "cpu_ms_per_record": round(1000 * cpu / max(records, 1), 2),
            "peak_rss_mb": peaks["main"] / 1024, "worker_peak_mb": peaks["worker"] / 1024,
            "total_peak_mb": peaks["total"] / 1024,
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, nargs="+", default=[100, 1024])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dir", type=Path, metavar="DIR",
                        help="write the WARCs into DIR and reuse those already there")  # fmt: skip
    args = parser.parse_args(argv)
    rows: list[dict] = []
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kliping-warc-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size_mb in args.size_mb:
            warc = folder / f"bench-{size_mb}.warc.gz"
            count = folder / f"bench-{size_mb}.count"
            if not (args.dir and count.exists()):
                count.write_text(str(write_warc(warc, size_mb * 2**20)))
            written = int(count.read_text())
            floor = read_floor(warc)
            for workers in args.workers:
                db = Path(tmp) / f"k-{size_mb}-{workers}.db"
                curve = OUT / f"warc-curve-{size_mb}-{workers}.tsv"
                result = timed_import(warc, db, workers, curve)
                rows.append({"size_mb": size_mb, "workers": workers, "written": written,
                             "warcio_floor_per_s": floor, **result})  # fmt: skip
                print(json.dumps(rows[-1]), flush=True)
                (OUT / "warc-latest.json").write_text(json.dumps(rows, indent=1) + "\n")
                for leftover in Path(tmp).glob(f"k-{size_mb}-{workers}.db*"):
                    leftover.unlink()
            if not args.dir:
                warc.unlink()
    (OUT / "warc-latest.md").write_text(report(rows), encoding="utf-8")
    print(report(rows))
    return 0


def report(rows: list[dict]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| WARC (gzip, on disk) | records | workers | records/s | articles stored/s | "
        "warcio read-only records/s | peak RSS MB: importer / largest worker / all | "
        "load avg before, after | CPU ms per record (all processes) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(f"| {r['size_mb']} MB | {r['records']:,} | {r['workers']} | "
                     f"{r['records_per_s']:,.0f} | {r['stored_per_s']:,.0f} | "
                     f"{r['warcio_floor_per_s']:,.0f} | {r['peak_rss_mb']:,.0f} / "
                     f"{r['worker_peak_mb']:,.0f} / {r['total_peak_mb']:,.0f} | "
                     f"{r['load_before']}, {r['load_after']} | {r['cpu_ms_per_record']} |")  # fmt: skip
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
