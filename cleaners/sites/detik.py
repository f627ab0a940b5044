"""detik.com and its channel hosts (news., finance., hot., inet., sport., oto., travel., food.,
health., wolipop.; regional channels as paths: www.detik.com/jatim/…): Trans Media's CMS.

No internet here: [seen] marks what public scrapers and saved detik pages show, [presumed] is from
public knowledge of the outlet, to be confirmed on a real page. A line with no mark is [presumed].
"""

from ..rules import Kind, rule
from ..site import Site, Source
from . import transmedia

SITE = Site(
    name="detik",
    hosts=("detik.com",),
    home="https://www.detik.com/",
    title=("h1.detail__title", "div.jdl h1", "h1"),  # [seen]; the 2015 div.jdl [presumed]
    # div.detail__body-text.itp_bodycontent [seen]; 2015: div#detikdetailtext, <br> text [seen]
    body=("div.detail__body-text", "div#detikdetailtext", "div.detail_text"),
    date=("div.detail__date", "div.jdl div.date", "div.date"),  # "Senin, 03 Nov 2025 10:30 WIB"
    # "NAME - detikNews", "NAME, NAME - detikFinance" [seen]; the JSON-LD author has the name.
    byline=("div.detail__author", "div.jdl div.author"),
    section=("div.page__breadcrumb a", "div.breadcrumb a"),  # [presumed]
    tags=("div.detail__body-tag a.nav__item", "div.detail__body-tag a", "div.detail_tag a"),
    image=("div.detail__media img", "div.pic_artikel img"),
    caption=("div.detail__media figcaption", "div.pic_artikel span"),
    drop=(
        *transmedia.DROP,
        "div.clearfix.mb20",
        "div.staticdetail_container",
        "div.sisip_embed_sosmed",
        "div.sisip_video_ds",  # in-body video [presumed]
        "div.detail__long-nav",
        "div.detail__anchor-numb",  # page numbers [seen]
        "div.detail__multiple",
    ),
    end=("div.detail__body-tag", "div.detail_tag"),
    dateline=r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\s[-–—]",  # "<strong>Jakarta</strong> - " [seen]
    rules=(
        # "NAME - detikNews": the byline under the headline [seen].
        rule(r"^(?P<authors>[A-Z][\w.' ]+(?:,\s?[A-Z][\w.' ]+)*)\s[-–]\sdetik\w*$", Kind.META),
        *transmedia.RULES,
        # The sign-off "(mei/idn)", writer/editor codes, is the shared catalogue's: its codes
        # go to `initials` [seen].
        # "Simak Video …", "Lihat juga Video: …" are read-also lines in the shared catalogue.
    ),
    # /berita/d-7612345/slug since 2018 [seen]; /berita/3060123/slug in 2015-2017 [presumed].
    article_url=r"^(?:/[\w-]+)*/(?:d-\d{5,}|\d{7})/[\w-]+/?$",
    not_article_url=r"^(?:/[\w-]+)?/(?:tag|indeks|search|foto-[\w-]+|video|detiktv)(?:/|$)",
    whole_article={"single": "1"},  # ?single=1: every page of a split article at once [seen]
    sources=(
        Source("feed", "https://news.detik.com/rss"),  # one RSS per channel host [seen]
        Source("feed", "https://finance.detik.com/rss"),
        Source("news_sitemap", "https://news.detik.com/sitemap_news.xml"),  # [presumed]
    ),
)
