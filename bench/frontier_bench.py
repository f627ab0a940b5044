"""Many crawl workers on one shared frontier: 1, 2, 4 `kliping crawl --frontier` processes against
the loopback mirror of N synthetic articles, one real redis-server, one store (SQLite, or
PostgreSQL with --pg). Per worker count: wall time from the first start to the last exit, pages
and articles per second, pages fetched more than once (robots.txt aside: each worker reads it),
and Redis's memory per queued request.

    python -m bench.frontier_bench --articles 2000 --workers 0 1 2 4 [--pg]   # 0: no frontier

Writes bench/out/frontier-latest.json and .md (and bench/frontier.png with matplotlib).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "tests"))  # the tests' throwaway-server helpers


def run_workers(count: int, base: str, db: str, frontier: str | None, logs: Path):
    """`count` workers at once (0: one plain crawl, no frontier); (wall s, CPU s, totals)."""
    command = [sys.executable, "-m", "scraper", "crawl", "--mirror", base, "--db", db,
               "--log-dir", str(logs)]  # fmt: skip
    if count:
        command += ["--frontier", frontier]
    cpu0 = _children_cpu()
    start = time.perf_counter()
    workers = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(max(count, 1))]  # fmt: skip
    outputs = [w.communicate() for w in workers]
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu0
    for worker, (_, err) in zip(workers, outputs, strict=True):
        if worker.returncode not in (0, 5):
            raise RuntimeError(f"a worker exited {worker.returncode}: {err.strip()[-500:]}")
    return wall, cpu, [total_row(out) for out, _ in outputs]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def total_row(stdout: str) -> dict[str, int]:
    line = next(ln for ln in stdout.splitlines() if ln.startswith("total"))
    names = ("discovered", "new", "already", "site", "generic", "failed")
    return dict(zip(names, map(int, line.split()[1:]), strict=True))


def measure(count: int, server, redis, db: str, logs: Path) -> dict[str, Any]:
    from scraper.store import open_store

    redis.client().flushall()
    server.reset_hits()
    wall, cpu, totals = run_workers(count, server.base, db, redis.url, logs)
    pages = {k: n for k, n in server.hits.items() if not k.endswith("/robots.txt")}
    with open_store(db) as store:
        stored = store.count()
    return {
        "workers": count or "plain",
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "pages": sum(pages.values()),
        "pages_per_s": round(sum(pages.values()) / wall, 1),
        "stored": stored,
        "articles_per_s": round(stored / wall, 1),
        "cpu_ms_per_page": round(1000 * cpu / max(sum(pages.values()), 1), 1),
        "new_per_worker": [t["new"] for t in totals],
        "fetched_twice": sum(n - 1 for n in pages.values() if n > 1),
        "load_after": round(os.getloadavg()[0], 1),
    }


def queue_memory(redis, requests: int = 20_000) -> dict[str, float]:
    """Bytes of Redis memory per queued article request, as the crawl queues them (queue entry,
    pickled request, seen-set entry)."""
    import scrapy
    from scrapy.utils.test import get_crawler

    from scraper.frontier.queue import SharedQueue
    from scraper.frontier.scheduler import FrontierScheduler
    from scraper.spiders.outlets import SPIDERS

    client = redis.client()
    client.flushall()
    spider_cls = SPIDERS["kontan"]
    crawler = get_crawler(spider_cls, {"KLIPING_FRONTIER": redis.url})
    spider = spider_cls()
    scheduler = FrontierScheduler(crawler)
    scheduler.spider = spider
    queue = SharedQueue(client, "kliping", "kontan", "bench", 30)
    before = client.info("memory")["used_memory"]
    for i in range(requests):
        canonical = f"https://www.kontan.co.id/news/berita-nomor-{i:07d}-tentang-harga-cabai"
        request = scrapy.Request(canonical, callback=spider.parse_article, dont_filter=True,
                                 errback=spider.article_failed,
                                 cb_kwargs={"canonical": canonical, "pages": [], "whole": False})  # fmt: skip
        key = crawler.request_fingerprinter.fingerprint(request)[:12]
        request.meta["kliping_job"] = key
        queue.push(key, scheduler._encode(request), 0)
    after = client.info("memory")["used_memory"]
    client.flushall()
    return {"requests": requests, "bytes_per_request": round((after - before) / requests)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.frontier_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--articles", type=int, default=2000, help="synthetic (default 2000)")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[0, 1, 2, 4],
        help="worker counts (0: a plain crawl without a frontier, the baseline)",
    )
    parser.add_argument("--pg", action="store_true", help="a PostgreSQL store, not SQLite")
    args = parser.parse_args(argv)
    from pgserver import PostgresServer, bin_dir
    from redisserver import RedisServer, binary

    from scraper.mirror import MirrorServer
    from scraper.mirror.build import build_mirror

    with tempfile.TemporaryDirectory(prefix="kliping-frontier-bench-") as tmp:
        folder = Path(tmp)
        info = build_mirror(folder / "mirror", synthetic=args.articles)
        result: dict[str, Any] = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "load_at_start": round(os.getloadavg()[0], 1),
            },
            "mirror_articles": len(info.articles),
            "store": "postgres" if args.pg else "sqlite",
            "runs": [],
        }
        pg = PostgresServer(bin_dir(), durable=True).start() if args.pg else None
        try:
            with RedisServer(binary()) as redis, MirrorServer(info.root) as server:
                for count in args.workers:
                    db = pg.database() if pg else str(folder / f"w{count}.db")
                    row = measure(count, server, redis, db, folder / "logs")
                    print(json.dumps(row), file=sys.stderr)
                    result["runs"].append(row)
                result["memory"] = queue_memory(redis)
        finally:
            if pg:
                pg.stop()
    write_report(result)
    print(f"written: {OUT / 'frontier-latest.md'}")


def write_report(result: dict[str, Any]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "frontier-latest.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = ["| workers | wall s | CPU s | pages | pages/s | CPU ms/page | stored | articles/s "
             "| new per worker | fetched twice | load after |", "| --- " * 11 + "|"]  # fmt: skip
    for r in result["runs"]:
        lines.append(f"| {r['workers']} | {r['wall_s']} | {r['cpu_s']} | {r['pages']} "
                     f"| {r['pages_per_s']} | {r['cpu_ms_per_page']} | {r['stored']} "
                     f"| {r['articles_per_s']} | {r['new_per_worker']} | {r['fetched_twice']} "
                     f"| {r['load_after']} |")  # fmt: skip
    memory = result["memory"]
    lines += ["", f"Redis memory per queued request: {memory['bytes_per_request']} bytes "
              f"({memory['requests']} article requests)"]  # fmt: skip
    (OUT / "frontier-latest.md").write_text("\n".join(lines) + "\n")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=(6, 3.5))
    runs = [r for r in result["runs"] if r["workers"] != "plain"]
    ax.plot([r["workers"] for r in runs], [r["pages_per_s"] for r in runs], marker="o",
            label="pages/s")  # fmt: skip
    for r in result["runs"]:
        if r["workers"] == "plain":
            ax.axhline(r["pages_per_s"], linestyle="--", color="grey", label="plain crawl")
    ax.legend()
    ax.set_ylim(bottom=0)
    ax.set_xticks([r["workers"] for r in runs])
    ax.set_xlabel("workers on one frontier")
    ax.set_ylabel("pages / s")
    ax.set_title(f"Shared frontier, {result['store']} store ({result['machine']['cpus']} cores)")
    fig.tight_layout()
    fig.savefig(REPO / "bench" / "frontier.png", dpi=110)


if __name__ == "__main__":
    main()
