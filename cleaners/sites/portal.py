"""What the big national portals' own CMSs (okezone, republika, suara, mediaindonesia, viva,
merdeka) share: ad slots and promo boxes by the class names they all use, and discovery by a
news sitemap plus one RSS feed per channel. [presumed: no live page was seen here]"""

from __future__ import annotations

from ..site import Source

# Ad slots and in-body promo boxes the shared widget filter (cleaners/html.py) does not name.
ADS = (
    "[class~='ads']", "[class*='ads-']", "[class*='-ads']", "[id^='ads']", "[class*='adsense']",
    "div.parallax", "div.inarticle", "div.box-video-embed", "div.video-embed",
)  # fmt: skip
# A body's end: the tag row, the author box, the comment block, whatever comes first.
END = ("div.tags", "div.tag", "div.detail-tag", "div.comment", "div#comments", "div.fb-comments")
# Breadcrumb items: the last one is the section label.
BREADCRUMB = ("div.breadcrumb li", "ul.breadcrumb li")
# Sections that are never an article: tags, topics, indexes, search, video, photo, tv.
NOT_ARTICLE = r"^/(?:tag|tags|topik|topic|indeks|index|search|cari|video|foto|tv|live)(?:/|$)"


def channel_feeds(url: str, channels: tuple[str, ...]) -> tuple[Source, ...]:
    """One RSS feed per channel: `url` holds `{channel}`."""
    return tuple(Source("feed", url.format(channel=channel)) for channel in channels)
