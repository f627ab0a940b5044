"""patrazone: discovery only; its sources and URL rules are data in cleaners/sites/patrazone.py."""

from cleaners.sites import patrazone

from .base import OutletSpider


class PatrazoneSpider(OutletSpider):
    name = "patrazone"
    site = patrazone.SITE
