"""suara: discovery only; its sources and URL rules are data in cleaners/sites/suara.py."""

from cleaners.sites import suara

from .base import OutletSpider


class SuaraSpider(OutletSpider):
    name = "suara"
    site = suara.SITE
