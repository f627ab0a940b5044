"""cnnindonesia: discovery only; its sources and URL rules are data in cleaners/sites/cnnindonesia.py."""

from cleaners.sites import cnnindonesia

from .base import OutletSpider


class CnnIndonesiaSpider(OutletSpider):
    name = "cnnindonesia"
    site = cnnindonesia.SITE
