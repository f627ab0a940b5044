"""When Redis goes away mid-pass: the outlet's crawl stops at once, saying why, instead of
retrying forever. Nothing is lost: the store holds what was stored, and the next pass (on the
same Redis come back, or an empty one) takes up the rest. `kliping crawl` then exits 7."""

from __future__ import annotations

import asyncio
import functools
import logging

import redis

LOST = "frontier_lost"  # the finish reason of a crawl whose frontier went away
log = logging.getLogger(__name__)
_closing: set[asyncio.Future] = set()  # keep the close tasks alive until they are done


def stop_crawl(crawler, error: Exception) -> None:
    """Close the crawler's spider with reason LOST, once."""
    if crawler.stats.get_value("frontier/lost"):
        return
    reason = " ".join(str(error).split()) or type(error).__name__
    crawler.stats.set_value("frontier/lost", reason)
    log.error("the frontier's Redis went away (%s): stopping; what is stored is kept", reason)
    future = asyncio.ensure_future(crawler.engine.close_spider_async(reason=LOST))
    _closing.add(future)
    future.add_done_callback(_closing.discard)


def guarded(default):
    """A method of an object with a `crawler` that talks to Redis: a Redis error stops the
    crawl (stop_crawl) and the method gives `default`."""

    def wrap(method):
        @functools.wraps(method)
        def inner(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except redis.RedisError as error:
                stop_crawl(self.crawler, error)
                return default

        return inner

    return wrap
