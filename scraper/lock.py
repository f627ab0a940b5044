"""One crawl at a time per store: an advisory lock beside the database file.

`flock` is released by the kernel when the holder dies, SIGKILL included, so a killed crawl never
leaves a stale lock behind. The cron line in the README takes the same lock file with flock(1).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .store.postgres_url import is_postgres_url


class Locked(Exception):
    """Another process holds the lock; the message names it."""


class StoreLock:
    """The lock of a SQLite store. A PostgreSQL store has none: several workers share it by
    design (each URL is written under its own advisory lock), so acquiring it always succeeds."""

    def __init__(self, db: str | Path) -> None:
        self.shared = is_postgres_url(db)
        self.path = Path(f"{db}.lock")
        self._fd: int | None = None

    def acquire(self) -> StoreLock:
        if self.shared:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise Locked(f"another crawl (pid {holder}) is running on this store; "
                         f"lock file {self.path}") from None  # fmt: skip
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
