"""Spiders are built from the outlet registry: one per Site, found by Scrapy's own loader."""

from __future__ import annotations

import subprocess
import sys

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from cleaners import SITES
from cleaners.site import PAGE_LINKS
from scraper.spiders.base import OutletSpider


def test_every_outlet_has_its_spider():
    loader = SpiderLoader.from_settings(get_project_settings())
    assert sorted(loader.list()) == sorted(site.name for site in SITES)
    for site in SITES:
        spider = loader.load(site.name)
        assert issubclass(spider, OutletSpider) and spider.site is site


def test_scrapy_list_names_every_outlet():
    out = subprocess.run([sys.executable, "-m", "scrapy", "list"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert out.split() == sorted(site.name for site in SITES)


def test_new_site_fields_are_optional():
    site = next(iter(SITES))
    bare = type(site)(name="x", hosts=("x.id",), home="https://x.id/")
    assert bare.publication_name == "x" and not bare.news_sitemap_children
    assert bare.page_links == PAGE_LINKS and bare.date_meta == () and bare.page_param == "page"
