"""okezone: discovery only; its sources and URL rules are data in cleaners/sites/okezone.py."""

from cleaners.sites import okezone

from .base import OutletSpider


class OkezoneSpider(OutletSpider):
    name = "okezone"
    site = okezone.SITE
