"""merdeka: discovery only; its sources and URL rules are data in cleaners/sites/merdeka.py."""

from cleaners.sites import merdeka

from .base import OutletSpider


class MerdekaSpider(OutletSpider):
    name = "merdeka"
    site = merdeka.SITE
