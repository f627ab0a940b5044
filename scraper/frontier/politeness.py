"""Politeness across workers: Scrapy's per-site slots live in one process, so with a shared
frontier each site also gets a limiter in Redis. Before a request leaves any worker it takes a
token for its host: at most CONCURRENT_REQUESTS_PER_DOMAIN requests to a host at once across all
workers, and at least DOWNLOAD_DELAY seconds between the starts of two of them. A token is a
lease (it runs out if its worker dies); it is given back when the response or the error comes.
The local slots still apply on top (AutoThrottle's slowing down, the jitter).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from urllib.parse import urlsplit

import redis
from scrapy.exceptions import IgnoreRequest, NotConfigured

from .config import connect, parse_frontier_url
from .lost import guarded, stop_crawl

_ACQUIRE = """
local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(10, math.min(50, tonumber(first[2]) - now))
end
local after = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < after then return after - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], now + tonumber(ARGV[3]), 'PX', tonumber(ARGV[3]) + 1000)
end
return 0
"""  # KEYS: holders next; ARGV: token limit delay_ms lease_ms -> ms to wait, 0 when taken

TOKEN = "kliping_site_token"  # request.meta: the token this request holds
WAIT_STAT = "frontier/politeness_wait_ms"


class SharedPoliteness:
    """A downloader middleware, next to the download handler (so retries and redirects each
    take a token, robots.txt included)."""

    def __init__(self, crawler) -> None:
        url = crawler.settings.get("KLIPING_FRONTIER")
        if not url:
            raise NotConfigured
        config = parse_frontier_url(url)
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.prefix = config.prefix
        self.limit = max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        self.delay_ms = int(settings.getfloat("DOWNLOAD_DELAY") * 1000)
        # A download may take DOWNLOAD_TIMEOUT, retries apart; the token outlives it a little.
        self.lease_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + 30) * 1000)
        self.redis = connect(config)
        self._acquire = self.redis.register_script(_ACQUIRE)
        self._name = f"{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._count = 0

    @classmethod
    def from_crawler(cls, crawler) -> SharedPoliteness:
        return cls(crawler)

    def _keys(self, url: str) -> list[str]:
        host = (urlsplit(url).hostname or "").lower()
        return [f"{self.prefix}:site:{host}:holders", f"{self.prefix}:site:{host}:next"]

    async def process_request(self, request) -> None:
        self._count += 1
        token = f"{self._name}:{self._count}"
        keys = self._keys(request.url)
        waited = 0
        try:
            while wait := self._acquire(keys, [token, self.limit, self.delay_ms, self.lease_ms]):
                waited += int(wait)
                await asyncio.sleep(int(wait) / 1000)
        except redis.RedisError as error:  # no fetch without the site's token
            stop_crawl(self.crawler, error)
            raise IgnoreRequest(f"the frontier's Redis went away: {error}") from None
        if waited:
            self.stats.inc_value(WAIT_STAT, waited)
        request.meta[TOKEN] = token

    @guarded(None)
    def _give_back(self, request) -> None:
        token = request.meta.pop(TOKEN, None)
        if token:
            self.redis.zrem(self._keys(request.url)[0], token)

    def process_response(self, request, response):
        self._give_back(request)
        return response

    def process_exception(self, request, exception) -> None:
        self._give_back(request)
