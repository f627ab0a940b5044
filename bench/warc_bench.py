"""WARC import throughput and memory: `python -m bench.warc_bench [--size-mb 100 1024] [--workers 1 2] [--page-kb 100] [--dir DIR]`.

Writes one gzipped WARC per size (bench/warc_gen.py: warcio's records of the page fixtures, padded
to `--page-kb` KB of HTML as real pages are, under fresh article URLs until the file on disk
reaches the size), then times `kliping import` of
it into a fresh store as a separate process: records/s, articles stored/s and the process's
peak RSS, sampled per process: the importer and its cleaning workers (so "memory flat" is read
across sizes), with the load average beside each run. The reading floor, warcio iterating the same
file without cleaning, is measured beside it. Results go to bench/out/warc-latest.md.
"""

from __future__ import annotations

import argparse
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

from bench.warc_gen import write_warc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


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
    together; the peaks, beside the load average before, during and after. Every 5 s a line of
    `curve` (seconds, articles stored, RSS MB of the importer, of the largest worker and of all):
    a run cut short still shows its rate and whether its memory stayed flat; the importer's
    slope over the run's last 90% is given in bytes per record."""
    load_before = os.getloadavg()[0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "scraper", "import", str(warc), "--db",
                              str(db), "--workers", str(workers)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    peaks = {"main": 0, "worker": 0, "total": 0}
    points: list[tuple[int, float, float]] = []  # (stored, importer MB, load1)
    stop = threading.Event()

    def sample() -> None:
        with curve.open("w", encoding="utf-8") as out:
            out.write("seconds\tstored\timporter_mb\tworker_mb\tall_mb\tload1\n")
            ticks = 0
            while not stop.wait(0.5):
                main = _rss_kb(child.pid)
                kids = [_rss_kb(k) for k in _children(child.pid)]
                peaks["main"] = max(peaks["main"], main)
                peaks["worker"] = max(peaks["worker"], *kids, 0)
                peaks["total"] = max(peaks["total"], main + sum(kids))
                ticks += 1
                if ticks % 10 == 0:
                    stored, load = _rows(db), os.getloadavg()[0]
                    if stored is not None:
                        points.append((stored, main / 1024, load))
                    out.write(f"{time.perf_counter() - start:.0f}\t{stored}\t{main / 1024:.1f}\t"
                              f"{max(kids, default=0) / 1024:.1f}\t{(main + sum(kids)) / 1024:.1f}"
                              f"\t{load:.2f}\n")  # fmt: skip
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
    curve.with_suffix(".summary.txt").write_text(summary, encoding="utf-8")  # the counts behind
    stored = sum(int(line.split()[2]) for line in summary.splitlines()[1:] if line[:1].isalpha()
                 and len(line.split()) == 6 and line.split()[2].isdigit())  # fmt: skip
    records = int(re.search(r"records read ([\d,]+)", summary).group(1).replace(",", ""))
    loads = [load for _, _, load in points] or [load_before]
    return {"wall_s": round(wall, 1), "records": records, "stored": stored,
            "mb": round(warc.stat().st_size / 2**20), "mb_per_s": warc.stat().st_size / 2**20 / wall,
            "rss_slope_b_per_record": _slope(points, stored, records),
            "load_during_mean": round(sum(loads) / len(loads), 2), "load_during_max": round(max(loads), 2),
            "records_per_s": records / wall, "stored_per_s": stored / wall,
            "cpu_s": round(cpu, 1), "cpu_ms_per_record": round(1000 * cpu / max(records, 1), 2),
            "peak_rss_mb": peaks["main"] / 1024, "worker_peak_mb": peaks["worker"] / 1024,
            "total_peak_mb": peaks["total"] / 1024,
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}  # fmt: skip


def _slope(points: list[tuple[int, float, float]], stored: int, records: int) -> float | None:
    """The importer's RSS growth in bytes per record read: a least-squares line through the
    samples after the first 10% of the articles (start-up and warm caches left out)."""
    tail = [(n, mb) for n, mb, _ in points if n >= stored / 10]
    if len(tail) < 3 or not stored:
        return None
    mx, my = sum(n for n, _ in tail) / len(tail), sum(mb for _, mb in tail) / len(tail)
    spread = sum((n - mx) ** 2 for n, _ in tail)
    if not spread:
        return None
    per_stored = sum((n - mx) * (mb - my) for n, mb in tail) / spread * 2**20
    return round(per_stored * stored / max(records, 1), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, nargs="+", default=[100, 1024])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--page-kb", type=int, default=100,
                        help="pad each page to about this many KB of HTML (0: the fixtures as they are)")  # fmt: skip
    parser.add_argument("--dir", type=Path, metavar="DIR",
                        help="write the WARCs into DIR and reuse those already there")  # fmt: skip
    args = parser.parse_args(argv)
    rows: list[dict] = []
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kliping-warc-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size_mb in args.size_mb:
            warc = folder / f"bench-{size_mb}-{args.page_kb}kb.warc.gz"
            count = folder / f"bench-{size_mb}-{args.page_kb}kb.count"
            if not (args.dir and count.exists()):
                began = time.perf_counter()
                count.write_text(str(write_warc(warc, size_mb * 2**20, args.page_kb)))
                print(f"wrote {warc} in {time.perf_counter() - began:.0f} s", flush=True)
            written = int(count.read_text())
            floor = read_floor(warc)
            for workers in args.workers:
                db = Path(tmp) / f"k-{size_mb}-{workers}.db"
                curve = OUT / f"warc-curve-{size_mb}-{workers}.tsv"
                result = timed_import(warc, db, workers, curve)
                rows.append({"size_mb": size_mb, "page_kb": args.page_kb, "workers": workers,
                             "written": written,
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
        "| WARC (gzip, on disk) | page KB | records | workers | records/s | MB/s | articles "
        "stored/s | warcio read-only records/s | CPU ms per record (all processes) | peak RSS MB: "
        "importer / largest worker / all | importer RSS slope, B per record | load avg before, "
        "during (mean, max), after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for r in rows:
        lines.append(f"| {r['size_mb']} MB | {r['page_kb']} | {r['records']:,} | {r['workers']} | "
                     f"{r['records_per_s']:,.1f} | {r['mb_per_s']:.2f} | {r['stored_per_s']:,.1f} | "
                     f"{r['warcio_floor_per_s']:,.0f} | {r['cpu_ms_per_record']} | "
                     f"{r['peak_rss_mb']:,.0f} / {r['worker_peak_mb']:,.0f} / "
                     f"{r['total_peak_mb']:,.0f} | {r['rss_slope_b_per_record']} | "
                     f"{r['load_before']}, ({r['load_during_mean']}, {r['load_during_max']}), "
                     f"{r['load_after']} |")  # fmt: skip
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
