"""riau24: discovery only; its sources and URL rules are data in cleaners/sites/riau24.py."""

from cleaners.sites import riau24

from .base import OutletSpider


class Riau24Spider(OutletSpider):
    name = "riau24"
    site = riau24.SITE
