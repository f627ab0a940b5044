"""What the crawl bench aims at, where it writes, and memory per URL: shared by `crawl_bench` and
`crawl_plot`."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PLOT = REPO / "bench" / "crawl.png"

# Targets (issue: benchmarks, part 4).
CRAWL_RATE_TARGET = 100.0  # articles stored per second, loopback mirror
MEMORY_GROWTH_TARGET_MB = 50.0  # peak RSS at the largest N minus at the smallest


def per_url(small, large, kind: str) -> int | None:
    """Peak RSS growth per added article between two sizes, in bytes (dicts or SizeResults)."""
    get = (lambda r, k: r[k]) if isinstance(small, dict) else getattr
    a, b = get(small, f"{kind}_peak_mb"), get(large, f"{kind}_peak_mb")
    if a is None or b is None or get(large, "n") == get(small, "n"):
        return None
    return round((b - a) * 2**20 / (get(large, "n") - get(small, "n")))
