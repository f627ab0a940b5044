"""What detik.com and cnnindonesia.com share: Trans Media's CMS (CNN Indonesia ran on detik's
own markup until ~2019). [seen] in saved pages of both, unless marked."""

from ..rules import Rule, rule

# In-body boxes: "Baca juga:" / "Lihat Juga :" links, the scroll-through ad with its
# "ADVERTISEMENT" / "SCROLL TO CONTINUE WITH CONTENT" labels.
DROP = ("table.linksisip", "div.linksisip", "div.lihatjg", "div.parallaxindetail",
        "div.paradetail", "div.para_caption", "div.ads-scrollpage-container")  # fmt: skip
# "[Gambas:Video 20detik]", "[Gambas:Video CNN]": an embed's placeholder left in the text.
RULES: tuple[Rule, ...] = (rule(r"^\[Gambas:[^\]]*\]$"),)
# Their news sitemaps and the `publishdate` meta ("2025/11/04 13:10:05") are [presumed].
