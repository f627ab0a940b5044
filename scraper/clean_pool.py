"""Cleaning in worker processes, for the commands that clean many pages (`kliping import`,
`kliping reclean`): the caller reads and writes the store, the workers only clean.

Jobs go out in batches (one pickling round trip per batch, not per page), results come back in
submission order, and at most `in_flight` batches per worker are out at once: memory stays flat
whatever the size of the archive or the store. With one worker the jobs run inline, in the
calling process, with no pool at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

DEFAULT_BATCH = 16  # jobs per round trip: a page is ~4 ms of cleaning, a round trip ~0.3 ms


def _run_batch(work: Callable[[Any], Any], jobs: list[Any]) -> list[Any]:
    return [work(job) for job in jobs]


class CleanPool:
    """`work(job)` over the submitted jobs in `workers` processes. `work` must be a module-level
    function (it is pickled to the workers); so must the jobs and their results."""

    def __init__(
        self,
        workers: int,
        work: Callable[[Any], Any],
        *,
        batch: int = DEFAULT_BATCH,
        in_flight: int = 2,
    ) -> None:
        self.workers = max(1, workers)
        self.work = work
        self.batch = max(1, batch)
        self._limit = max(1, in_flight) * self.workers  # batches out at once
        self._filling: list[Any] = []
        self._pending: deque = deque()  # futures of sent batches, oldest first
        self._done: deque = deque()  # results not yet taken, in submission order
        self._executor = None
        if self.workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(self.workers)

    def submit(self, job: Any) -> None:
        if self._executor is None:
            self._done.append(self.work(job))
            return
        self._filling.append(job)
        if len(self._filling) >= self.batch:
            self._send()
        while self._pending and self._pending[0].done():
            self._done.extend(self._pending.popleft().result())

    def _send(self) -> None:
        self._pending.append(self._executor.submit(_run_batch, self.work, self._filling))
        self._filling = []
        while len(self._pending) > self._limit:  # wait for the oldest: the bound on memory
            self._done.extend(self._pending.popleft().result())

    def ready(self) -> Iterator[Any]:
        """The results finished so far, in submission order (never waits)."""
        while self._done:
            yield self._done.popleft()

    def drain(self) -> Iterator[Any]:
        """Every remaining result, in submission order, waiting for the workers."""
        if self._filling:
            self._send()
        while self._pending:
            self._done.extend(self._pending.popleft().result())
        yield from self.ready()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> CleanPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
