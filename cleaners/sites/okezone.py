"""okezone.com and its channel hosts (news., nasional., economy., megapolitan., bola., ...): MNC
Media's own CMS. Nothing here was seen on a live page: every fact is [presumed] from public
knowledge of the outlet, and the fixtures are built to it."""

from ..rules import Kind, rule
from ..site import Site, Source
from . import portal

SITE = Site(
    name="okezone",
    hosts=("okezone.com",),
    home="https://www.okezone.com/",
    title=("div.title h1", "h1[itemprop='headline']", "h1"),
    # The body is `div#contentx` since the 2010s (older pages: loose text and <br>s in it). [presumed]
    body=("div#contentx[itemprop='articleBody']", "div#contentx", "div.read", "[itemprop='articleBody']"),
    date=("div.namerep b", "div.reporter time", "span.time", "time"),
    # "NAME, Jurnalis · Senin 13 Mei 2024 10:05 WIB"; 2015: "NAME - Okezone". [presumed]
    byline=("div.reporter div.namerep", "div.namerep", "div.news-fr"),
    authors=("div.namerep a", "div.news-fr a"),
    section=(*portal.BREADCRUMB, "div.breadcrumb a"),
    tags=("div.detail-tag a", "div.newtag a", "div.tag a"),
    image=("div.detail-img img", "div#imgCheck img", "div.photo img"),
    caption=("div.detail-img div.caption-img", "div.detail-img figcaption", "div.photo-caption"),
    drop=(*portal.ADS, "div.paging", "div.newpaging", "div.box-baca", "div.bacajuga", "p.bacajuga"),
    end=(*portal.END, "div.detail-tag", "div.newtag", "div.box-gnews"),
    dateline=r"(?:[A-Z][A-Z .'-]+\s?[-–—]|Okezone\.com\s?[-–—](?:\s?[A-Z][A-Z .'-]+\s?[-–—])?)",
    signoff=r"\s*\((?P<initials>[a-z]{2,4})\)\.?$",  # "… di Ibu Kota. (fkh)": the editor's initials [presumed]
    rules=(
        # "A, Jurnalis" and two writers "A, B, Jurnalis" (split into names by `Captured`) [presumed]
        rule(r"^(?P<authors>[A-Z][\w.'’ ,-]{1,120}?),\s*Jurnalis\b.{0,60}$", Kind.META),
        rule(r"^(?P<authors>[A-Z][\w.'’ ]{1,60}?)\s+-\s+Okezone$", Kind.META),
        rule(r"^Follow (?:Berita|berita) Okezone di Google News\b.*$"),
        rule(r"^Okezone\.com\s+(?:sekarang\s+)?(?:hadir|tersedia) di\b.{0,120}$"),
    ),
    # /read/YYYY/MM/DD/{channel-id}/{article-id}/{slug} [presumed]
    article_url=r"^/read/\d{4}/\d{2}/\d{2}/\d+/\d+/[\w-]+/?$",
    not_article_url=portal.NOT_ARTICLE,
    whole_article={"page": "all"},  # `?page=all`: the whole article on one page [presumed]
    sources=(
        Source("news_sitemap", "https://www.okezone.com/sitemap-news.xml"),
        *portal.channel_feeds("https://sindikasi.okezone.com/index.php/rss/{channel}/RSS2.0",
                              ("0", "1", "11")),  # 0: all news, 1: nasional, 11: economy
    ),
)  # fmt: skip
