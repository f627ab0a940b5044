"""The shared frontier: many `kliping crawl` workers, on any machines, share one pass through
Redis (`--frontier redis://HOST:PORT/DB`).

Per outlet: one reliable request queue (a taken request stays in an in-flight set under a lease
until its worker is done with it; a dead worker's leases run out and its requests go back to the
queue), one seen-set per pass, and a per-site limiter (delay and concurrency across workers).
Modules: ``config`` (the URL, the connection), ``queue`` (the Redis structures and their Lua
scripts), ``scheduler`` (Scrapy's scheduler on that queue), ``politeness`` (the shared limiter,
a downloader middleware). Why not scrapy-redis: the README's "Many workers" section.
"""

from .config import FrontierConfig, FrontierError, connect, parse_frontier_url

__all__ = ["FrontierConfig", "FrontierError", "connect", "parse_frontier_url"]
