"""One outlet's share of the frontier in Redis: a reliable request queue, the pass's seen-set and
the workers on it. Every step that reads and writes is one Lua script, so it is atomic across
workers, and every clock is Redis's own (`TIME`), so machines' clocks need not agree.

Keys, under `PREFIX:OUTLET:`
  queue     sorted set: job key -> score (-priority; requeued jobs first)
  data      hash: job key -> the request, pickled and compressed (queued and in-flight jobs)
  inflight  sorted set: job key -> lease deadline (ms); a taken job stays here until acked
  seen      set: job keys met in this pass (cleared when a pass begins)
  workers   sorted set: worker id -> heartbeat deadline (ms)

A pass begins when a worker arrives and no live worker is on the outlet: the seen-set is cleared
(so articles that failed last time are tried again; stored ones the spider skips by the store)
and the in-flight jobs of dead workers go back to the queue. Within a pass, a job whose lease ran
out (its worker died) goes back to the queue when any worker next takes one.
"""

from __future__ import annotations

from dataclasses import dataclass

REQUEUED_SCORE = -1e9  # a dead worker's job goes to the front: it was taken long ago

_NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)\n"

_BEGIN = (
    _NOW
    + """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local fresh = 0
if redis.call('ZCARD', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[2])
  for _, k in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
    redis.call('ZADD', KEYS[4], ARGV[3], k)
  end
  redis.call('DEL', KEYS[3])
  fresh = 1
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return fresh
"""
)  # KEYS: workers seen inflight queue; ARGV: worker ttl_ms requeued_score

_PUSH = """
if ARGV[4] == '1' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
"""  # KEYS: seen data queue; ARGV: key payload score check_seen

_REQUEUE = """
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
"""  # KEYS: data inflight queue; ARGV: key payload score

_POP = (
    _NOW
    + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 1000)
for _, k in ipairs(expired) do
  redis.call('ZREM', KEYS[1], k)
  redis.call('ZADD', KEYS[2], ARGV[2], k)
end
while true do
  local got = redis.call('ZPOPMIN', KEYS[2])
  if #got == 0 then return {#expired} end
  local payload = redis.call('HGET', KEYS[3], got[1])
  if payload then
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), got[1])
    return {#expired, got[1], payload}
  end
end
"""
)  # KEYS: inflight queue data; ARGV: lease_ms requeued_score

_ACK = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
"""  # KEYS: inflight data; ARGV: key

_RELEASE = """
for i = 2, #ARGV do
  if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then redis.call('ZADD', KEYS[2], ARGV[1], ARGV[i]) end
end
return 1
"""  # KEYS: inflight queue; ARGV: score key...

_RENEW = (
    _NOW
    + """
local deadline = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], deadline, ARGV[1])
for i = 3, #ARGV do redis.call('ZADD', KEYS[2], 'XX', deadline, ARGV[i]) end
return 1
"""
)  # KEYS: workers inflight; ARGV: worker ttl_ms key...

_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[2]) == 0
    and redis.call('ZCARD', KEYS[3]) == 0 then
  redis.call('DEL', KEYS[4])
end
return 1
"""  # KEYS: workers queue inflight seen; ARGV: worker


@dataclass
class Popped:
    key: bytes
    payload: bytes
    requeued: int  # expired leases put back in the queue by this pop


class SharedQueue:
    """The Redis side of one outlet's frontier; `worker` names this process among the workers."""

    def __init__(self, client, prefix: str, outlet: str, worker: str, lease: float) -> None:
        self.redis = client
        self.worker = worker
        self.lease_ms = int(lease * 1000)
        base = f"{prefix}:{outlet}:"
        self.queue, self.data, self.inflight = base + "queue", base + "data", base + "inflight"
        self.seen, self.workers = base + "seen", base + "workers"
        self._begin = client.register_script(_BEGIN)
        self._push = client.register_script(_PUSH)
        self._requeue = client.register_script(_REQUEUE)
        self._pop = client.register_script(_POP)
        self._ack = client.register_script(_ACK)
        self._release = client.register_script(_RELEASE)
        self._renew = client.register_script(_RENEW)
        self._leave = client.register_script(_LEAVE)

    def begin(self) -> bool:
        """Join the outlet's workers; True when this begins a new pass."""
        keys = [self.workers, self.seen, self.inflight, self.queue]
        return bool(self._begin(keys, [self.worker, self.lease_ms, REQUEUED_SCORE]))

    def push(self, key: bytes, payload: bytes, score: float, *, check_seen: bool = True) -> bool:
        """Queue a job unless its key was met in this pass or is queued or taken already."""
        args = [key, payload, score, "1" if check_seen else "0"]
        return bool(self._push([self.seen, self.data, self.queue], args))

    def requeue(self, key: bytes, payload: bytes, score: float) -> None:
        """A taken job goes back to the queue with a new request (a retry, a redirect)."""
        self._requeue([self.data, self.inflight, self.queue], [key, payload, score])

    def pop(self) -> Popped | None:
        """Take the next job under a lease, after putting expired leases back in the queue."""
        got = self._pop([self.inflight, self.queue, self.data], [self.lease_ms, REQUEUED_SCORE])
        return Popped(got[1], got[2], int(got[0])) if len(got) == 3 else None

    def ack(self, key: bytes) -> None:
        """The job is done: it leaves the frontier (its key stays seen for the pass)."""
        self._ack([self.inflight, self.data], [key])

    def release(self, keys: list[bytes]) -> None:
        """Jobs this worker took but will not finish (it is stopping) go back at once."""
        if keys:
            self._release([self.inflight, self.queue], [REQUEUED_SCORE, *keys])

    def renew(self, keys: list[bytes]) -> None:
        """The heartbeat: this worker is alive and still holds `keys`."""
        self._renew([self.workers, self.inflight], [self.worker, self.lease_ms, *keys])

    def leave(self) -> None:
        """Leave the workers; the last one out of a finished pass drops the seen-set."""
        self._leave([self.workers, self.queue, self.inflight, self.seen], [self.worker])

    def pending(self) -> int:
        """Jobs queued or taken by any worker."""
        with self.redis.pipeline(transaction=False) as pipe:
            pipe.zcard(self.queue)
            pipe.zcard(self.inflight)
            queued, taken = pipe.execute()
        return queued + taken

    def counts(self) -> dict[str, int]:
        with self.redis.pipeline(transaction=False) as pipe:
            for key in (self.queue, self.inflight, self.seen, self.workers):
                pipe.execute_command("ZCARD" if key != self.seen else "SCARD", key)
            queued, taken, seen, workers = pipe.execute()
        return {"queued": queued, "inflight": taken, "seen": seen, "workers": workers}
