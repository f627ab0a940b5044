"""republika: discovery only; its sources and URL rules are data in cleaners/sites/republika.py."""

from cleaners.sites import republika

from .base import OutletSpider


class RepublikaSpider(OutletSpider):
    name = "republika"
    site = republika.SITE
