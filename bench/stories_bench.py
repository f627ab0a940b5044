"""Stories and search benchmark: grouping time and memory at 1k, 10k and 100k synthetic
articles, the store-time cost of a signature, and search latency over a synthetic store.

    python -m bench.stories_bench                 # 1k, 10k, 100k
    python -m bench.stories_bench --sizes 1000 10000 --search 10000

Synthetic articles: stories of 1-5 articles; each story has 25 names: 5 from 300 common ones
(Zipf: every story names Jakarta), 20 from a pool of 200,000; each article keeps 60-90% of its story's names and adds a few
of its own, like a rewrite. Recall is the share of planted same-story pairs that end in one story;
false merges count articles put in a story that is not theirs.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from scraper.stories import Record, group
from scraper.stories.minhash import signature

POOL = 200_000


def synthetic(n: int, seed: int = 7) -> tuple[list[Record], list[int], float]:
    """n records, the planted story of each, and the mean seconds per signature."""
    rng = random.Random(seed)
    records, planted, spent = [], [], 0.0
    story = 0
    while len(records) < n:
        names = {f"c{int(rng.paretovariate(1.2)) % 300}" for _ in range(5)}  # Jakarta, Prabowo
        names |= {f"n{rng.randrange(POOL)}" for _ in range(20)}  # the story's own actors
        for _ in range(min(rng.choice((1, 1, 1, 2, 3, 5)), n - len(records))):
            own = {w for w in names if rng.random() < rng.uniform(0.6, 0.9)}
            own |= {f"x{rng.randrange(POOL)}" for _ in range(rng.randrange(1, 6))}
            start = time.perf_counter()
            sig = signature(own)
            spent += time.perf_counter() - start
            url = f"https://bench.test/{len(records)}"
            day = f"2025-{1 + story % 12:02d}-{1 + story % 28:02d}T10:00:00+07:00"
            records.append(Record(url, f"o{story % 5}", f"story {story}", day, None,
                                  hashlib.sha256(url.encode()).hexdigest(), frozenset(own), sig))  # fmt: skip
            planted.append(story)
        story += 1
    return records, planted, spent / len(records)


def quality(stories, planted: list[int]) -> tuple[float, int]:
    found = {}
    for k, story in enumerate(stories):
        for article in story.articles:
            found[int(article.url.rsplit("/", 1)[1])] = k
    by_plant: dict[int, list[int]] = {}
    for i, p in enumerate(planted):
        by_plant.setdefault(p, []).append(i)
    pairs = together = 0
    for members in by_plant.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs += 1
                together += found[members[a]] == found[members[b]]
    wrong = 0
    for story in stories:
        plants = [planted[int(a.url.rsplit("/", 1)[1])] for a in story.articles]
        wrong += len(plants) - max(plants.count(p) for p in set(plants))
    return (together / pairs if pairs else 1.0), wrong


def bench_grouping(n: int) -> dict:
    records, planted, per_sig = synthetic(n)
    tracemalloc.start()
    start = time.perf_counter()
    stories = group(records)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    recall, wrong = quality(stories, planted)
    return {"n": n, "seconds": seconds, "peak_mib": peak / 2**20, "signature_ms": per_sig * 1e3,
            "stories": len(stories), "recall": recall, "false_merges": wrong}  # fmt: skip


def bench_search(n: int, queries: int = 50) -> dict:
    from scraper.store import open_store

    rng = random.Random(3)
    vocab = [f"kata{i}" for i in range(20_000)]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        batch = []
        for i in range(n):
            words = [vocab[int(rng.paretovariate(0.8)) % len(vocab)] for _ in range(250)]
            text = f"Judul {' '.join(words[:6])}\n\n" + " ".join(words) + "."
            batch.append({"url": f"https://bench.test/{i}", "outlet": "bench", "title": text.split("\n")[0],
                          "text": text, "published": "2025-07-13T10:00:00+07:00"})  # fmt: skip
        start = time.perf_counter()
        for article in batch:
            store.save(article, [])
        insert = (time.perf_counter() - start) / n
        times = []
        for _ in range(queries):
            query = " ".join(rng.sample(vocab[:2000], 2))
            start = time.perf_counter()
            store.search(query, limit=20)
            times.append(time.perf_counter() - start)
        store.close()
    times.sort()
    return {"n": n, "save_ms": insert * 1e3, "median_ms": times[len(times) // 2] * 1e3,
            "p95_ms": times[int(len(times) * 0.95)] * 1e3}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--search", type=int, nargs="*", default=[10_000])
    args = parser.parse_args()
    print("grouping (scraper.stories.group over stored signatures):")
    print(
        f"{'articles':>9} {'seconds':>8} {'peak MiB':>9} {'sig ms':>7} {'stories':>8} {'recall':>7} {'false merges':>13}"
    )
    for n in args.sizes:
        r = bench_grouping(n)
        print(f"{r['n']:>9} {r['seconds']:>8.2f} {r['peak_mib']:>9.1f} {r['signature_ms']:>7.3f} "
              f"{r['stories']:>8} {r['recall']:>7.3f} {r['false_merges']:>13}")  # fmt: skip
    if args.search:
        print("search (store.search, 20 results, two-word queries):")
        print(f"{'articles':>9} {'save ms':>8} {'median ms':>10} {'p95 ms':>8}")
        for n in args.search:
            r = bench_search(n)
            print(f"{r['n']:>9} {r['save_ms']:>8.2f} {r['median_ms']:>10.2f} {r['p95_ms']:>8.2f}")
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
