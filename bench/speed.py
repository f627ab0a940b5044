"""Speed: pages per second in this process (warm, best of N interleaved passes), and peak memory of one pass
measured in a fresh child process per contender (so one contender's heap never hides another's).
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import resource
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .contenders import Contender, contenders, library_default, parse_only
from .data import Page, read_html

Job = list[tuple[str, str | None]]  # (html, url) of every page, in order


@dataclass
class Speed:
    contender: str
    group: str  # `fixtures` or `scrapinghub`
    pages: int
    passes: int
    best_s: float  # the fastest pass, seconds
    pages_per_s: float
    rss_mib: float | None = None  # peak RSS (VmHWM) of a child process during one pass
    rss_growth_mib: float | None = None  # of which over the child's warmed-up baseline
    traced_mib: float | None = None  # tracemalloc peak of one pass: Python heap only, no libxml2


def one_pass(contender: Contender, job: Iterable[tuple[str, str | None]]) -> float:
    gc.collect()
    start = time.perf_counter()
    for html, url in job:
        with contextlib.suppress(Exception):  # a crash still costs its time; quality reports it
            contender.call(html, url)
    return time.perf_counter() - start


MIN_PASS_S = 0.5  # a shorter pass is mostly timer and scheduler noise


def time_contenders(
    all_contenders: list[Contender], job: Job, group: str, passes: int
) -> list[Speed]:
    """Best of `passes` for each contender, their passes interleaved so that a busy moment of the
    machine hits every contender alike; the page list is repeated until the fastest contender's
    pass lasts MIN_PASS_S."""
    warm = [one_pass(c, job) for c in all_contenders]  # lazy imports, caches, regexes
    repeat = max(1, math.ceil(MIN_PASS_S / max(min(warm), 1e-6)))
    best = dict.fromkeys((c.name for c in all_contenders), math.inf)
    for _ in range(passes):
        for c in all_contenders:
            best[c.name] = min(best[c.name], one_pass(c, job * repeat) / repeat)
    return [
        Speed(c.name, group, len(job), passes, best[c.name], len(job) / best[c.name])
        for c in all_contenders
    ]


def _status_mib(key: str) -> float:
    """VmRSS / VmHWM of this process from /proc (ru_maxrss would report the parent's RSS at the
    fork that started this child; VmHWM is this process's own peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: best effort


def _reset_peak() -> None:
    """Reset VmHWM to the current RSS (Linux: `5` to clear_refs), so the peak is the pass's."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _memory_child(name: str, files: list[tuple[str, str | None]]) -> tuple[float, float, float]:
    """In a fresh process, pages read from disk one at a time (no page list in memory): peak RSS,
    its growth over the warmed-up baseline, and the tracemalloc peak, each of one pass."""
    contender = next(c for c in [*contenders(), library_default(), parse_only()] if c.name == name)

    def job() -> Iterator[tuple[str, str | None]]:
        return ((read_html(Path(path)), url) for path, url in files)

    one_pass(contender, job())  # warm-up pass, as for the timing
    gc.collect()
    _reset_peak()
    base = _status_mib("VmRSS")
    one_pass(contender, job())
    peak = _status_mib("VmHWM")
    tracemalloc.start()
    one_pass(contender, job())
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak, peak - base, traced


def measure(
    all_contenders: list[Contender], pages: list[Page], group: str, passes: int, memory: bool
) -> list[Speed]:
    job: Job = [(p.html, p.url) for p in pages]
    speeds = time_contenders(all_contenders, job, group, passes)
    if memory:
        files = [(str(p.path), p.url) for p in pages]
        spawn = multiprocessing.get_context("spawn")
        for s in speeds:
            with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
                s.rss_mib, s.rss_growth_mib, s.traced_mib = pool.submit(
                    _memory_child, s.contender, files
                ).result()
    return speeds


def ratios(speeds: list[Speed], base: str = "trafilatura") -> dict[str, float]:
    """pages/s of each kliping contender divided by the base's, per group."""
    out = {}
    for group in sorted({s.group for s in speeds}):
        by = {s.contender: s.pages_per_s for s in speeds if s.group == group}
        for name in ("kliping-site", "kliping-generic"):
            if by.get(base) and name in by:
                out[f"{group}: {name} / {base}"] = by[name] / by[base]
        if by.get("lxml-parse") and "kliping-site" in by:  # issue 16: the parser's own rate
            out[f"{group}: kliping-site / lxml-parse"] = by["kliping-site"] / by["lxml-parse"]
    return out
