"""tempo: discovery only; its sources and URL rules are data in cleaners/sites/tempo.py."""

from cleaners.sites import tempo

from .base import OutletSpider


class TempoSpider(OutletSpider):
    name = "tempo"
    site = tempo.SITE
