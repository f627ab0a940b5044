"""liputan6: discovery only; its sources and URL rules are data in cleaners/sites/liputan6.py."""

from cleaners.sites import liputan6

from .base import OutletSpider


class Liputan6Spider(OutletSpider):
    name = "liputan6"
    site = liputan6.SITE
