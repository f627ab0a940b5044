"""The registry of outlet cleaners: a new outlet is a new module listed here."""

from __future__ import annotations

from functools import lru_cache

from ..site import Site
from ..urls import canonical_url, host_of, page_number
from . import (
    antaranews,
    cnnindonesia,
    detik,
    kompas,
    kontan,
    liputan6,
    mediaindonesia,
    mediapesan,
    merdeka,
    okezone,
    patrazone,
    republika,
    riau24,
    suara,
    tempo,
    tribunnews,
    viva,
)

SITES: tuple[Site, ...] = tuple(
    m.SITE
    for m in (tribunnews, kontan, riau24, mediapesan, patrazone,
              kompas, detik, cnnindonesia, antaranews, liputan6, tempo,
              okezone, republika, suara, mediaindonesia, viva, merdeka)
)  # fmt: skip
BY_NAME: dict[str, Site] = {site.name: site for site in SITES}


def site_for_url(url: str | None) -> Site | None:
    host = host_of(url)
    return _site_for_host(host) if host else None


@lru_cache(maxsize=4096)
def _site_for_host(host: str) -> Site | None:
    """Asked once a host, not once a page: every outlet's hosts are tried in turn."""
    return next((site for site in SITES if site.owns(host)), None)


def site_named(name: str) -> Site | None:
    """By name (`kontan`) or by a host of the outlet (`kontan.co.id`)."""
    name = name.strip().lower()
    return BY_NAME.get(name) or next((s for s in SITES if s.owns(name)), None)


def article_key(url: str) -> str:
    """The canonical URL of the article a page belongs to, by its outlet's page parameter
    (`page` for a host of no outlet)."""
    site = site_for_url(url)
    return site.article_key(url) if site else canonical_url(url, keep_page=False)


def page_of(url: str) -> str | None:
    """The page number a URL names, by its outlet's page parameter."""
    site = site_for_url(url)
    return site.page_of(url) if site else page_number(url)
