"""detik: discovery only; its sources and URL rules are data in cleaners/sites/detik.py."""

from cleaners.sites import detik

from .base import OutletSpider


class DetikSpider(OutletSpider):
    name = "detik"
    site = detik.SITE
