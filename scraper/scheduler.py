"""The scheduler of every pass: Scrapy's own, with its request queue on disk even without JOBDIR.

Discovery yields every article of a sitemap at once, so a first pass over an outlet holds one
queued request per new article; in memory those cost about 1 KB each (bench/RESULTS.md). On disk
(Scrapy's `SCHEDULER_DISK_QUEUE`, pickled) the pass's memory stays flat in N. The folder is the
pass's own, under the system's temporary folder, and is removed when the pass closes; with
`JOBDIR` set (a resumable crawl) Scrapy's own behaviour is kept.
"""

from __future__ import annotations

import shutil
import tempfile

from scrapy.core.scheduler import Scheduler


class DiskQueueScheduler(Scheduler):
    _private: str | None = None  # the pass's own queue folder, removed on close

    def _dqdir(self, jobdir: str | None) -> str | None:
        if jobdir:
            return super()._dqdir(jobdir)
        self._private = tempfile.mkdtemp(prefix="kliping-queue-")
        return self._private

    def close(self, reason: str):
        try:
            return super().close(reason)
        finally:
            if self._private:
                shutil.rmtree(self._private, ignore_errors=True)
