"""`kliping schedule --every 30m`: a crawl pass every interval, unattended (scraper.schedule)."""

from __future__ import annotations

import argparse
import re
from datetime import datetime

from . import EXIT_INTERRUPTED, CliError, add_command
from .crawl import add_options, options_from

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """`30m`, `1h`, `90s`, `1h30m` → seconds."""
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", text.strip().lower())
    if not parts or "".join(n + u for n, u in parts) != re.sub(r"\s+", "", text.lower()):
        raise CliError(f"--every wants an interval like 30m, 1h or 90s, not {text!r}")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise CliError(f"--every wants an interval above 0, not {text!r}")
    return seconds


EXAMPLES = """\
examples:
  kliping schedule --every 30m --db /srv/kliping/kliping.db
  kliping schedule --every 1h kontan --passes 3

SIGINT/SIGTERM stop it after the pass in hand has finished the article in hand (exit 130)."""


def add_parser(sub) -> None:
    parser = add_command(sub, "schedule", "run a crawl pass every interval, unattended",
                         "A crawl pass every interval, each in its own process, never two at "
                         "once on a store; a failed pass does not stop the schedule.", EXAMPLES)  # fmt: skip
    parser.add_argument("--every", required=True, metavar="INTERVAL", help="e.g. 30m, 1h, 90s")
    parser.add_argument("--jitter", type=float, default=0.1, metavar="FRACTION",
                        help="random spread of the interval, 0 to 1 (default 0.1: ±10%%)")  # fmt: skip
    parser.add_argument("--passes", type=int, default=0, metavar="N",
                        help="stop after N passes (default: run until stopped)")  # fmt: skip
    add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..schedule import ScheduleOptions, run_schedule

    if not 0 <= args.jitter <= 1:
        raise CliError(f"--jitter wants a fraction from 0 to 1, not {args.jitter:g}")
    if args.passes < 0:
        raise CliError("--passes wants a number of 0 or more")

    options = ScheduleOptions(parse_interval(args.every), args.jitter, args.passes,
                              options_from(args))  # fmt: skip
    outlets = ", ".join(options.crawl.outlet_names())
    say(f"a pass every {args.every} for {outlets}; store {args.db}")
    result = run_schedule(options, say)
    say("schedule stopped")
    return EXIT_INTERRUPTED if result.stopped_by else 0


def say(message: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} {message}", flush=True)
