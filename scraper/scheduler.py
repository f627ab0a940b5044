"""The scheduler of every pass: Scrapy's own, with its request queue on disk even without JOBDIR.

Discovery yields every article of a sitemap at once, so a first pass over an outlet holds one
queued request per new article; in memory those cost about 1 KB each (bench/RESULTS.md). On disk
(Scrapy's `SCHEDULER_DISK_QUEUE`, pickled) the pass's memory stays flat in N. The folder is the
pass's own, under the system's temporary folder, and is removed when the pass closes; with
`JOBDIR` set (a resumable crawl) Scrapy's own behaviour is kept.

A pass killed with SIGKILL cannot remove its folder, so the folder's name carries the pid of the
process that made it (`kliping-queue-<pid>-<random>`) and every pass, before making its own,
removes the folders of pids that no longer run. A folder whose pid was reused by a live process
waits for a later pass; a live process's folder is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from scrapy.core.scheduler import Scheduler

PREFIX = "kliping-queue-"
_NAME = re.compile(rf"{PREFIX}(\d+)-[^/]+")


def pid_running(pid: int) -> bool:
    """True while `pid` is a live process (a zombie, killed but not yet reaped, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def sweep_dead_queues(root: str | Path | None = None) -> list[Path]:
    """Remove the queue folders of passes whose process is gone; the folders removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        match = _NAME.fullmatch(folder.name)
        if match and folder.is_dir() and not pid_running(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def queue_folder() -> str:
    """A new queue folder of this process's own, after sweeping those of dead passes."""
    sweep_dead_queues()
    return tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")


class DiskQueueScheduler(Scheduler):
    _private: str | None = None  # the pass's own queue folder, removed on close

    def _dqdir(self, jobdir: str | None) -> str | None:
        if jobdir:
            return super()._dqdir(jobdir)
        self._private = queue_folder()
        return self._private

    def close(self, reason: str):
        try:
            return super().close(reason)
        finally:
            if self._private:
                shutil.rmtree(self._private, ignore_errors=True)
