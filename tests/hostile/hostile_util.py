"""Helpers of the hostile-input suite: the real command line as a subprocess, one-line error
checks, a mirror server that can also stall or gzip its answers, and store inspection."""

from __future__ import annotations

import gzip
import hashlib
import resource
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from conftest import gzip_bomb, stored_count  # noqa: F401 (re-exported to the suite)

from scraper.mirror import MirrorServer, Reply, mirror_key

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 2**20  # RLIMIT_AS for `kliping clean` on big or deep pages


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: str
    seconds: float  # wall time: what a deadline is about (slow servers, timeouts)
    cpu_seconds: float  # the child's user + system time: the work a page costs, whatever the load

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")


def kliping(
    *args: str,
    stdin: bytes | None = None,
    timeout: float = 120,
    memory: int | None = None,
    code: str | None = None,
) -> Run:
    """`python -m scraper ARGS` (or `python -c CODE ARGS`) from the repository root."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "scraper"]

    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    start, before = time.monotonic(), _children_cpu()
    result = subprocess.run([*command, *args], input=stdin, capture_output=True, timeout=timeout,
                            cwd=REPO, preexec_fn=limit)  # fmt: skip
    took, cpu = time.monotonic() - start, _children_cpu() - before
    stderr = result.stderr.decode("utf-8", "replace")
    return Run(result.returncode, result.stdout, stderr, took, cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # of children waited for, cumulative
    return usage.ru_utime + usage.ru_stime


def assert_one_line_error(run: Run, code: int, *words: str) -> str:
    """Exit `code`, nothing on stdout, exactly one stderr line `kliping: …` holding `words`."""
    assert run.returncode == code, (run.returncode, run.stderr[-3000:])
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.stderr.startswith("kliping: "), run.stderr[-3000:]
    assert run.stderr.count("\n") == 1 and run.stderr.endswith("\n"), run.stderr[-3000:]
    for word in words:
        assert word in run.stderr, (word, run.stderr)
    return run.stderr


def assert_clean_exit(run: Run) -> None:
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]


# --- a mirror that can stall, and gzip its answers ---------------------------------------------


class HostileMirror(MirrorServer):
    """A MirrorServer whose answers can wait first (`delay`: slow pages, or pages that outlast
    the crawler's timeout) or come with Content-Encoding: gzip (`gzip_answer`)."""

    def __init__(self, root: Path | str, **kwargs) -> None:
        super().__init__(root, **kwargs)
        self.delays: dict[str, float] = {}
        self.default_delay = 0.0
        self.gzipped: set[str] = set()
        self._stopping = threading.Event()

    def delay(self, url: str, seconds: float) -> None:
        self.delays[mirror_key(url)] = seconds

    def gzip_answer(self, url: str, body: bytes, content_type: str) -> None:
        """Answer `url` with `body` (already gzip-compressed) and Content-Encoding: gzip."""
        self.replace(url, body, content_type=content_type)
        self.gzipped.add(mirror_key(url))

    def answer(self, path: str, accepts_gzip: bool) -> tuple[Reply, str | None]:
        target, mark, query = path.lstrip("/").partition("?")
        host, _, rest = target.partition("/")
        key = f"{host.lower()}/{rest}{mark}{query}"
        reply, encoding = super().answer(path, accepts_gzip)  # counts the hit on arrival
        wait = self.delays.get(key, self.default_delay)
        if wait:
            self._stopping.wait(wait)
        return reply, ("gzip" if key in self.gzipped else encoding)

    def close(self) -> None:
        self._stopping.set()
        super().close()


# --- crawling ----------------------------------------------------------------------------------


def crawl(base: str, db: Path, *extra: str, outlets: Sequence[str] = ("mediapesan",),
          timeout: float = 180, code: str | None = None) -> Run:  # fmt: skip
    """`kliping crawl OUTLETS --mirror BASE --db DB`, its log beside the store."""
    args = ["crawl", *outlets, "--mirror", base, "--db", str(db)]
    return kliping(*args, "--log-dir", str(db.parent / "logs"), *extra, timeout=timeout, code=code)


def summary(stdout: str) -> dict[str, dict[str, int]]:
    """The printed summary table: {outlet or "total": {discovered, new, …, failed}}."""
    lines = stdout.splitlines()
    header = next(line for line in lines if line.startswith("outlet"))
    columns = header.split()[1:7]
    rows = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 7 and parts[0] != "outlet" and all(p.isdigit() for p in parts[1:7]):
            rows[parts[0]] = dict(zip(columns, map(int, parts[1:7]), strict=True))
    return rows


def log_text(db: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in sorted((db.parent / "logs").glob("*")))


def stored_rows(db: Path) -> list[dict]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT * FROM articles ORDER BY rowid")]


def store_dump(db: Path) -> str:
    """Everything the store holds as text (raw pages and drift samples decompressed; other blobs,
    story signatures and the search index's pages, as they are)."""
    out = []
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if isinstance(value, bytes):
                        with suppress(zlib.error):
                            value = zlib.decompress(value)
                        value = value.decode("utf-8", "replace")
                    out.append(str(value))
    return "\n".join(out)


def assert_rows_sound(db: Path) -> list[dict]:
    """No half-written row: text present, its hash right; the database file intact."""
    rows = stored_rows(db)
    for row in rows:
        assert row["text"] and row["text"].strip(), row["url"]
        assert row["content_hash"] == hashlib.sha256(row["text"].encode()).hexdigest(), row["url"]
        assert row["raw_html"], row["url"]
        zlib.decompress(row["raw_html"])
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return rows


# --- hostile bodies ----------------------------------------------------------------------------


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)
