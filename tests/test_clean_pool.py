"""The one pool that cleans in worker processes (import, reclean): results in submission order,
inline with one worker or through real processes with several, batches bounded."""

from __future__ import annotations

from scraper.clean_pool import CleanPool


def _square(x: int) -> int:
    return x * x


def test_the_pool_gives_results_in_submission_order_inline_or_in_processes():
    for workers in (1, 2):
        got = []
        with CleanPool(workers, _square, batch=3, in_flight=1) as pool:
            for x in range(50):
                pool.submit(x)
                assert len(pool._pending) <= workers  # in flight: one batch per worker
                got.extend(pool.ready())
            got.extend(pool.drain())
        assert got == [x * x for x in range(50)]
