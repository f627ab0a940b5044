"""Canonical article URLs: the key of the store and the `url` of every article."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query keys that say how a reader arrived, not what they read.
TRACKING_KEYS = frozenset(
    {"ct", "m", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "ref_src",
     "source", "src", "amp", "_ga", "igshid", "spm", "from", "utm", "s", "share", "fb_ref",
     "tracking", "traffic_source", "cx_testId", "cx_testVariant"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "ga_", "mtm_", "pk_", "vero_", "hsa_")


def is_tracking(key: str) -> bool:
    low = key.lower()
    return low in TRACKING_KEYS or low.startswith(TRACKING_PREFIXES)


def canonical_url(
    url: str,
    *,
    keep_page: bool = True,
    switch: dict[str, str] | None = None,
    page_key: str = "page",
) -> str:
    """Scheme and host lower-cased, tracking parameters and the fragment dropped; `page=all`
    always dropped (it is the whole article), `page=N` dropped when `keep_page` is false, and
    the outlet's whole-article `switch` (`single=1`) dropped: it names no other article.
    `page_key` is the outlet's page parameter (`Site.page_param`: `page`, tempo's `page_num`)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(k)
        and not (k == page_key and (v == "all" or not keep_page))
        and not (switch and switch.get(k) == v)
    ]
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def host_of(url: str | None) -> str:
    return (urlsplit(url).hostname or "").lower() if url else ""


def page_number(url: str, key: str = "page") -> str | None:
    """The page query value (`2`, `all`) or None; `key` is the outlet's page parameter."""
    return dict(parse_qsl(urlsplit(url).query)).get(key)


def with_query(url: str, **params: str) -> str:
    """`url` with `params` set in its query (other keys kept)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += list(params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# <link rel="canonical" href> and <meta property="og:url" content>, in any attribute order.
_HEAD_TAG = re.compile(r"<(?:link|meta)\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def declared_url(html: str) -> str | None:
    """The URL a page says it lives at (its canonical link, else og:url), if absolute http(s):
    a saved or mirrored page keeps its outlet. Only the head is read."""
    found: dict[str, str] = {}
    for tag in _HEAD_TAG.finditer(html[:262144]):
        attrs = {
            m[1].lower(): html_unescape(m[2] or m[3] or m[4] or "") for m in _ATTR.finditer(tag[0])
        }
        if attrs.get("rel", "").lower() == "canonical" and "href" in attrs:
            found.setdefault("canonical", attrs["href"])
        elif attrs.get("property", "").lower() == "og:url" and "content" in attrs:
            found.setdefault("og", attrs["content"])
    for url in (found.get("canonical"), found.get("og")):
        if url and url.strip().lower().startswith(("http://", "https://")):
            return url.strip()
    return None
