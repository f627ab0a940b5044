"""One spider per outlet of the registry (`cleaners.sites.SITES`): `scrapy list` shows them,
`scrapy crawl kontan` runs one. A new outlet's site file is all it takes; nothing to add here."""

from __future__ import annotations

import re

from cleaners.site import Site
from cleaners.sites import SITES

from .base import OutletSpider


def spider_for(site: Site) -> type[OutletSpider]:
    """The outlet's spider class, named like the outlet (`kontan` -> `KontanSpider`)."""
    class_name = "".join(p.capitalize() for p in re.split(r"[^0-9A-Za-z]+", site.name)) + "Spider"
    attrs = {"name": site.name, "site": site, "__module__": __name__, "__qualname__": class_name}
    return type(class_name, (OutletSpider,), attrs)


SPIDERS: dict[str, type[OutletSpider]] = {site.name: spider_for(site) for site in SITES}
# Scrapy's spider loader finds the classes that are attributes of this module.
globals().update({cls.__name__: cls for cls in SPIDERS.values()})
