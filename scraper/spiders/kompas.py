"""kompas: discovery only; its sources and URL rules are data in cleaners/sites/kompas.py."""

from cleaners.sites import kompas

from .base import OutletSpider


class KompasSpider(OutletSpider):
    name = "kompas"
    site = kompas.SITE
