"""Scrapy's scheduler on the shared frontier (`SCHEDULER` when `KLIPING_FRONTIER` is set).

Every request of the pass goes through Redis (scraper/frontier/queue.py): queued once per pass
by its fingerprint, taken by one worker under a lease, acked when its worker is done with it:
its callback or errback has run to the end and every item it gave has left the pipelines (stored,
dropped or failed). A retry or a redirect of a taken request goes back to the queue under the
same job, so any worker may take it. A job taken by a worker that dies is never acked: its lease
runs out and another worker, or the next pass, takes it again; one whose article is stored
meanwhile is acked unfetched (`spider.already_done`).
"""

from __future__ import annotations

import os
import pickle
import socket
import uuid
import zlib
from dataclasses import dataclass

from scrapy import Request, signals
from scrapy.core.scheduler import BaseScheduler
from twisted.internet import task
from twisted.python.failure import Failure

from .config import connect, parse_frontier_url
from .lost import guarded
from .queue import SharedQueue

POLL = 0.5  # seconds between looks at the shared queue when this worker has nothing to do
JOB = "kliping_job"  # request.meta: the frontier key of the job a request belongs to


@dataclass
class _Job:
    processing: bool = False  # the callback/errback has started: what it yields is new work
    items: int = 0  # items given and not yet out of the pipelines
    ended: bool = False  # the callback/errback has run to the end


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class FrontierScheduler(BaseScheduler):
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.config = parse_frontier_url(crawler.settings.get("KLIPING_FRONTIER"))
        self.jobs: dict[bytes, _Job] = {}
        # Requests taken and not yet fetched: no more than the site lets start soon, or one
        # worker would hoard the queue while its requests wait for the site's token.
        self.hold = 2 * max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        self.queue: SharedQueue | None = None
        self._heartbeat: task.LoopingCall | None = None
        self._poke: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler) -> FrontierScheduler:
        scheduler = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(scheduler._item_done, signal=signal)
        return scheduler

    # --- the scheduler interface --------------------------------------------------------------

    def open(self, spider) -> None:
        self.spider = spider
        client = connect(self.config)
        self.queue = SharedQueue(client, self.config.prefix, spider.name, worker_name(),
                                 self.config.lease)  # fmt: skip
        if self.queue.begin():
            self.stats.inc_value("frontier/passes_begun")
        self._heartbeat = task.LoopingCall(self._renew)
        self._heartbeat.start(self.config.lease / 3, now=False)
        self._poke = task.LoopingCall(self._ask_engine)
        self._poke.start(POLL, now=False)

    @guarded(None)
    def close(self, reason: str) -> None:
        for loop in (self._heartbeat, self._poke):
            if loop and loop.running:
                loop.stop()
        if self.queue:
            unfinished = [key for key, job in self.jobs.items() if not job.processing]
            self.queue.release(unfinished)  # taken, not yet fetched: back at once
            self.queue.leave()

    @guarded(False)
    def has_pending_requests(self) -> bool:
        return self.queue.pending() > 0

    @guarded(False)
    def enqueue_request(self, request: Request) -> bool:
        _unwrap(request)
        key = request.meta.get(JOB)
        job = self.jobs.get(key) if key else None
        if job is not None and not job.processing:  # a retry or redirect of a job in hand
            del self.jobs[key]
            self.queue.requeue(key, self._encode(request), -request.priority)
            self.stats.inc_value("frontier/requeued")
            return True
        key = self.crawler.request_fingerprinter.fingerprint(request)[:12]
        request.meta[JOB] = key
        if request.meta.get("is_start_request"):  # any worker may fetch it: health knows
            self.stats.inc_value("frontier/sources_shared")
        if self.queue.push(key, self._encode(request), -request.priority):
            self.stats.inc_value("frontier/enqueued")
            return True
        self.stats.inc_value("frontier/seen")  # met by this or another worker in this pass
        return False

    @guarded(None)
    def next_request(self) -> Request | None:
        if sum(not job.processing for job in self.jobs.values()) >= self.hold:
            return None  # asked again when one of them is done
        while (popped := self.queue.pop()) is not None:
            if popped.requeued:
                self.stats.inc_value("frontier/leases_expired", popped.requeued)
            request = self._decode(popped.payload)
            request.meta[JOB] = popped.key
            done = getattr(self.spider, "already_done", None)
            if done and done(request):  # stored by a worker that died before its ack
                self.queue.ack(popped.key)
                self.stats.inc_value("frontier/already_done")
                continue
            self.jobs[popped.key] = _Job()
            self._wrap(request, popped.key)
            self.stats.inc_value("frontier/taken")
            return request
        return None

    # --- when a job is done -------------------------------------------------------------------

    def _wrap(self, request: Request, key: bytes) -> None:
        """Route the request's callback and errback through the job's bookkeeping."""
        callback = request.callback or self.spider.parse
        errback = request.errback

        def on_response(response, **kwargs):
            self.jobs[key].processing = True
            return self._follow(key, lambda: callback(response, **kwargs))

        def on_failure(failure: Failure):
            self.jobs[key].processing = True
            if errback is None:
                self._ended(key)
                return failure
            return self._follow(key, lambda: errback(failure))

        on_response.__wrapped__ = request.callback  # restored before the request is queued
        on_failure.__wrapped__ = request.errback
        request.callback, request.errback = on_response, on_failure

    def _follow(self, key: bytes, call):
        """Run the callback and pass its output on; the job ends after its last element, or
        when it raised (a bug: taking the job again would not help)."""
        try:
            output = call()
            if isinstance(output, Failure):  # an errback that did not silence the failure
                output.raiseException()
            for element in output or ():
                if not isinstance(element, Request) and element is not None:
                    self.jobs[key].items += 1
                yield element
        except GeneratorExit:  # closed unfinished (the spider stopping): left to the lease
            raise
        except BaseException:
            self._ended(key)
            raise
        self._ended(key)

    def _ended(self, key: bytes) -> None:
        job = self.jobs.get(key)
        if job is not None:
            job.ended = True
            self._maybe_ack(key, job)

    def _item_done(self, item, response, **kwargs) -> None:
        request = getattr(response, "request", None)
        key = request.meta.get(JOB) if request is not None else None
        job = self.jobs.get(key) if key else None
        if job is not None:
            job.items -= 1
            self._maybe_ack(key, job)

    @guarded(None)
    def _maybe_ack(self, key: bytes, job: _Job) -> None:
        if job.ended and job.items <= 0:
            del self.jobs[key]
            self.queue.ack(key)

    def _ask_engine(self) -> None:
        """Other workers queue requests too, and Scrapy asks an idle scheduler only every 5 s:
        ask it to ask now (the engine's own wake-up call, the one a new request makes)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    @guarded(None)
    def _renew(self) -> None:
        self.queue.renew(list(self.jobs))

    # --- requests to bytes and back -----------------------------------------------------------

    def _encode(self, request: Request) -> bytes:
        record = request.to_dict(spider=self.spider)
        return zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)

    def _decode(self, payload: bytes) -> Request:
        from scrapy.utils.request import request_from_dict

        return request_from_dict(pickle.loads(zlib.decompress(payload)), spider=self.spider)


def _unwrap(request: Request) -> None:
    """A copy of a taken request (a retry) carries the wrappers: give it back the spider's
    own methods, which are what a queued request names."""
    for name in ("callback", "errback"):
        function = getattr(request, name)
        if hasattr(function, "__wrapped__"):
            setattr(request, name, function.__wrapped__)
