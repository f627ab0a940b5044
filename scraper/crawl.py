"""Run a crawl pass in this process: the outlets' spiders side by side, one summary at the end."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .health import outlet_health

COUNTERS = ("discovered", "new", "already", "site", "generic", "failed")


@dataclass
class OutletReport:
    """What one pass did for one outlet."""

    outlet: str
    discovered: int = 0
    new: int = 0
    already: int = 0
    site: int = 0
    generic: int = 0
    failed: int = 0
    status_counts: dict[int, int] = field(default_factory=dict)
    sources_ok: int = 0
    sources_failed: int = 0
    sources_shared: int = 0  # handed to a shared frontier: whichever worker takes one fetches it
    challenges: int = 0  # challenge pages served instead of articles
    degraded: int = 0  # articles that look drifted (see scraper.health)
    no_article: int = 0  # pages in which the cleaners found no article
    finish_reason: str = ""
    health: str = ""
    health_reason: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def report_from_stats(outlet: str, stats: dict) -> OutletReport:
    get = lambda key: int(stats.get(f"kliping/{key}", 0))  # noqa: E731
    prefix = "downloader/response_status_count/"
    return OutletReport(
        outlet=outlet,
        discovered=get("discovered"),
        new=get("stored/new"),
        already=get("already"),
        site=get("cleaned/site"),
        generic=get("cleaned/generic"),
        failed=get("failed"),
        status_counts={int(k[len(prefix) :]): v for k, v in stats.items() if k.startswith(prefix)},
        sources_ok=get("sources/ok"),
        sources_failed=get("sources/failed") + get("sources/bad"),
        sources_shared=int(stats.get("frontier/sources_shared", 0)),
        challenges=get("challenge"),
        degraded=get("degraded"),
        no_article=get("no_article"),
        finish_reason=str(stats.get("finish_reason", "")),
    )


def crawl_settings(db: Path, mirror: str | None, max_articles: int, since: str | None,
                   log_file: Path | None, run_id: int = 0, extra: dict | None = None):  # fmt: skip
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    settings.set("KLIPING_DB", str(db), priority="cmdline")
    settings.set("KLIPING_MIRROR", mirror, priority="cmdline")
    settings.set("KLIPING_MAX_ARTICLES", max_articles, priority="cmdline")
    settings.set("KLIPING_SINCE", since, priority="cmdline")
    settings.set("KLIPING_RUN_ID", run_id, priority="cmdline")
    if log_file:
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
        settings.set("LOG_FILE_APPEND", True, priority="cmdline")
    for key, value in (extra or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    outlets: Sequence[str],
    settings,
    progress: Callable[[list[OutletReport]], None] | None = None,
) -> list[OutletReport]:
    """Crawl `outlets` with `settings` (see crawl_settings) until done; the reports per outlet."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiderloader import SpiderLoader

    loader = SpiderLoader.from_settings(settings)
    process = CrawlerProcess(settings)
    crawlers = []
    for outlet in outlets:
        crawler = process.create_crawler(loader.load(outlet))
        crawlers.append((outlet, crawler))
        process.crawl(crawler)

    def reports() -> list[OutletReport]:
        return [report_from_stats(o, c.stats.get_stats()) for o, c in crawlers]

    if progress:
        from twisted.internet import task

        ticker = task.LoopingCall(lambda: progress(reports()))
        ticker.start(1.0, now=False)
    process.start()
    final = reports()
    for report in final:
        health = outlet_health(report)
        report.health, report.health_reason = health.status, health.reason
    return final


class ProgressLine:
    """One status line, rewritten in place on a terminal only: per outlet what is new, found
    and failed, and an estimate of the time left from the pace so far (discovery goes on while
    articles are fetched, so the estimate grows when more is found)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()

    def __call__(self, reports: list[OutletReport]) -> None:
        if not self.stream.isatty():
            return
        parts = [f"{r.outlet} {r.new} new/{r.discovered} found" + (f" {r.failed} failed"
                 if r.failed else "") for r in reports]  # fmt: skip
        self.stream.write("\r\033[K" + " | ".join(parts) + self.eta(reports))
        self.stream.flush()

    def eta(self, reports: list[OutletReport]) -> str:
        done = sum(r.new + r.already + r.failed for r in reports)
        left = sum(r.discovered for r in reports) - done
        elapsed = time.monotonic() - self.started
        if done == 0 or left <= 0 or elapsed < 1:
            return ""
        seconds = int(left * elapsed / done)
        minutes, secs = divmod(seconds, 60)
        return f" | ETA {minutes}m{secs:02d}s" if minutes else f" | ETA {secs}s"


def summary_table(reports: list[OutletReport]) -> str:
    header = f"{'outlet':<12}" + "".join(f"{c:>11}" for c in COUNTERS) + "  health"
    rows = [f"{r.outlet:<12}" + "".join(f"{getattr(r, c):>11}" for c in COUNTERS)
            + f"  {r.health}: {r.health_reason}" for r in reports]  # fmt: skip
    total = f"{'total':<12}" + "".join(
        f"{sum(getattr(r, c) for r in reports):>11}" for c in COUNTERS
    )
    return "\n".join([header, *rows, total])
