"""A crawl pass every interval, unattended.

Each pass is a `kliping crawl` child process: a pass that fails or dies costs that pass only, and
the store lock keeps it from overlapping a cron-started crawl. SIGINT/SIGTERM stop the schedule
after the pass in hand has finished the article in hand (Scrapy's graceful shutdown)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from .passes import CrawlOptions


@dataclass
class ScheduleOptions:
    every: float  # seconds between passes
    jitter: float = 0.1  # random spread of the interval, a fraction of it
    passes: int = 0  # stop after this many; 0: until stopped
    crawl: CrawlOptions = field(default_factory=CrawlOptions)


@dataclass
class ScheduleResult:
    passes: int  # passes run
    stopped_by: str | None = None  # the signal's name, when one stopped the schedule


def run_schedule(options: ScheduleOptions, say: Callable[[str], None]) -> ScheduleResult:
    """Run passes until `options.passes` are done or SIGINT/SIGTERM arrives; `say` gets a line
    as each pass ends (the child's exit code is read with `outcome`)."""
    stop = threading.Event()
    child: list[subprocess.Popen] = []
    result = ScheduleResult(0)

    def on_signal(signum, _frame) -> None:
        if not stop.is_set():
            result.stopped_by = signal.Signals(signum).name
            say(f"stopping after the pass in hand ({result.stopped_by})")
        stop.set()
        for process in child:  # one signal: a second would make Scrapy stop uncleanly
            if process.poll() is None:
                process.send_signal(signal.SIGINT)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    command = crawl_command(options.crawl)
    while not stop.is_set():
        result.passes += 1
        code = _run_child(command, child)
        say(f"pass {result.passes} ended: {outcome(code)}")
        if options.passes and result.passes >= options.passes:
            break
        pause = options.every * (1 + random.uniform(-options.jitter, options.jitter))
        stop.wait(max(pause, 0))
    return result


def _run_child(command: list[str], child: list[subprocess.Popen]) -> int:
    # A session of its own: a Ctrl-C on the terminal reaches the scheduler, which passes it on
    # once, instead of reaching the crawl twice.
    process = subprocess.Popen(command, start_new_session=True)
    child[:] = [process]
    try:
        return process.wait()
    finally:
        child.clear()


def crawl_command(options: CrawlOptions) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "scraper",
        "crawl",
        *options.outlet_names(),
        "--db",
        options.db,
    ]
    if options.mirror:
        command += ["--mirror", options.mirror]
    if options.max_articles:
        command += ["--max-articles", str(options.max_articles)]
    if options.since:
        command += ["--since", options.since]
    if options.log_dir:
        command += ["--log-dir", options.log_dir]
    if options.frontier:
        command += ["--frontier", options.frontier]
    return command


def outcome(code: int) -> str:
    """A crawl child's exit code in words (the codes of the README's table)."""
    return {0: "ok", 5: "some outlets unhealthy (see kliping health)",
            6: "store locked or not writable; skipped",
            7: "the frontier's Redis cannot be reached; skipped", 130: "interrupted"}.get(
        code, f"failed (exit {code}); the schedule goes on")  # fmt: skip
