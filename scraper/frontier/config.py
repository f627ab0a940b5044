"""The `--frontier` URL and the connection to its Redis."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_LEASE = 30.0  # seconds a taken request stays leased without a heartbeat


class FrontierError(Exception):
    """A bad frontier URL, or its Redis cannot be reached; the message is one line."""


@dataclass(frozen=True)
class FrontierConfig:
    """`redis_url` as redis-py takes it; `lease` how long a dead worker's requests stay taken;
    `prefix` the key prefix, so two kliping deployments can share one Redis database."""

    redis_url: str
    lease: float = DEFAULT_LEASE
    prefix: str = "kliping"


def parse_frontier_url(url: str) -> FrontierConfig:
    """`redis://[USER:PASSWORD@]HOST[:PORT][/DB][?lease=SECONDS&prefix=NAME]` (or rediss://)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise FrontierError(f"--frontier wants redis://HOST:PORT/DB, not {url!r}")
    try:
        parts.port  # noqa: B018 (a bad port raises here)
    except ValueError:
        raise FrontierError(f"--frontier has a bad port: {url!r}") from None
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise FrontierError(f"--frontier wants a database number after the host, not {db!r}")
    query = dict(parse_qsl(parts.query))
    lease, prefix = query.pop("lease", None), query.pop("prefix", "kliping")
    try:
        seconds = float(lease) if lease is not None else DEFAULT_LEASE
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise FrontierError(f"--frontier lease= wants a number of seconds, not {lease!r}")
    if not prefix or not prefix.replace("-", "").replace("_", "").isalnum():
        raise FrontierError(f"--frontier prefix= wants letters, digits, - or _, not {prefix!r}")
    redis_url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return FrontierConfig(redis_url, seconds, prefix)


def connect(config: FrontierConfig):
    """A redis-py client, checked with PING; FrontierError when Redis does not answer."""
    import redis

    client = redis.Redis.from_url(config.redis_url, socket_connect_timeout=5, socket_timeout=30)
    try:
        client.ping()
    except redis.RedisError as error:
        where = urlsplit(config.redis_url)
        host = f"{where.hostname}:{where.port or 6379}"
        raise FrontierError(f"the frontier's Redis at {host} cannot be reached: {error}") from None
    return client
