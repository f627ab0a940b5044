"""The kliping add-on: settings that depend on other settings, applied before Scrapy starts."""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import urlsplit


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


class Kliping:
    """A shared frontier puts the scheduler in Redis. A mirror on this machine is not a site to
    be polite to: the delays go, the limits stay."""

    def update_settings(self, settings) -> None:
        if settings.get("KLIPING_FRONTIER"):  # the queue and the seen-set in Redis
            settings.set("SCHEDULER", "scraper.frontier.scheduler.FrontierScheduler",
                         priority="spider")  # fmt: skip
        mirror = settings.get("KLIPING_MIRROR")
        if mirror and is_loopback(mirror):
            settings.set("DOWNLOAD_DELAY", 0, priority="spider")
            settings.set("DOWNLOAD_DELAY_JITTER", 0, priority="spider")
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
            settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 8, priority="spider")
            settings.set("CONCURRENT_REQUESTS", 32, priority="spider")
