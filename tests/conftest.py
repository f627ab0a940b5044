"""Helpers shared by the tests: the real command line as a subprocess, a read-only look at a store
a crawl is writing, and a gzip bomb. Tests import them (`from conftest import kliping`); the
helper modules beside the tests (httpserver, hostile/hostile_util) are on the path too."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zlib
from contextlib import closing
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


# The command as a user runs it: the `kliping` script installed beside this Python (`pip install
# -e .`), else the package run as a module.
_SCRIPT = Path(sys.executable).parent / "kliping"
KLIPING = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "scraper"]


def kliping(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`kliping ARGS` from the repository root, text output captured."""
    return subprocess.run([*KLIPING, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=REPO)  # fmt: skip


def stored_count(db: Path) -> int:
    """Rows in the store, read-only; 0 while it does not exist yet or is busy."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@lru_cache(maxsize=2)
def gzip_bomb(size: int = 4 * 2**30) -> bytes:
    """A valid gzip stream that inflates to `size` zero bytes (a whole number of MiB, at least
    two), built in milliseconds: deflate blocks of one MiB each, identical after a full flush."""
    mib = bytes(2**20)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.flush(zlib.Z_FINISH)[:-8]  # the last (empty) block, without the trailer
    crc = 0
    for _ in range(size // 2**20):
        crc = zlib.crc32(mib, crc)
    trailer = crc.to_bytes(4, "little") + (size % 2**32).to_bytes(4, "little")
    return first + block * (size // 2**20 - 1) + tail + trailer
