"""Security defaults: the Scrapy settings kliping ships, and robots.txt obeyed for real."""

from __future__ import annotations

import pytest
from hostile_util import HostileMirror, assert_rows_sound, crawl, summary

from scraper import settings
from scraper.crawl import crawl_settings
from scraper.mirror.build import build_mirror


def test_scrapy_settings_are_safe_by_default():
    assert settings.TELNETCONSOLE_ENABLED is False
    assert settings.EXTENSIONS.get("scrapy.extensions.telnet.TelnetConsole", "on") is None
    assert settings.ROBOTSTXT_OBEY is True
    assert settings.DOWNLOAD_MAXSIZE == 10 * 2**20
    assert 0 < settings.DOWNLOAD_TIMEOUT <= 60
    assert settings.COOKIES_ENABLED is False
    assert settings.USER_AGENT.startswith("kliping/") and "http" in settings.USER_AGENT


def test_the_crawl_command_keeps_the_safe_settings(tmp_path):
    # What `kliping crawl` hands Scrapy, mirror or not.
    for mirror in (None, "http://127.0.0.1:8000"):
        built = crawl_settings(tmp_path / "k.db", mirror, 0, None, None)
        assert built.getbool("TELNETCONSOLE_ENABLED") is False
        assert built.getbool("ROBOTSTXT_OBEY") is True
        assert built.getint("DOWNLOAD_MAXSIZE") == 10 * 2**20


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    info = build_mirror(tmp_path_factory.mktemp("mirror"), outlets=["mediapesan"])
    with HostileMirror(info.root) as server:
        yield info, server


def test_robots_txt_disallow_keeps_the_crawler_off_an_article(mirror, tmp_path):
    info, server = mirror
    barred, *allowed = sorted(info.articles)
    path = barred.removeprefix("https://mediapesan.com")
    robots = f"User-agent: *\nDisallow: {path}\nAllow: /\n"
    server.replace("https://mediapesan.com/robots.txt", robots, content_type="text/plain")
    try:
        db = tmp_path / "k.db"
        result = crawl(server.base, db)
    finally:
        server.replace("https://mediapesan.com/robots.txt", None)
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.hits_for(barred) == 0  # never requested
    assert all(server.hits_for(url) == 1 for url in allowed)
    assert {row["url"] for row in assert_rows_sound(db)} == set(allowed)
    assert summary(result.out)["mediapesan"]["new"] == len(allowed)
