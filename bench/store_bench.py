"""Store write rate, PostgreSQL beside SQLite:
`python -m bench.store_bench [--articles 2000] [--writers 1 2 4] [--pg URL]`.

Each writer is its own process saving distinct articles the way the crawl's pipeline does: one
`save()` (one transaction: a lookup, then the insert) per article, with its text (~4 KB) and one
raw page (~40 KB of HTML, compressed by the store). Measured: articles stored per second over
all writers, wall clock from the first save to the last; then one reclean-style pass
(`iter_articles` + `update_texts` in batches of 200) in one process.

SQLite is a fresh file in a temporary folder; PostgreSQL is `--pg URL` (a database the bench may
fill and empty), else a throwaway server started here with initdb/pg_ctl on a loopback port (the
tests' helper; Debian's `postgresql` package) with PostgreSQL's durable defaults (fsync and
synchronous_commit on: each commit waits for its WAL flush), beside SQLite's WAL mode with
synchronous=NORMAL (a commit does not wait for fsync; a power cut may lose the last commits,
never consistency). Writes `bench/out/store-latest.json` and `.md`, and
the plot `bench/store.png` when matplotlib is installed (the `bench` extra).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cleaners.article import Article
from scraper.store import open_store

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PARAGRAPH = "Pemerintah Kota Makassar mulai mengoperasikan bus listrik untuk warga pada pekan ini. "


def article(writer: int, i: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    url = f"https://nasional.kontan.co.id/news/bench-{writer}-{i}"
    body = [f"{PARAGRAPH * 6} ({writer}/{i}/{j})" for j in range(8)]
    html = "<html><body>" + "<div class='iklan'>Baca juga: berita lain</div>" * 300
    html += "".join(f"<p>{p}</p>" for p in body) + "</body></html>"
    item = Article(paragraphs=body, title=f"Bus listrik {i}", url=url, outlet="kontan",
                   authors=["Redaksi"], tags=["Makassar", "Transportasi"])  # fmt: skip
    return item.to_dict(), [(url, html)]


def _writer(target: str, writer: int, count: int, start: Any, done: Any) -> None:
    items = [article(writer, i) for i in range(count)]  # built before the clock starts
    with open_store(target) as store:
        start.wait()
        for item, pages in items:
            store.save(item, pages)
    done.put(time.perf_counter())


def write_rate(target: str, writers: int, total: int) -> float:
    """Articles per second stored by ``writers`` processes saving ``total`` articles together."""
    open_store(target).close()  # tables created outside the clock
    context = multiprocessing.get_context("spawn")
    start, done = context.Barrier(writers + 1), context.Queue()
    procs = [
        context.Process(target=_writer, args=(target, w, total // writers, start, done))
        for w in range(writers)
    ]
    for proc in procs:
        proc.start()
    start.wait()
    began = time.perf_counter()
    ends = [done.get(timeout=3600) for _ in procs]
    for proc in procs:
        proc.join()
        if proc.exitcode:
            raise SystemExit(f"a writer failed (exit {proc.exitcode})")
    return (total // writers) * writers / (max(ends) - began)


def reclean_rate(target: str) -> float:
    """Rows per second through a reclean-shaped pass: stream, change the text, batch updates."""
    began = time.perf_counter()
    seen = 0
    with open_store(target) as store:
        batch: list[tuple[str, dict[str, Any]]] = []
        for row in store.iter_articles():
            seen += 1
            changed = {k: row[k] for k in (*Article.__dataclass_fields__, "text") if k in row}
            changed["text"] = row["text"] + "x\n"
            batch.append((row["url"], changed))
            if len(batch) == 200:
                store.update_texts(batch)
                batch = []
        store.update_texts(batch)
    return seen / (time.perf_counter() - began)


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def measure(backend: str, targets: Any, articles: int, writers: list[int]) -> dict[str, Any]:
    rows = []
    for n in writers:
        target = targets()
        rate = write_rate(target, n, articles)
        rows.append({"writers": n, "articles": articles // n * n, "per_s": round(rate, 1)})
        print(f"{backend:<10} {n} writer(s): {rate:8.1f} articles/s", flush=True)
    reclean = reclean_rate(target)
    print(f"{backend:<10} reclean pass: {reclean:8.1f} rows/s", flush=True)
    return {"write": rows, "reclean_per_s": round(reclean, 1)}


def postgres_targets(url: str | None, folder: Path) -> tuple[Any, Any]:
    """A function giving an empty database per measurement, and the server to stop (or None)."""
    server = None
    if url is None:
        sys.path.insert(0, str(REPO / "tests"))  # the tests' throwaway-server helper
        from pgserver import PostgresServer, bin_dir

        binaries = bin_dir()
        if binaries is None:
            raise SystemExit("PostgreSQL is not installed: apt-get install postgresql, or --pg URL")
        server = PostgresServer(binaries, durable=True).start()
        return server.database, server

    def emptied() -> str:
        empty_postgres(url)
        return url

    return emptied, server


def write_report(result: dict[str, Any]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "store-latest.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = ["| backend | writers | articles | articles/s |", "| --- | --- | --- | --- |"]
    for backend in ("sqlite", "postgres"):
        for row in result[backend]["write"]:
            lines.append(f"| {backend} | {row['writers']} | {row['articles']} | {row['per_s']} |")
    lines.append("")
    lines += [
        f"reclean pass ({b}): {result[b]['reclean_per_s']} rows/s" for b in ("sqlite", "postgres")
    ]
    (OUT / "store-latest.md").write_text("\n".join(lines) + "\n")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for backend in ("sqlite", "postgres"):
        rows = result[backend]["write"]
        ax.plot([r["writers"] for r in rows], [r["per_s"] for r in rows], marker="o", label=backend)
    ax.set_xlabel("writer processes")
    ax.set_ylabel("articles stored / s")
    ax.set_title(f"Store write rate ({result['machine']['cpus']} cores)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(REPO / "bench" / "store.png", dpi=110)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.store_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--articles", type=int, default=2000, help="per measurement (default 2000)")
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--pg", help="a PostgreSQL database URL to use (it is emptied!)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kliping-store-bench-") as tmp:
        folder = Path(tmp)
        counter = iter(range(10_000))
        result: dict[str, Any] = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "load_at_start": os.getloadavg()[0],
            },
            "sqlite": measure(
                "sqlite", lambda: str(folder / f"s{next(counter)}.db"), args.articles, args.writers
            ),
        }
        targets, server = postgres_targets(args.pg, folder)
        try:
            result["postgres"] = measure("postgres", targets, args.articles, args.writers)
        finally:
            if server is not None:
                server.stop()
    write_report(result)
    print(f"written: {OUT / 'store-latest.md'}")


if __name__ == "__main__":
    main()
