"""patrazone.com: presumed a WordPress news theme, like mediapesan. [presumed]"""

from .wordpress import wordpress_site

DOMAIN = "patrazone.com"

SITE = wordpress_site(
    "patrazone", DOMAIN, publication="Patrazone.com", dateline=r"Patrazone\.com\s?[-–—]"
)
