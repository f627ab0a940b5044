"""`kliping schedule --every 30m`: a crawl pass every interval, unattended.

Each pass is a `kliping crawl` child process: a pass that fails or dies costs that pass only, and
the store lock keeps it from overlapping a cron-started crawl. SIGINT/SIGTERM stop the schedule
after the pass in hand has finished the article in hand (Scrapy's graceful shutdown)."""

from __future__ import annotations

import argparse
import random
import re
import signal
import subprocess
import sys
import threading
from datetime import datetime

from . import EXIT_FRONTIER, EXIT_STORE, EXIT_UNHEALTHY, CliError
from .crawl import add_options, check_args

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """`30m`, `1h`, `90s`, `1h30m` → seconds."""
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", text.strip().lower())
    if not parts or "".join(n + u for n, u in parts) != re.sub(r"\s+", "", text.lower()):
        raise CliError(f"--every wants an interval like 30m, 1h or 90s, not {text!r}")
    return sum(float(n) * _UNITS[u] for n, u in parts)


def add_parser(sub) -> None:
    parser = sub.add_parser("schedule", help="run a crawl pass every interval, unattended")
    parser.add_argument("--every", required=True, metavar="INTERVAL", help="e.g. 30m, 1h, 90s")
    parser.add_argument("--jitter", type=float, default=0.1, metavar="FRACTION",
                        help="random spread of the interval (default 0.1: ±10%%)")  # fmt: skip
    parser.add_argument("--passes", type=int, default=0, metavar="N",
                        help="stop after N passes (default: run until stopped)")  # fmt: skip
    add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    interval = parse_interval(args.every)
    outlets = check_args(args)
    stop = threading.Event()
    child: list[subprocess.Popen] = []

    def on_signal(signum, _frame) -> None:
        if not stop.is_set():
            say(f"stopping after the pass in hand ({signal.Signals(signum).name})")
        stop.set()
        for process in child:  # one signal: a second would make Scrapy stop uncleanly
            if process.poll() is None:
                process.send_signal(signal.SIGINT)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    say(f"a pass every {args.every} for {', '.join(outlets)}; store {args.db}")
    done = 0
    while not stop.is_set():
        done += 1
        code = run_pass(_crawl_command(args, outlets), child)
        say(f"pass {done} ended: {_outcome(code)}")
        if args.passes and done >= args.passes:
            break
        pause = interval * (1 + random.uniform(-args.jitter, args.jitter))
        stop.wait(max(pause, 0))
    say("schedule stopped")
    return 0


def run_pass(command: list[str], child: list[subprocess.Popen]) -> int:
    # A session of its own: a Ctrl-C on the terminal reaches the scheduler, which passes it on
    # once, instead of reaching the crawl twice.
    process = subprocess.Popen(command, start_new_session=True)
    child[:] = [process]
    try:
        return process.wait()
    finally:
        child.clear()


def _crawl_command(args: argparse.Namespace, outlets: list[str]) -> list[str]:
    command = [sys.executable, "-m", "scraper", "crawl", *outlets, "--db", args.db]
    if args.mirror:
        command += ["--mirror", args.mirror]
    if args.max_articles:
        command += ["--max-articles", str(args.max_articles)]
    if args.since:
        command += ["--since", args.since]
    if args.log_dir:
        command += ["--log-dir", args.log_dir]
    if args.frontier:
        command += ["--frontier", args.frontier]
    return command


def _outcome(code: int) -> str:
    return {0: "ok", EXIT_UNHEALTHY: "some outlets unhealthy (see kliping health)",
            EXIT_STORE: "store locked or not writable; skipped",
            EXIT_FRONTIER: "the frontier's Redis cannot be reached; skipped",
            130: "interrupted"}.get(
        code, f"failed (exit {code}); the schedule goes on")  # fmt: skip


def say(message: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} {message}", flush=True)
