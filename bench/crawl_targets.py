"""What the crawl bench aims at and where it writes: shared by `crawl_bench` and `crawl_plot`."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PLOT = REPO / "bench" / "crawl.png"

# Targets (issue: benchmarks, part 4).
CRAWL_RATE_TARGET = 100.0  # articles stored per second, loopback mirror
MEMORY_GROWTH_TARGET_MB = 50.0  # peak RSS at the largest N minus at the smallest
