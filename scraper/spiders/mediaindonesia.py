"""mediaindonesia: discovery only; its sources and URL rules are data in cleaners/sites/mediaindonesia.py."""

from cleaners.sites import mediaindonesia

from .base import OutletSpider


class MediaindonesiaSpider(OutletSpider):
    name = "mediaindonesia"
    site = mediaindonesia.SITE
