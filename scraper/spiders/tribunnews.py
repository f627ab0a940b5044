"""tribunnews: discovery only; its sources and URL rules are data in cleaners/sites/tribunnews.py."""

from cleaners.sites import tribunnews

from .base import OutletSpider


class TribunnewsSpider(OutletSpider):
    name = "tribunnews"
    site = tribunnews.SITE
