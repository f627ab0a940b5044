"""antaranews: discovery only; its sources and URL rules are data in cleaners/sites/antaranews.py."""

from cleaners.sites import antaranews

from .base import OutletSpider


class AntaranewsSpider(OutletSpider):
    name = "antaranews"
    site = antaranews.SITE
