"""Crawl throughput and memory as the store grows:
`python -m bench.crawl_bench [--sizes 1000 10000 30000 100000] [--mirrors DIR] [--quick] [--profile]`.

For each N: build a mirror with N synthetic articles (plus the ~20 fixture articles) in a temporary
folder, serve it from a separate process (`python -m scraper.mirror DIR`), crawl it into a fresh
store (`python -m scraper crawl --mirror BASE --db DB`), then re-clean that store
(`python -m scraper reclean --db DB`). Measured for each subprocess: wall time, articles stored /
recleaned per second, and its peak RSS (`/usr/bin/time -v`'s "Maximum resident set size" when
/usr/bin/time exists, else `os.wait4`'s `ru_maxrss` for that one child). The crawler's RSS and the
store's row count are sampled while it runs (the curves in the JSON).

Reference rate: `cleaners.clean_html` over the fixture pages in this process (pages/s), and
`cleaners.merge.clean_pages` over a sample of the stored raw pages of the largest store, so that
reclean's rate can be read against what the cleaners themselves allow.

Writes `bench/out/crawl-<timestamp>.json/.md`, copies as `bench/out/crawl-latest.*`, and the plot
`bench/crawl.png` (see `bench/crawl_plot.py`). `--profile` adds one more crawl of the largest
mirror under `py-spy record` (not timed) and lists the hotspots.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from cleaners.fixtures import page_fixtures

from .crawl_targets import CRAWL_RATE_TARGET, MEMORY_GROWTH_TARGET_MB, OUT, PLOT, REPO, per_url

PYTHON = sys.executable
TIME = "/usr/bin/time"

DEFAULT_SIZES = (
    1000,
    10000,
    30000,
    100000,
)  # 100k: about an hour on 2 cores (mirror, two passes, reclean)
QUICK_SIZES = (200,)
RECLEAN_SHARE_TARGET = 0.9  # reclean articles/s at least this share of the cleaners' own rate
STORED_SAMPLE = 300  # stored articles cleaned in-process for the stored-pages reference rate


@dataclass
class Proc:
    """One measured subprocess."""

    command: list[str]
    returncode: int
    wall_s: float
    cpu_s: float | None  # user + system CPU seconds of the python process
    peak_rss_mb: float | None
    stdout: str
    stderr: str
    samples: list[tuple[float, float, int | None]] = field(default_factory=list)
    # (seconds since start, RSS MB, rows stored) while it ran; rows only for the crawl
    stopped: bool = False  # interrupted at the bench's --stop-at deadline


@dataclass
class SizeResult:
    n: int  # synthetic articles asked for
    mirror_articles: int  # what the mirror lists as articles (synthetic + fixture)
    build_s: float
    stored: int
    crawl_wall_s: float
    crawl_rate: float  # stored / wall (process start to exit)
    crawl_run_s: float | None  # the run record: started_at -> ended_at (1 s resolution)
    crawl_store_rate: float | None  # stored / (last first_seen - first first_seen + 1)
    crawl_cpu_s: float | None
    crawl_peak_mb: float | None
    crawl_exit: int
    crawl_summary: str
    recleaned: int
    reclean_changed: int
    reclean_failed: int
    reclean_wall_s: float
    reclean_rate: float
    reclean_cpu_s: float | None
    reclean_peak_mb: float | None
    reclean_exit: int
    again_wall_s: float | None = None  # a second pass over the same mirror: every URL known
    again_peak_mb: float | None = None
    again_exit: int | None = None
    crawl_samples: list = field(default_factory=list)
    reclean_samples: list = field(default_factory=list)
    partial: bool = False  # stopped at the deadline, or discovery lost: `stored` of the mirror's
    failed_sources: int = 0  # discovery documents the first pass could not fetch
    load: list = field(default_factory=list)  # 1-min load average at the first pass's start, end


# --- measuring a subprocess ---------------------------------------------------------------------


def rss_method() -> str:
    if Path(TIME).exists():
        return "/usr/bin/time -v (Maximum resident set size of the python process)"
    return "os.wait4() ru_maxrss of the python process"


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _count(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def measure(command: list[str], db: Path | None = None, every: float = 0.5,
            stop_at: float | None = None) -> Proc:  # fmt: skip
    """Run `command`, sampling the RSS of its python process (and the store's rows if `db`).
    At `stop_at` (epoch seconds) the python process gets SIGINT (Scrapy stops gracefully; a
    second SIGINT two minutes later forces it) and the result is marked `stopped`."""
    use_time = Path(TIME).exists()
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        time_file = Path(handle.name)
    full = [TIME, "-v", "-o", str(time_file), *command] if use_time else command
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(full, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)  # fmt: skip
    out: dict[str, str] = {}
    readers = [threading.Thread(target=lambda k, s: out.__setitem__(k, s.read()), args=(k, s))
               for k, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]  # fmt: skip
    for r in readers:
        r.start()
    samples: list[tuple[float, float, int | None]] = []
    stop = threading.Event()
    interrupts: list[float] = []

    def sample() -> None:
        while not stop.wait(every):
            kids = _children(proc.pid) if use_time else [proc.pid]
            due = stop_at is not None and time.time() >= stop_at + 120 * len(interrupts)
            if due and kids and len(interrupts) < 2:
                with contextlib.suppress(OSError):
                    os.kill(kids[0], signal.SIGINT)
                interrupts.append(time.time())
            rss = _rss_mb(kids[0]) if kids else None
            if rss is not None:  # rows every 10th sample: count(*) scans a big store
                rows = _count(db) if db is not None and len(samples) % 10 == 0 else None
                samples.append((round(time.perf_counter() - start, 2), round(rss, 1), rows))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if use_time:
        returncode = proc.wait()
        peak = cpu = None
    else:  # the child's own rusage, not RUSAGE_CHILDREN's maximum over every child so far
        _, status, usage = os.wait4(proc.pid, 0)
        returncode = proc.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss / 1024
        cpu = usage.ru_utime + usage.ru_stime
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    for r in readers:
        r.join()
    if use_time:
        text = time_file.read_text(errors="replace")
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        peak = int(match.group(1)) / 1024 if match else None
        times = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)
        cpu = sum(float(t) for t in times) if len(times) == 2 else None
        status = re.search(r"Exit status: (\d+)", text)
        if status:
            returncode = int(status.group(1))
    time_file.unlink(missing_ok=True)
    return Proc(command, returncode, wall, cpu, peak, out.get("stdout", ""), out.get("stderr", ""),
                samples, stopped=bool(interrupts))  # fmt: skip


# --- the mirror server --------------------------------------------------------------------------


class Server:
    """`python -m scraper.mirror DIR` in its own process, until closed."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen([PYTHON, "-m", "scraper.mirror", str(root), "--port", "0"],
                                     cwd=REPO, stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert self.proc.stdout is not None
        self.base = self.proc.stdout.readline().strip()
        if not self.base.startswith("http://"):
            self.close()
            raise RuntimeError(f"mirror server did not start (said {self.base!r})")
        deadline = time.monotonic() + 30
        while True:  # answers at all: any HTTP status will do
            try:
                urllib.request.urlopen(self.base + "/ready.invalid/", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"mirror server at {self.base} does not answer") from None
                time.sleep(0.1)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- one size -----------------------------------------------------------------------------------


def _store_facts(db: Path) -> tuple[int, float | None, float | None]:
    """(rows, run seconds, seconds between the first and the last stored article)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        first, last = conn.execute(
            "SELECT min(first_seen), max(first_seen) FROM articles"
        ).fetchone()
        run = conn.execute(
            "SELECT started_at, ended_at FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    span = lambda a, b: (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()  # noqa: E731
    run_s = span(*run) if run and run[0] and run[1] else None
    store_s = span(first, last) + 1 if first and last else None  # 1 s resolution
    return stored, run_s, store_s


def _failed_sources(logs: Path) -> int:
    """Discovery sources the (first, only) pass logged as failed in `logs`."""
    return sum(p.read_text(errors="replace").count("discovery source failed")
               for p in logs.glob("*.log"))  # fmt: skip


def crawl_command(base: str, db: Path, log_dir: Path) -> list[str]:
    return [PYTHON, "-m", "scraper", "crawl", "--mirror", base, "--db", str(db),
            "--log-dir", str(log_dir)]  # fmt: skip


def mirror_for(n: int, work: Path, cache: Path | None) -> tuple[Path, int, float]:
    """The mirror of N synthetic articles: built into `work`, or into (and reused from) `cache`
    so that several runs share one build. (root, articles, build seconds; 0 when reused)."""
    from scraper.mirror.build import MirrorInfo, build_mirror

    root = (cache or work) / f"mirror-{n}"
    if cache and (root / "info.json").exists():
        print(f"N={n}: mirror reused from {root}", file=sys.stderr)
        return root, len(MirrorInfo.load(root).articles), 0.0
    t0 = time.perf_counter()
    info = build_mirror(root, synthetic=n)
    build_s = time.perf_counter() - t0
    print(
        f"N={n}: mirror of {len(info.articles)} articles built in {build_s:.1f}s", file=sys.stderr
    )
    return root, len(info.articles), build_s


def run_size(n: int, work: Path, cache: Path | None = None, stop_at: float | None = None,
             reclean: bool = True) -> SizeResult | None:  # fmt: skip
    """One size measured; None when `stop_at` had passed before it began. A crawl stopped at
    `stop_at` gives a partial result (its peak so far, no second pass, no reclean)."""
    if stop_at is not None and time.time() >= stop_at:
        print(f"N={n}: not started, the deadline had passed", file=sys.stderr)
        return None
    db, logs = work / f"store-{n}.db", work / f"logs-{n}"
    root, articles, build_s = mirror_for(n, work, cache)
    with Server(root) as server:
        load = [round(os.getloadavg()[0], 2)]
        crawl = measure(crawl_command(server.base, db, logs), db=db, stop_at=stop_at)
        load.append(round(os.getloadavg()[0], 2))
        if not crawl.stopped and crawl.returncode not in (0, 5):
            raise RuntimeError(f"crawl N={n} exited {crawl.returncode}: "
                               f"{crawl.stderr.strip()[-500:]}")  # fmt: skip
        # The first pass's own figures, before a second pass could add to the store.
        stored, run_s, store_s = _store_facts(db)
        failed = _failed_sources(logs)
        if stored < articles:
            print(f"N={n}: INCOMPLETE first pass: {stored} of {articles} stored, {failed} "
                  "discovery sources failed (the mirror server too slow on a loaded machine?)",
                  file=sys.stderr)  # fmt: skip
        # Nothing new: every discovered URL is asked of the store and found there.
        again = None if crawl.stopped else measure(crawl_command(server.base, db, logs),
                                                   stop_at=stop_at)  # fmt: skip
    rate = stored / crawl.wall_s
    print(f"N={n}: crawl stored {stored} in {crawl.wall_s:.1f}s ({rate:.1f}/s), "
          f"peak {crawl.peak_rss_mb:.0f} MB" + (" (stopped at the deadline)" * crawl.stopped),
          file=sys.stderr)  # fmt: skip
    again = None if again is None or again.stopped else again
    if again:
        print(f"N={n}: second pass (all known) in {again.wall_s:.1f}s, peak "
              f"{again.peak_rss_mb:.0f} MB", file=sys.stderr)  # fmt: skip
    want_reclean, reclean = reclean, None
    seen = changed = unclean = 0
    if again and want_reclean:
        reclean = measure([PYTHON, "-m", "scraper", "reclean", "--db", str(db)], stop_at=stop_at)
        if reclean.stopped:
            reclean = None
        elif reclean.returncode != 0:
            raise RuntimeError(f"reclean N={n} exited {reclean.returncode}: "
                               f"{reclean.stderr.strip()}")  # fmt: skip
    if reclean:
        said = re.search(r"(\d+) articles recleaned: (\d+) changed, \d+ unchanged, (\d+) failed",
                         reclean.stdout)  # fmt: skip
        seen, changed, unclean = (int(g) for g in said.groups()) if said else (0, 0, 0)
        print(f"N={n}: reclean {seen} in {reclean.wall_s:.1f}s ({seen / reclean.wall_s:.1f}/s), "
              f"peak {reclean.peak_rss_mb:.0f} MB", file=sys.stderr)  # fmt: skip
    return SizeResult(
        n=n,
        mirror_articles=articles,
        build_s=round(build_s, 2),
        stored=stored,
        crawl_wall_s=round(crawl.wall_s, 2),
        crawl_rate=round(stored / crawl.wall_s, 1),
        crawl_run_s=run_s,
        crawl_store_rate=round(stored / store_s, 1) if store_s else None,
        crawl_cpu_s=_r(crawl.cpu_s),
        crawl_peak_mb=_r(crawl.peak_rss_mb),
        crawl_exit=crawl.returncode,
        crawl_summary=crawl.stdout.strip(),
        recleaned=seen,
        reclean_changed=changed,
        reclean_failed=unclean,
        reclean_wall_s=_r(reclean.wall_s) if reclean else None,
        reclean_rate=round(seen / reclean.wall_s, 1) if reclean else None,
        reclean_cpu_s=_r(reclean.cpu_s) if reclean else None,
        reclean_peak_mb=_r(reclean.peak_rss_mb) if reclean else None,
        reclean_exit=reclean.returncode if reclean else None,
        again_wall_s=_r(again.wall_s) if again else None,
        again_peak_mb=_r(again.peak_rss_mb) if again else None,
        again_exit=again.returncode if again else None,
        crawl_samples=crawl.samples,
        reclean_samples=[(t, m) for t, m, _ in reclean.samples] if reclean else [],
        partial=crawl.stopped or stored < articles,
        failed_sources=failed,
        load=load,
    )


def run_sizes(sizes: list[int], work: Path, cache: Path | None, jobs: int,
              stop_at: float | None = None, partial: Path | None = None,
              reclean: bool = True) -> list[SizeResult]:  # fmt: skip
    """Every size, `jobs` of them at once (threads, each driving its own subprocesses), largest
    first; each result is also written to `partial` (JSON) as it comes."""
    from concurrent.futures import ThreadPoolExecutor

    done: list[SizeResult] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        result = run_size(n, work, cache, stop_at, reclean)
        with lock:
            if result is not None:
                done.append(result)
            if partial is not None:
                partial.write_text(json.dumps([asdict(r) for r in done], indent=1) + "\n",
                                   encoding="utf-8")  # fmt: skip

    order = sorted(sizes, reverse=jobs > 1)
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(one, order))
    return sorted(done, key=lambda r: r.n)


def _rel(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# --- the cleaners' own rate ---------------------------------------------------------------------


def fixture_pages() -> list[tuple[str, str]]:
    return [(f.input_file.read_bytes().decode("utf-8", "replace"), f.url)
            for f in page_fixtures() if (f.path / "source.json").exists()]  # fmt: skip


def _timed_rate(work, items: list, seconds: float) -> tuple[float, int]:
    """Items per second of `work(item)` over `items`, repeated for at least `seconds`."""
    for item in items[: min(3, len(items))]:  # warm up: imports, compiled selectors
        work(item)
    done, start = 0, time.perf_counter()
    while True:
        for item in items:
            work(item)
        done += len(items)
        if time.perf_counter() - start >= seconds:
            break
    return done / (time.perf_counter() - start), done


def cleaner_rate(seconds: float) -> dict:
    from cleaners import CleanError, clean_html

    pages = fixture_pages()

    def work(page: tuple[str, str]) -> None:
        with contextlib.suppress(CleanError):
            clean_html(page[0], url=page[1])

    rate, done = _timed_rate(work, pages, seconds)
    return {"pages": len(pages), "cleaned": done, "pages_per_s": round(rate, 1),
            "mean_kb": round(sum(len(h) for h, _ in pages) / len(pages) / 1024, 1)}  # fmt: skip


def stored_rate(db: Path, seconds: float) -> dict:
    """clean_pages over an evenly spread sample of the stored raw pages (reclean's own work,
    without its reads and writes), in this process."""
    from cleaners import CleanError
    from cleaners.merge import clean_pages
    from scraper.store import Store

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT url, outlet FROM articles ORDER BY rowid").fetchall()
    finally:
        conn.close()
    step = max(1, len(rows) // STORED_SAMPLE)
    with Store(db) as store:
        items = [(store.raw_pages(url), url, outlet) for url, outlet in rows[::step]]

    def work(item) -> None:
        with contextlib.suppress(CleanError):
            clean_pages(item[0], url=item[1], outlet=item[2])

    rate, done = _timed_rate(work, items, seconds)
    return {"articles": len(items), "cleaned": done, "articles_per_s": round(rate, 1)}


# --- profiling ----------------------------------------------------------------------------------


def profile_crawl(n: int, work: Path, out: Path) -> dict:
    """One more crawl of the N mirror into a fresh store, under py-spy (collapsed stacks)."""
    spy = shutil.which("py-spy") or str(Path(PYTHON).parent / "py-spy")
    if not Path(spy).exists():
        return {"error": "py-spy not installed (.venv/bin/pip install py-spy)"}
    root, db, logs = work / f"mirror-{n}", work / f"profile-{n}.db", work / f"logs-profile-{n}"
    raw = work / f"crawl-profile-{n}.txt"
    with Server(root) as server:
        proc = subprocess.run([spy, "record", "--format", "raw", "--rate", "100", "--nonblocking",
                               "-o", str(raw), "--", *crawl_command(server.base, db, logs)],
                              cwd=REPO, capture_output=True, text=True)  # fmt: skip
    if not raw.exists():
        return {"error": f"py-spy failed: {proc.stderr.strip()[-300:]}"}
    kept = out / f"crawl-profile-{n}.txt.gz"  # py-spy's collapsed stacks, for flamegraph.pl
    kept.write_bytes(gzip.compress(raw.read_bytes()))
    return {"file": _rel(kept), **hotspots(raw)}


def hotspots(raw: Path, top: int = 15) -> dict:
    """Self and inclusive (kliping's own functions) sample shares by function, from py-spy's raw
    (collapsed) stacks: `frame;frame;... count` per line, outermost first."""
    self_time: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        frames = [_frame(f) for f in stack.split(";") if f and not f.startswith("process ")
                  and not f.startswith("thread ")]  # fmt: skip
        if not frames:
            continue
        total += samples
        self_time[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    own = Counter({f: n for f, n in inclusive.items() if _own(f)})
    share = lambda c: [(f, round(100 * n / total, 1)) for f, n in c.most_common(top)]  # noqa: E731
    return {"samples": total, "self_pct": share(self_time), "inclusive_pct": share(own)}


WRAPPERS = ("scraper/cli/", "scraper/__main__.py", "scraper/crawl.py")


def _own(frame: str) -> bool:
    """A frame of kliping's own code below the command-line wrappers."""
    return ("(cleaners/" in frame or "(scraper/" in frame) and not any(w in frame for w in WRAPPERS)


def _frame(frame: str) -> str:
    """`func (path/to/file.py:123)` -> `func (pkg/file.py)` without the line."""
    match = re.match(r"(.*?) \((.*?)(?::\d+)?\)$", frame.strip())
    if not match:
        return frame.strip()
    func, path = match.groups()
    for marker in ("site-packages/", f"{REPO}/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{func} ({path})"


# --- report -------------------------------------------------------------------------------------


def machine() -> dict:
    mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())  # fmt: skip
    return {"nproc": os.cpu_count(), "ram_gb": round(int(mem) / 2**20, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(),
            "scrapy": version("scrapy"), "lxml": version("lxml")}  # fmt: skip


KIND_NAMES = {"crawl": "crawl", "again": "second pass", "reclean": "reclean"}


def targets(results: list[SizeResult], fixture: dict, stored: dict | None) -> list[dict]:
    out = []
    for r in results:
        out.append({"target": f"crawl >= {CRAWL_RATE_TARGET:.0f} articles/s stored (N={r.n})",
                    "value": r.crawl_rate, "met": r.crawl_rate >= CRAWL_RATE_TARGET,
                    "note": f"{r.crawl_rate / CRAWL_RATE_TARGET:.0%} of target; between first "
                            f"and last stored article: {r.crawl_store_rate}/s"})  # fmt: skip
    measured = [r for r in results if r.crawl_peak_mb is not None]
    if len(measured) >= 2:
        small = next((r for r in measured if r.n == 1000), measured[0])
        larger = [r for r in measured if r.n > small.n]
        for large, kind in [(r, k) for r in larger for k in ("crawl", "again", "reclean")]:
            if getattr(large, f"{kind}_peak_mb") is None:
                continue
            grow = getattr(large, f"{kind}_peak_mb") - getattr(small, f"{kind}_peak_mb")
            cut = (f"; PARTIAL: {large.stored:,} of {large.mirror_articles:,} stored by the first "
                   f"pass ({large.failed_sources} discovery sources failed; stopped at the "
                   "deadline, or sitemaps lost)" if large.partial else "")  # fmt: skip
            out.append({"target": f"{KIND_NAMES[kind]} peak RSS at N={large.n} within "
                                  f"{MEMORY_GROWTH_TARGET_MB:.0f} MB of N={small.n}",
                        "value": round(grow, 1),
                        "met": None if large.partial else grow <= MEMORY_GROWTH_TARGET_MB,
                        "note": f"{getattr(small, f'{kind}_peak_mb')} -> "
                                f"{getattr(large, f'{kind}_peak_mb')} MB; "
                                f"{per_url(small, large, kind)} bytes per added article"
                                + cut})  # fmt: skip
    # Judged against the cleaners on the same (stored) pages when measured: the synthetic pages
    # are not the fixture pages, and clean at another rate.
    fixture_rate = fixture["pages_per_s"]
    same_rate = stored["articles_per_s"] if stored else None
    for r in (r for r in results if r.reclean_rate is not None):
        note = f"{r.reclean_rate / fixture_rate:.0%} of clean_html on the fixture pages"
        note += f" ({fixture_rate}/s)"
        if same_rate:
            note = (f"{r.reclean_rate / same_rate:.0%} of clean_pages on the stored pages "
                    f"({same_rate}/s); " + note)  # fmt: skip
        share = r.reclean_rate / (same_rate or fixture_rate)
        out.append({"target": f"reclean >= {RECLEAN_SHARE_TARGET:.0%} of the cleaners' own "
                              f"rate (N={r.n})",
                    "value": r.reclean_rate, "met": share >= RECLEAN_SHARE_TARGET,
                    "note": note})  # fmt: skip
    return out


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def markdown(run: dict) -> str:
    env = run["machine"]
    lines = [
        "# Crawl throughput and memory as the store grows",
        "",
        f"`{run['command']}` — {run['started']}, {run['seconds']:.0f} s",
        "",
        f"Machine: {env['nproc']} CPUs ({env['cpu']}), {env['ram_gb']} GB RAM; Python "
        f"{env['python']}, Scrapy {env['scrapy']}, lxml {env['lxml']}. Mirror server, crawler "
        "and bench each in their own process on the same machine (loopback). Load average "
        f"(1 min) at start {run['load_start']}, at end {run['load_end']}: another job on the "
        "machine slows every wall-clock figure; the CPU seconds are less affected."
        + (
            f" Sizes measured {run['jobs']} at once (`--jobs`): rates are not comparable across "
            "sizes; peak RSS is per process."
            if run.get("jobs", 1) > 1
            else ""
        ),
        "",
        f"Peak RSS: {run['rss_method']}.",
        "",
        "| N synthetic | mirror articles | stored | crawl s | crawl CPU s | crawl art/s "
        "| art/s while storing | crawl peak MB | reclean s | reclean CPU s | reclean art/s "
        "| reclean peak MB | 2nd pass s | 2nd pass peak MB | crawl B/article | 2nd pass B/article "
        "| load (1 min) at crawl start, end |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    first = run["results"][0] if run["results"] else None
    for r in run["results"]:
        lines.append(
            f"| {r['n']:,}{' (partial)' if r.get('partial') else ''} | {r['mirror_articles']:,} "
            f"| {r['stored']:,} | {r['crawl_wall_s']:.1f} "
            f"| {r['crawl_cpu_s']} | {r['crawl_rate']:.1f} | {r['crawl_store_rate']} "
            f"| {r['crawl_peak_mb']} | {_cell(r['reclean_wall_s'])} | {_cell(r['reclean_cpu_s'])} "
            f"| {_cell(r['reclean_rate'])} | {_cell(r['reclean_peak_mb'])} "
            f"| {_cell(r.get('again_wall_s'))} "
            f"| {_cell(r.get('again_peak_mb'))} | {per_url(first, r, 'crawl') or '–'} "
            f"| {per_url(first, r, 'again') or '–'} "
            f"| {', '.join(map(str, r.get('load') or [])) or '–'} |"
        )
    fx, st = run["cleaner_fixtures"], run.get("cleaner_stored")
    lines += [
        "",
        "`crawl s` and `reclean s`: the subprocess from start to exit (interpreter start, imports, "
        "discovery, every article); `CPU s` its user + system time. `art/s while storing`: "
        "stored articles over the time between the first and the last one stored "
        "(`first_seen`, 1 s resolution). `2nd pass`: the same crawl again over the same store, "
        "every URL already stored. `B/article`: peak RSS growth over the smallest N, per added "
        "article.",
        "",
        f"The cleaners' own rate, in one process: `clean_html` over the {fx['pages']} fixture "
        f"pages (mean {fx['mean_kb']} KB): **{fx['pages_per_s']} pages/s**"
        + (
            f"; `clean_pages` over {st['articles']} stored articles (evenly spread) of the "
            f"N={st['n']} store: "
            f"**{st['articles_per_s']} articles/s**."
            if st
            else "."
        ),
        "",
        "## Targets",
        "",
        "| target | value | met | |",
        "| --- | ---: | :---: | --- |",
    ]
    for t in run["targets"]:
        met = "partial" if t["met"] is None else "yes" if t["met"] else "**no**"
        lines.append(f"| {t['target']} | {t['value']} | {met} "
                     f"| {t['note']} |")  # fmt: skip
    prof = run.get("profile")
    if prof:
        lines += ["", f"## Crawl profile (py-spy, N={prof.get('n')})", ""]
        if "error" in prof:
            lines.append(prof["error"])
        else:
            lines += [f"{prof['samples']} samples at 100 Hz, `{prof['file']}`.", "",
                      "| function (self time) | % | kliping function (inclusive) | % |",
                      "| --- | ---: | --- | ---: |"]  # fmt: skip
            for (fs, ps), (fi, pi) in zip(prof["self_pct"], prof["inclusive_pct"], strict=False):
                lines.append(f"| `{fs}` | {ps} | `{fi}` | {pi} |")
    lines += ["", f"Plot: `{run['plot']}`.", ""]
    return "\n".join(lines)


def _deadline(hhmm: str) -> float:
    """Epoch seconds of the next HH:MM UTC."""
    from datetime import timedelta

    now = datetime.now(UTC)
    hour, minute = (int(x) for x in hhmm.split(":"))
    at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return (at if at > now else at + timedelta(days=1)).timestamp()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_bench",
                                     description=__doc__.split("\n")[0])  # fmt: skip
    default = " ".join(map(str, DEFAULT_SIZES))
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N",
                        help=f"synthetic articles per run (default {default})")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help=f"N={QUICK_SIZES[0]} only (< 60 s)")
    parser.add_argument("--profile", action="store_true",
                        help="one more crawl of the largest N under py-spy (hotspots)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--plot", type=Path, default=PLOT)
    parser.add_argument("--keep", action="store_true", help="keep the mirrors and stores")
    parser.add_argument("--mirrors", type=Path, metavar="DIR",
                        help="build the mirrors into DIR and reuse those already there")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=1, metavar="J",
                        help="sizes measured at once, largest first, each with its own mirror "
                             "server, crawler and store: the wall time on a shared machine; peak "
                             "RSS is per process and unaffected, rates are then not comparable "
                             "across sizes (default 1)")  # fmt: skip
    parser.add_argument("--stop-at", metavar="HH:MM",
                        help="UTC time at which running crawls are stopped (SIGINT) and recorded "
                             "as partial, and sizes not yet begun are skipped")  # fmt: skip
    parser.add_argument("--no-reclean", action="store_true",
                        help="skip reclean (its CPU) when only the crawl's memory is wanted")  # fmt: skip
    args = parser.parse_args(argv)
    stop_at = _deadline(args.stop_at) if args.stop_at else None
    sizes = sorted(set(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)))
    command = "python -m bench.crawl_bench" + (" --quick" if args.quick else "") + (
        f" --sizes {' '.join(map(str, sizes))}" if args.sizes else "") + (
        " --profile" if args.profile else "") + (
        f" --jobs {args.jobs}" if args.jobs > 1 else "") + (
        f" --stop-at {args.stop_at}" if args.stop_at else "") + (
        " --no-reclean" if args.no_reclean else "")  # fmt: skip

    started, t0 = datetime.now().astimezone(), time.perf_counter()
    load_start = round(os.getloadavg()[0], 2)
    args.out.mkdir(parents=True, exist_ok=True)
    seconds = 1.0 if args.quick else 5.0
    fixture = cleaner_rate(seconds)
    print(f"clean_html on fixtures: {fixture['pages_per_s']} pages/s", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="kliping-crawl-bench-"))
    try:
        results = run_sizes(sizes, work, args.mirrors, args.jobs, stop_at,
                            args.out / "crawl-partial.json", not args.no_reclean)  # fmt: skip
        if not results:
            raise SystemExit("no size was measured before the deadline")
        largest = work / f"store-{sizes[-1]}.db"
        stored = {"n": sizes[-1], **stored_rate(largest, seconds)}
        profile = (
            {"n": sizes[-1], **profile_crawl(sizes[-1], args.mirrors or work, args.out)}
            if args.profile
            else None
        )
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    run = {
        "started": started.isoformat(timespec="seconds"),
        "command": command,
        "quick": args.quick,
        "jobs": args.jobs,
        "seconds": round(time.perf_counter() - t0, 1),
        "load_start": load_start,
        "load_end": round(os.getloadavg()[0], 2),
        "machine": machine(),
        "rss_method": rss_method(),
        "cleaner_fixtures": fixture,
        "cleaner_stored": stored,
        "results": [asdict(r) for r in results],
        "plot": _rel(args.plot),
        "profile": profile,
    }
    run["targets"] = targets(results, fixture, stored)
    from .crawl_plot import plot

    plot(run, args.plot)
    text = markdown(run)
    stamp = started.strftime("%Y%m%dT%H%M%S")
    for name in (f"crawl-{stamp}", "crawl-latest"):
        (args.out / f"{name}.json").write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n",
                                               encoding="utf-8")  # fmt: skip
        (args.out / f"{name}.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
