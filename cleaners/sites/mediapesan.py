"""mediapesan: an Indonesian WordPress news theme. The domain is [presumed]; change it here."""

from ..rules import Kind, rule
from .wordpress import wordpress_site

DOMAIN = "mediapesan.com"

SITE = wordpress_site(
    "mediapesan",
    DOMAIN,
    publication="Mediapesan",
    byline=("div.reporter", "span.reporter", "p.reporter", "div.byline"),
    dateline=r"[A-Z][A-Z .,'-]{1,40}\s?\|\s?MEDIAPESAN",
    rules=(rule(r"^Reporter\s+(?P<authors>[A-Z][\w.' -]{1,60})$", Kind.META),),
)
