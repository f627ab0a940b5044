"""Pages that are not articles are refused from what they say of themselves (issue 10.3)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaners import NoArticle, clean_html

BODY = "".join(
    f"<p>Paragraf {i} halaman ini menjelaskan banyak hal tentang redaksi, alamat kantor, "
    "kebijakan, dan cara menghubungi kami melalui surel atau telepon kantor.</p>"
    for i in range(8)
)


def page(head: str = "", body_class: str = "", article: bool = False, title="Tentang Kami"):
    inner = f"<h1>{title}</h1><div class='entry-content'>{BODY}</div>"
    if article:
        inner = f"<article>{inner}</article>"
    return (f"<html><head><title>{title}</title>{head}</head>"
            f"<body class='{body_class}'><main>{inner}</main></body></html>")  # fmt: skip


LD = '<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{}"}}</script>'
OG = '<meta property="og:type" content="{}">'
DATE = '<meta property="article:published_time" content="2025-06-19T10:00:00+07:00">'

NOT_ARTICLES = {
    "wordpress static page": page(body_class="page-template-default page page-id-2"),
    "wordpress tag archive": page(body_class="archive tag tag-ekonomi"),
    "wordpress author page": page(body_class="archive author author-admin"),
    "json-ld about page": page(LD.format("AboutPage")),
    "json-ld contact page": page(LD.format("ContactPage")),
    "json-ld section index": page(LD.format("CollectionPage")),
    "json-ld gallery only": page(LD.format("ImageGallery")),
    "json-ld video only": page(LD.format("VideoObject")),
    "og video only": page(OG.format("video.other")),
    "og profile": page(OG.format("profile")),
    "website without a date": page(OG.format("website")),
    "undated static heading, no head at all": page(),
    # Yoast gives static pages og:type article too: the heading and the missing date decide.
    "undated og article with a static heading": page(OG.format("article")),
    "press guideline in another wording": page(title="Pedoman Pemberitaan Media Siber"),
    "redaction page with the site's name": page(title="Susunan Redaksi Kontan.co.id"),
    "logo in the h1, the name in the title": page(title="Kontak Kami - Koran Kita").replace(
        "<h1>Kontak Kami - Koran Kita</h1>", "<h1><a href='/'><img src='/logo.png' alt=''></a></h1>"
    ),
    # A claim to be an article does not make one of a page named like a static page with no
    # dateline: outlets post their about pages as posts, careless themes type everything.
    "static heading posted as a wordpress post": page(
        body_class="post-template-default single single-post postid-9"
    ),
    "static heading typed NewsArticle": page(LD.format("WebPage") + LD.format("NewsArticle")),
    "static heading with a date": page(OG.format("website") + DATE),
    "static heading in an article element": page(OG.format("website"), article=True),
}
NEWS = "Harga Cabai Naik"
ARTICLES = {
    "wordpress post": page(
        body_class="post-template-default single single-post postid-9", title=NEWS
    ),
    "news article beats its web page": page(
        LD.format("WebPage") + LD.format("NewsArticle"), title=NEWS
    ),
    "website with a date": page(OG.format("website") + DATE, title=NEWS),
    "website with an article element": page(OG.format("website"), article=True, title=NEWS),
    "static heading under a dateline": page(DATE, title="Redaksi").replace(
        "<p>Paragraf 0", "<p>JAKARTA, KORAN.EXAMPLE – Paragraf 0"
    ),
    "a page that says nothing": page(title="Harga Cabai Naik"),
    "og article": page(OG.format("article"), title="Harga Cabai Naik"),
    "undated website page with a news headline": page(
        OG.format("website"), title="Harga Cabai Naik"
    ),
}


@pytest.mark.parametrize("html", NOT_ARTICLES.values(), ids=NOT_ARTICLES.keys())
@pytest.mark.parametrize("url", ["https://mediapesan.com/tentang-kami/", "https://koran.example/x"])
def test_not_articles_are_refused_on_both_paths(html: str, url: str) -> None:
    with pytest.raises(NoArticle, match=r"not an? |without a publication date"):
        clean_html(html, url=url)


@pytest.mark.parametrize("html", ARTICLES.values(), ids=ARTICLES.keys())
def test_articles_are_kept(html: str) -> None:
    article = clean_html(html, url="https://koran.example/berita/x")
    assert len(article.paragraphs) == 8


def test_kliping_clean_says_why_in_one_line(tmp_path) -> None:
    path = tmp_path / "about.html"
    path.write_text(NOT_ARTICLES["wordpress static page"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "clean", str(path), "--url",
         "https://mediapesan.com/tentang-kami/"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 4
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a post" in lines[0]


# Index pages (tag, section, author, daily index, search) in the markups CMSs give them: each a
# list of dated headline teasers and no story of its own. Nothing in their head says so.
def teasers(item: str, n: int = 8) -> str:
    return "".join(item.format(i=i, d=20 - i) for i in range(n))


HEADLINE = "<a href='https://koran.example/berita/{i}'>Harga Cabai Rawit Naik Lagi di Pasar {i}</a>"
BLURB = "<p>Pedagang menyebut pasokan dari sentra produksi berkurang sejak pekan lalu.</p>"


def index_page(heading: str, items: str, head: str = OG.format("website")) -> str:
    return (f"<html><head><title>{heading}</title>{head}</head><body><header><nav>"
            + "".join(f"<a href='/k{i}'>Kanal Berita Nomor {i}</a>" for i in range(12))
            + f"</nav></header><main><h1>{heading}</h1>{items}</main><aside><h3>Terpopuler"
            "</h3><p>" + "Kata-kata di samping halaman yang panjang sekali. " * 12 + "</p></aside>"
            "<footer>Tentang Kami | Redaksi | Pedoman Media Siber</footer></body></html>")  # fmt: skip


INDEXES = {
    "tag page of article cards": index_page("Harga Cabai", teasers(
        f"<article class='card'><h2>{HEADLINE}</h2><time>Senin, {{d}} Oktober 2025</time>"
        f"{BLURB}</article>")),
    "daily index, date beside the link": index_page("Indeks Kanal Ekonomi", "<ul>" + teasers(
        f"<li>{HEADLINE}<span>Kamis, {{d}} November 2025 / 16:15 WIB</span></li>") + "</ul>"),
    "section index, relative times": index_page("Ekonomi", teasers(
        f"<div class='item'><h3>{HEADLINE}</h3><div><span>{{d}} jam lalu</span></div>"
        f"{BLURB}</div>")),
    "author page with a short profile": index_page("Rina Ayu Lestari",
        "<p>Wartawan desk ekonomi sejak 2019.</p>" + teasers(
        f"<div class='post'>{HEADLINE}<div class='meta'>{{d}}/11/2025</div></div>")),
    "category of picture cards without dates": index_page("Olahraga", teasers(
        f"<div class='card'><a href='/f/{{i}}'><img src='/f{{i}}.jpg' alt=''></a><h2>{HEADLINE}</h2>"
        "</div>", n=10)),
    "og:type article on a tag page": index_page("Topik: Banjir", teasers(
        f"<li><h2>{HEADLINE}</h2><p class='date'>{{d}} Des 2025 10:00</p></li>"),
        head=OG.format("article")),
    "og:type article and a date on a section page": index_page("Ekonomi", teasers(
        f"<li><h2>{HEADLINE}</h2><time>{{d}} Des 2025</time></li>"),
        head=OG.format("article") + DATE),
}  # fmt: skip


@pytest.mark.parametrize("html", INDEXES.values(), ids=INDEXES.keys())
def test_index_pages_are_refused(html: str) -> None:
    with pytest.raises(NoArticle, match=r"an index of \d+ article teasers"):
        clean_html(html, url="https://koran.example/tag/harga-cabai")


SHORT_PARAGRAPHS = "".join(
    f"<p>Kalimat {i} berita ini pendek saja, seperti biasa di media daring kita.</p>"
    for i in range(8)
)
STORIES = {
    "short paragraphs and a dated related list": index_page("Harga Cabai Rawit Naik Lagi",
        f"<div class='body'>{SHORT_PARAGRAPHS}</div><h3>Berita Terkait</h3><ul>"
        + teasers(f"<li>{HEADLINE} <span>{{d}} Oktober 2025</span></li>") + "</ul>",
        head=""),
    "a story above picture cards": index_page("Harga Cabai Rawit Naik Lagi",
        f"<div class='body'>{SHORT_PARAGRAPHS}</div>" + teasers(
        f"<div class='card'><img src='/f{{i}}.jpg' alt=''><h3>{HEADLINE}</h3></div>", n=10),
        head=""),
    "a <br> body above dated cards": index_page("Banjir Rendam Kampar",
        "<div class='isi'>" + "Air naik sejak pagi di desa itu kata warga setempat.<br>" * 6
        + "</div>" + teasers(f"<article><h2>{HEADLINE}</h2><time>{{d}} Okt 2025</time>"
        f"</article>"), head=""),
}  # fmt: skip


@pytest.mark.parametrize("html", STORIES.values(), ids=STORIES.keys())
def test_a_story_beside_dated_teasers_is_an_article(html: str) -> None:
    article = clean_html(html, url="https://koran.example/berita/harga-cabai")
    assert len(" ".join(article.paragraphs).split()) >= 60


def test_a_deeply_wrapped_card_is_still_a_teaser() -> None:
    cards = teasers(
        f"<article class='post'><div class='a'><div class='b'><h2>{HEADLINE}</h2></div></div>"
        "<div class='meta'><time>{d} Okt 2025</time></div></article>"
    )
    with pytest.raises(NoArticle, match=r"an index of 8 article teasers"):
        clean_html(index_page("Kanal Ekonomi", cards), url="https://koran.example/ekonomi")


def test_a_story_with_its_video_embedded_is_an_article() -> None:
    """CNN-style: the only JSON-LD is the embedded clip's VideoObject; the story decides."""
    html = page(LD.format("VideoObject") + DATE, title="Harga Cabai Naik")
    assert len(clean_html(html, url="https://koran.example/berita/x").paragraphs) == 8


def test_a_video_page_with_a_short_blurb_is_refused() -> None:
    blurb = "<p>Simak video warga antre membeli cabai di Pasar Induk pagi ini.</p>"
    html = page(LD.format("VideoObject") + DATE, title="Video: Harga Cabai Naik")
    html = html.replace(BODY, blurb)
    with pytest.raises(NoArticle, match="videoobject"):
        clean_html(html, url="https://koran.example/video/x")


def writer_page(teaser_count: int, head_role: bool = True) -> str:
    """A writer's page (tribunnews' `/penulis/NAME`): no date of its own, a person's name as
    its heading, a line of bio and a few dated teasers of their articles."""
    title = "Dewi Sartika - Penulis Koran Kita" if head_role else "Dewi Sartika - Koran Kita"
    items = "".join(
        f"<li><h3><a href='/berita/{i}'>Harga Cabai Rawit Naik Lagi Pekan Ke {i}</a></h3>"
        f"<time>Senin, {i + 1} Desember 2025 10:00 WIB</time></li>"
        for i in range(teaser_count)
    )
    return (f"<html><head><title>{title}</title><meta property='og:type' content='website'>"
            f"</head><body><main><div class='profile'><h1>Dewi Sartika</h1><p>Wartawan Koran "
            f"Kita yang meliput ekonomi.</p></div><h3>Artikel Terbaru</h3><ul>{items}</ul></main>"
            "</body></html>")  # fmt: skip


@pytest.mark.parametrize("count", [3, 4])
def test_a_writers_page_of_a_few_teasers_is_refused(count: int) -> None:
    with pytest.raises(NoArticle, match=r"a writer's page \(Dewi Sartika\)"):
        clean_html(writer_page(count), url="https://koran.example/penulis/dewi-sartika")


def test_a_name_heading_whose_head_names_no_writer_is_not_a_writers_page() -> None:
    from cleaners.html import parse
    from cleaners.metadata import read_meta
    from cleaners.pagekind import not_article_reason

    root = parse(writer_page(4, head_role=False))
    assert "writer's page" not in (not_article_reason(root, read_meta(root)) or "")


BREAKING = (
    "<html><head><title>Gempa M 5,2 Guncang Sukabumi - Kompas.com</title>{date}</head><body>"
    "<h1 class='read__title'>Gempa M 5,2 Guncang Sukabumi</h1><div class='read__content'><p>"
    "<strong>JAKARTA, KOMPAS.com</strong> - Gempa bermagnitudo 5,2 mengguncang Kabupaten "
    "Sukabumi, Jawa Barat, Senin (1/12/2025) pukul 10.05 WIB.</p></div></body></html>"
)
BREAKING_URL = "https://nasional.kompas.com/read/2025/12/01/10200001/gempa-m-52-guncang-sukabumi"


def test_a_one_sentence_breaking_news_item_is_kept_on_the_site_path() -> None:
    article = clean_html(BREAKING.format(date=DATE), url=BREAKING_URL)
    assert article.method == "site" and article.drift is None
    assert article.paragraphs == [
        "JAKARTA, KOMPAS.com - Gempa bermagnitudo 5,2 mengguncang Kabupaten Sukabumi, Jawa Barat,"
        " Senin (1/12/2025) pukul 10.05 WIB."
    ]


def test_one_sentence_on_an_undated_page_is_still_no_article() -> None:
    with pytest.raises(NoArticle):
        clean_html(BREAKING.format(date=""), url=BREAKING_URL)
