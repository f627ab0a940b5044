"""viva: discovery only; its sources and URL rules are data in cleaners/sites/viva.py."""

from cleaners.sites import viva

from .base import OutletSpider


class VivaSpider(OutletSpider):
    name = "viva"
    site = viva.SITE
