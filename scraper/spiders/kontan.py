"""kontan: discovery only; its sources and URL rules are data in cleaners/sites/kontan.py."""

from cleaners.sites import kontan

from .base import OutletSpider


class KontanSpider(OutletSpider):
    name = "kontan"
    site = kontan.SITE
