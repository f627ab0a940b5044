"""mediapesan: discovery only; its sources and URL rules are data in cleaners/sites/mediapesan.py."""

from cleaners.sites import mediapesan

from .base import OutletSpider


class MediapesanSpider(OutletSpider):
    name = "mediapesan"
    site = mediapesan.SITE
