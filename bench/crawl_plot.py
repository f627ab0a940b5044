"""The crawl bench's plot: `python -m bench.crawl_plot [bench/out/crawl-latest.json] [-o PNG]`.

Three panels against N (synthetic articles): throughput (crawl and reclean articles/s, the
cleaners' own rate and the 100/s target as lines), peak RSS (crawl, a second pass over the same
store, reclean, with the 50 MB allowance over the smallest N shaded), and memory per URL (peak
RSS growth over the smallest N per added article).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .crawl_targets import CRAWL_RATE_TARGET, MEMORY_GROWTH_TARGET_MB, OUT, PLOT, per_url


def plot(run: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = run["results"]
    ns = [r["n"] for r in results]
    fig, (speed, memory, per) = plt.subplots(1, 3, figsize=(15, 4.2))
    env = run["machine"]
    fig.suptitle(f"kliping crawl and reclean vs store size (loopback mirror; {env['nproc']} CPUs, "
                 f"{env['ram_gb']} GB)", fontsize=11)  # fmt: skip

    speed.plot(ns, [r["crawl_rate"] for r in results], "o-", label="crawl, stored/wall")
    if all(r.get("crawl_store_rate") for r in results):
        speed.plot(ns, [r["crawl_store_rate"] for r in results], "o:",
                   label="crawl, while storing")  # fmt: skip
    speed.plot(ns, [r["reclean_rate"] for r in results], "s-", label="reclean")
    fx = run["cleaner_fixtures"]["pages_per_s"]
    speed.axhline(fx, color="grey", ls="--", lw=1, label=f"clean_html, fixtures ({fx:.0f}/s)")
    stored = run.get("cleaner_stored")
    if stored:
        speed.axhline(stored["articles_per_s"], color="grey", ls="-.", lw=1,
                      label=f"clean_pages, stored ({stored['articles_per_s']:.0f}/s)")  # fmt: skip
    speed.axhline(CRAWL_RATE_TARGET, color="red", ls="--", lw=1,
                  label=f"crawl target ({CRAWL_RATE_TARGET:.0f}/s)")  # fmt: skip
    speed.set_ylabel("articles (pages) per second")
    speed.set_title("throughput")
    speed.set_ylim(bottom=0)

    memory.plot(ns, [r["crawl_peak_mb"] for r in results], "o-", label="crawl peak RSS")
    memory.plot(ns, [r["reclean_peak_mb"] for r in results], "s-", label="reclean peak RSS")
    if all(r.get("again_peak_mb") is not None for r in results):
        memory.plot(ns, [r["again_peak_mb"] for r in results], "^-",
                    label="second pass (all known) peak RSS")  # fmt: skip
    base = results[0]["crawl_peak_mb"]
    if base is not None and len(results) > 1:
        label = f"crawl at N={ns[0]:,} + {MEMORY_GROWTH_TARGET_MB:.0f} MB"
        memory.axhspan(base, base + MEMORY_GROWTH_TARGET_MB, color="green", alpha=0.1, label=label)
    memory.set_ylabel("MB")
    memory.set_title("peak memory")
    memory.set_ylim(bottom=0)

    grown = results[1:]
    for kind, mark, label in (("crawl", "o-", "crawl"), ("again", "^-", "second pass")):
        values = [per_url(results[0], r, kind) for r in grown]
        if grown and all(v is not None for v in values):
            per.plot([r["n"] for r in grown], values, mark, label=label)
    per.axhline(0, color="grey", lw=1)
    per.set_ylabel(f"bytes of peak RSS per article over N={ns[0]:,}")
    per.set_title("memory per URL")

    for ax in (speed, memory, per):
        if len(ns) > 1 and ns[-1] / ns[0] >= 5:
            ax.set_xscale("log")
        ax.set_xticks(ns, [f"{n:,}" for n in ns])
        ax.minorticks_off()
        ax.set_xlabel("N synthetic articles (+ fixture articles)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_plot")
    parser.add_argument("json", type=Path, nargs="?", default=OUT / "crawl-latest.json")
    parser.add_argument("-o", "--out", type=Path, default=PLOT)
    args = parser.parse_args(argv)
    plot(json.loads(args.json.read_text(encoding="utf-8")), args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
