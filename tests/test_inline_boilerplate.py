"""Boilerplate glued inside paragraphs (issue 10.1), on both paths.

Each folder of `tests/data/inline/` is a fixture page (`source.json` `base`) with read-also
links, promos, ad labels and republishing notes glued into its paragraphs in the ways
Indonesian outlets do it (`<strong>`, `<b>`, `<em>`, `<span>`, bare `<a>`, with or without
`<br>`, at the start, end or middle; ads between two halves of a sentence). The page must clean
exactly as its base does: the site path to the base's expected text and metadata, the generic
path to what it reads on the base page. A folder without a base is a page of its own (photo
stories whose captions are the text) with its expected files: both paths give its text. None of
the planted strings may reach the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_html
from cleaners.fixtures import boilerplate_strings

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = sorted(p for p in (ROOT / "tests" / "data" / "inline").iterdir() if p.is_dir())


def _case(folder: Path) -> tuple[dict, Path]:
    source = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    return source, ROOT / source["base"] if "base" in source else folder


def _expected(folder: Path, base: Path, name: str) -> str:
    own = folder / name  # a variant whose text or metadata differs from its base has its own
    return (own if own.exists() else base / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_site_path_cleans_as_the_page_without_promos(folder: Path):
    source, base = _case(folder)
    article = clean_html((folder / "page.html").read_bytes(), url=source["url"])
    assert article.to_text() == _expected(folder, base, "expected.txt")
    assert article.metadata() == json.loads(_expected(folder, base, "expected.json"))
    leaks = [s for s in source["planted"] + boilerplate_strings() if s in article.to_text()]
    assert leaks == []


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_generic_path_cleans_as_the_page_without_promos(folder: Path):
    source, base = _case(folder)
    article = clean_html((folder / "page.html").read_bytes(), url=source["url"], outlet="generic")
    if base == folder:
        assert article.paragraphs == _expected(folder, base, "expected.txt").splitlines()[2:]
    else:
        plain = clean_html((base / "page.html").read_bytes(), url=source["url"], outlet="generic")
        assert article.paragraphs == plain.paragraphs
    leaks = [s for s in source["planted"] if s in article.to_text()]
    assert leaks == []


def test_every_variant_plants_something():
    for folder in FOLDERS:  # or puts its base's body in old markup (`markup`: br-body, …)
        source, base = _case(folder)
        assert (source["planted"] or source.get("markup")) and base.is_dir(), folder.name


def _flat(fragment: str) -> list[str]:
    from cleaners.html import blocks, parse
    from cleaners.inline import cut_inline_boilerplate
    from cleaners.rules import Captured

    root = parse(f"<html><body><div>{fragment}</div></body></html>")
    cut_inline_boilerplate(root, Captured())
    return [b.text for b in blocks(root)]


@pytest.mark.parametrize(
    ("fragment", "lines"),
    [
        ('<p>A kata dia. <b>Simak juga:</b> <a href="/x">Judul</a></p>', ["A kata dia."]),
        ('<p><strong>Baca Juga :</strong><br><a href="/x">Judul</a><br>Kalimat.</p>', ["Kalimat."]),
        ('<p><a href="/x">BACA JUGA Judul</a> Kalimat.</p>', ["Kalimat."]),
        ('<p><b>BACA JUGA</b> <a href="/x">Judul</a> Kalimat.</p>', ["Kalimat."]),
        ('<p>Satu.<br>Baca juga: <a href="/x">Judul</a></p>', ["Satu."]),
        ('<p>Satu <span class="x">ADVERTISEMENT</span> dua.</p>', ["Satu dua."]),
        # "terkait" and "baca" are words of sentences: kept without a label's colon.
        (
            '<p>Polisi memeriksa saksi terkait <a href="/x">kasus suap</a> itu.</p>',
            ["Polisi memeriksa saksi terkait kasus suap itu."],
        ),
        (
            '<p><b>Terkait</b> dengan <a href="/x">kasus itu</a>, polisi diam.</p>',
            ["Terkait dengan kasus itu, polisi diam."],
        ),
        ('<p>Ia suka baca <a href="/x">komik</a>.</p>', ["Ia suka baca komik."]),
        (
            '<p><strong>Baca juga ulasan kami tentang <a href="/x">hal ini</a> di halaman lain, yang'
            " memuat banyak kalimat panjang dan keterangan tambahan dari narasumber yang berbeda"
            " beda, sehingga tidak mungkin sebuah tautan baca juga dengan judul biasa di"
            " situs berita mana pun juga.</strong></p>",
            None,
        ),
    ],
)
def test_inline_promos_go_and_sentences_stay(fragment: str, lines: list[str] | None):
    from cleaners.html import blocks, parse

    if lines is None:  # too long for a read-also link: a paragraph, kept whole
        lines = [b.text for b in blocks(parse(f"<html><body><div>{fragment}</div></body></html>"))]
    assert _flat(fragment) == lines


@pytest.mark.parametrize(
    ("previous", "text", "joined"),
    [
        ("pasokan dari Brebes dan Samosir", "kembali lancar setelah panen raya.", True),
        ("mengatakan sekitar 800 pedagang akan", "merasakan manfaat kebijakan itu.", True),
        ("Wali Kota Makassar mengatakan,", "selama masa uji coba warga gratis.", True),
        ("sekolah dari keluarga miskin dan", "Anak-anak itu akan tinggal di asrama.", True),
        ("Harga naik pekan ini.", "kemudian turun.", False),
        ("Pedagang Mengaku Sepi Pembeli", "Meski harga turun, pasar sepi.", False),
        ("Kata dia:", "harga akan turun.", False),
    ],
)
def test_a_sentence_split_by_an_ad_slot_rejoins(previous: str, text: str, joined: bool):
    from cleaners.lines import continues

    assert continues(previous, text) is joined


@pytest.mark.parametrize(
    ("fragment", "lines"),
    [
        (
            '<p><strong>Baca Juga:</strong></p><ul><li><a href="/x">Judul A</a></li></ul><p>Kalimat.</p>',
            ["Kalimat."],
        ),
        ('<p>BACA JUGA</p><p><a href="/x">Judul A</a></p><p>Kalimat.</p>', ["Kalimat."]),
        ('<p><b>Baca juga:</b> <a href="/a">Judul A</a> | <a href="/b">Judul B</a></p>', []),
        ('<p>Satu. <strong>» Baca Juga:</strong> <a href="/a">Judul A</a></p>', ["Satu."]),
        (
            "<p><strong>Baca juga:</strong></p><p>Kalimat yang bukan tautan.</p>",
            ["Kalimat yang bukan tautan."],
        ),
        # two links stacked under one label, a <br> between (the outsider's trap)
        (
            '<p><b>Baca juga:</b><br><a href="/a">Judul A</a><br><a href="/b">Judul B</a></p>'
            "<p>Kalimat.</p>",
            ["Kalimat."],
        ),
        # between two halves of one <p>: both <br>s go, the paragraph stays one line (issue 10)
        (
            '<p>Satu.<br><b>Baca juga:</b><br><a href="/a">Judul A</a><br><a href="/b">Judul B</a>'
            "<br>Kalimat dua.</p>",
            ["Satu. Kalimat dua."],
        ),
        (
            '<p>Satu.<br><strong>Baca Juga :</strong> <a href="/a">Judul A</a><br>Dua.</p>',
            ["Satu. Dua."],
        ),
        ('<p>Satu.<br><a href="/a">Baca juga: Judul A</a><br><i>Dua</i>.</p>', ["Satu. Dua."]),
        # a paragraph break the page wrote (`<br><br>`), or a body of text and <br>s: kept
        (
            '<p>Satu.<br><br><b>Baca juga:</b> <a href="/a">Judul A</a><br><br>Dua.</p>',
            ["Satu.", "Dua."],
        ),
        (
            '<div>Satu.<br><b>Baca juga:</b> <a href="/a">Judul A</a><br>Dua.</div>',
            ["Satu.", "Dua."],
        ),
        # a promo in <em> at the sentence's end, its full stop after it: the stop closes up
        ('<p>Harga naik <em>(Baca juga: <a href="/x">Judul</a>)</em>.</p>', ["Harga naik."]),
        ('<p>Harga naik, <em>baca juga: <a href="/x">Judul</a></em>.</p>', ["Harga naik."]),
        (
            '<p>Harga naik (<em>Baca juga: <a href="/x">Judul</a></em>), kata dia.</p>',
            ["Harga naik, kata dia."],
        ),
    ],
)
def test_read_also_blocks_go_with_their_links(fragment: str, lines: list[str]):
    assert _flat(fragment) == lines


@pytest.mark.parametrize(
    ("fragment", "lines"),
    [
        # a call to click, its own clause in the link: cut where it stands between sentences
        (
            '<p><a href="/l">Baca berita dengan sedikit iklan, klik di sini</a> KCIC menambah'
            " perjalanan.</p>",
            ["KCIC menambah perjalanan."],
        ),
        (
            '<p>Harga naik. <a href="/l">Berlangganan sekarang, klik di sini</a></p>',
            ["Harga naik."],
        ),
        # the words of a sentence: kept
        (
            '<p>Pendaftaran dibuka melalui laman resmi, <a href="/l">klik di sini</a>.</p>',
            ["Pendaftaran dibuka melalui laman resmi, klik di sini."],
        ),
        (
            '<p>Warga yang ingin <a href="/l">mendaftar, klik di sini</a> lalu isi formulir.</p>',
            ["Warga yang ingin mendaftar, klik di sini lalu isi formulir."],
        ),
        # a promo whose words run before the link that ends it, between sentences
        (
            '<p>Cek Berita dan Artikel yang lain di <a href="/g">Google News</a> Harga naik.</p>',
            ["Harga naik."],
        ),
        (
            '<p>Harga naik. Baca berita tanpa iklan. <a href="/k">Gabung Kompas.com+</a></p>',
            ["Harga naik."],
        ),
        (
            '<p><b>Jakarta</b> - Harga naik. Cek Berita dan Artikel yang lain di <a href="/g">Google'
            " News</a>. Stok aman.</p>",
            ["Jakarta - Harga naik. Stok aman."],
        ),
        # the promo's own tail after its link, or a sentence's words: left to the line rules
        (
            '<p>Pilih saluran andalanmu di WhatsApp Channel : <a href="/w">https://wa.me/x</a>.'
            " Pastikan kamu sudah install aplikasi WhatsApp ya.</p>",
            [
                "Pilih saluran andalanmu di WhatsApp Channel : https://wa.me/x. Pastikan kamu sudah"
                " install aplikasi WhatsApp ya."
            ],
        ),
        (
            '<p>Warga bisa cek harga di <a href="/p">laman resmi</a> setiap hari.</p>',
            ["Warga bisa cek harga di laman resmi setiap hari."],
        ),
        # a video's promo in an inline element after a sentence
        ('<p>Harga naik. <strong>Simak Video "Video: Panen Raya"</strong></p>', ["Harga naik."]),
        # a quotation closed on its comma, its attribution after a <br>: one sentence
        (
            '<p>"Investor mencari aset aman,"<br>kata analis itu.</p>',
            ['"Investor mencari aset aman," kata analis itu.'],
        ),
        ("<p>“Harga turun,”<br>ujar Tri.</p>", ["“Harga turun,” ujar Tri."]),
        ("<p>“Harga turun.”<br>Ia pulang.</p>", ["“Harga turun.”", "Ia pulang."]),
        ("<p>Syarat: KTP,<br>kartu keluarga.</p>", ["Syarat: KTP,", "kartu keluarga."]),
    ],
)
def test_click_nags_go_and_a_quotes_attribution_stays_on_its_line(fragment: str, lines: list[str]):
    assert _flat(fragment) == lines


@pytest.mark.parametrize(
    "label",
    [
        "SCROLL TO CONTINUE WITH CONTENT",
        "SCROLL TO RESUME CONTENT",
        "SCROLL DOWN TO CONTINUE READING",
    ],
)
def test_scroll_ad_labels_inside_a_line_go(label: str):
    from cleaners.lines import Line, build_body
    from cleaners.rules.catalogue import AD

    body = build_body([Line(f"Harga naik ADVERTISEMENT {label} tajam.")])
    assert body.paragraphs == ["Harga naik tajam."]
    assert AD.match(f"ADVERTISEMENT {label}") and AD.match(label.title())


@pytest.mark.parametrize(
    ("fragment", "lines"),
    [
        # the link goes by its class: its label, an element or bare text before it, goes too
        (
            '<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" href="/x">Judul</a>'
            "<br>“Puncak pasang sampai Jumat,” ujar Dimas.</p>",
            ["“Puncak pasang sampai Jumat,” ujar Dimas."],
        ),
        ('<p>Baca juga: <a class="baca-juga" href="/x">Judul</a><br>Kalimat.</p>', ["Kalimat."]),
        (
            '<p>Satu. Baca juga: <a class="baca-juga" href="/x">Judul</a><br>Dua.</p>',
            ["Satu. Dua."],
        ),
        (
            '<p>Satu.<br><b>Lihat Juga:</b> <a class="related-link" href="/x">Judul</a><br>Dua.</p>',
            ["Satu. Dua."],
        ),
        # a word of the sentence before a dropped element is no label: it stays
        (
            '<p>Polisi memeriksa saksi <b>terkait</b> <a class="share" href="/x">x</a> kasus itu.</p>',
            ["Polisi memeriksa saksi terkait kasus itu."],
        ),
    ],
)
def test_a_read_also_links_label_goes_when_its_link_goes_by_class(fragment: str, lines: list[str]):
    from cleaners.html import blocks, drop_noise, parse

    root = parse(f"<html><body><div>{fragment}</div></body></html>")
    drop_noise(root)
    assert [b.text for b in blocks(root)] == lines


def test_indentation_only_text_is_judged_in_linear_time():
    """Pretty-printed pages hold elements whose text is only indentation (1,454 tabs and spaces
    on a Scrapinghub page): the trigger test must fail on it at once, not try every split of the
    run (six runs of 10,000 characters took a minute)."""
    import time

    indent = "\n" + "\t " * 5_000
    fragment = f"<span>{indent}</span><p>{indent}<b>Kalimat.</b></p>" * 3
    start = time.perf_counter()
    assert _flat(fragment) == ["Kalimat."] * 3
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # real sentences that open with a label's words: a clause in lower case, a full stop
        ("Simak pula bagaimana warga menyiapkan lumbung padi sejak awal musim hujan.", "TEXT"),
        ("Tonton video yang beredar di media sosial, antrean tampak mengular.", "TEXT"),
        ("Lihat saja data penjualan bulan lalu yang naik dua kali lipat.", "TEXT"),
        ("Tonton video yang beredar: banjir setinggi lutut di Kemang.", "TEXT"),
        ("Simak juga video: Banjir Setinggi Lutut di Kemang.", "DROP"),
        # read-also lines and the outlet's own promos still go
        ("Simak juga: Harga Cabai Naik Jelang Lebaran", "DROP"),
        ("Baca juga Harga Cabai Naik Jelang Lebaran", "DROP"),
        ("Simak Video: Antrean Mudik di Gerbang Tol Cikampek", "DROP"),
        ("Saksikan video selengkapnya di kanal YouTube kami.", "DROP"),
        ("Baca juga berita lainnya di Google News.", "DROP"),
    ],
)
def test_a_sentence_opening_with_a_labels_words_stays(line: str, kind: str):
    from cleaners.rules import Captured, Kind, classify

    assert classify(line, Captured()) is Kind[kind]


def _slide(n: int, caption: str, cloned: bool = False) -> str:
    hidden = ' class="slide slick-cloned" aria-hidden="true"' if cloned else ' class="slide"'
    return (
        f'<div{hidden}><figure><img src="/{n}.jpg"><figcaption>{caption}</figcaption></figure>'
        '<p class="credit">Foto: Dika Prasetyo/detikcom</p></div>'
    )


def test_a_carousels_clones_and_credit_lines_do_not_outweigh_its_captions():
    """A saved carousel repeats its first and last slides (hidden clones) and sets a credit
    `<p>` under each photo: neither is text beside the captions, which are the story."""
    from cleaners.captions import keep_story_captions
    from cleaners.html import parse

    captions = [
        "Warga menonton lomba perahu naga di Sungai Kapuas, Pontianak.",
        "Sebanyak 24 tim ikut dalam lomba tahunan ini.",
        "Setiap perahu diisi 20 pendayung dan seorang penabuh gendang.",
    ]
    slides = [_slide(9, captions[-1], True)]
    slides += [_slide(i, c) for i, c in enumerate(captions)]
    slides += [_slide(8, captions[0], True)]
    body = "".join(slides) + "<p>Lomba perahu naga kembali digelar.</p>"
    root = parse(f"<html><body><div id=b>{body}</div></body></html>")
    photos = keep_story_captions(root.find(".//div[@id='b']"))
    assert [p["caption"] for p in photos] == captions
    # an article with photos: its own text outweighs the captions
    root = parse(
        f"<html><body><div id=b>{body}<p>{'Kalimat panjang. ' * 30}</p></div></body></html>"
    )
    assert keep_story_captions(root.find(".//div[@id='b']")) == []


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Dapatkan update berita pilihan setiap hari dari Kompas.com. Harga naik.", "Harga naik."),
        (
            'Artikel ini telah tayang di Kompas.com dengan judul "Harga Naik. Warga Panik". Harga'
            " naik lagi.",
            "Harga naik lagi.",
        ),
        (
            'Artikel ini telah tayang di Kompas.com dengan judul "X", Klik untuk baca:'
            " https://kompas.com/read/x Harga naik.",
            "Harga naik.",
        ),
        ("Cek Berita dan Artikel yang lain di Google News. Harga naik.", "Harga naik."),
        (
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Harga naik.",
            "Harga naik.",
        ),
        # the promo goes on to its end: nothing of the story follows it
        (
            "Dapatkan update berita pilihan dari Kompas.com. Mari bergabung di Grup Telegram, kemudian"
            " join. Anda harus install aplikasi Telegram terlebih dulu di ponsel.",
            None,
        ),
        # no promo opens the line: a sentence of the story, left alone
        ("Simak pula bagaimana warga menyiapkan lumbung padi. Harga naik.", None),
        ("Cek kesehatan gratis digelar di Puskesmas. Warga antre sejak pagi.", None),
    ],
)
def test_a_promo_glued_before_the_first_sentence_goes(line: str, kept: str | None):
    from cleaners.promo_lead import cut_leading_promo

    assert cut_leading_promo(line) == kept


@pytest.mark.parametrize(
    ("fragment", "lines"),
    [
        # a read-also whose link was lost, in an element of its own between two sentences
        (
            "<p>Harga naik. <em>Baca juga: Harga Cabai Naik Jelang Lebaran</em> Stok aman.</p>",
            ["Harga naik. Stok aman."],
        ),
        ("<p>Ia berkata: <em>baca juga buku ini.</em></p>", ["Ia berkata: baca juga buku ini."]),
        # ad labels as bare text on lines of their own between two halves of one <p>
        ("<p>Harga naik.<br>ADVERTISEMENT<br>Stok aman.</p>", ["Harga naik. Stok aman."]),
        (
            "<p>Harga naik.<br>ADVERTISEMENT<br>SCROLL TO CONTINUE WITH CONTENT<br>Stok aman.</p>",
            ["Harga naik. Stok aman."],
        ),
        ("<p>Harga naik.<br>Iklan<br></p>", ["Harga naik.", "Iklan"]),
        # a label an editor bolded word by word
        (
            '<p>Harga naik. <strong>Baca</strong> <strong>juga:</strong> <a href="/x">Judul</a> Stok'
            " aman.</p>",
            ["Harga naik. Stok aman."],
        ),
        ("<p>Ia <b>baca</b> <b>buku</b> itu.</p>", ["Ia baca buku itu."]),
        # a link to the rest of the story after the excerpt's last sentence
        ('<p>Harga naik. <a href="/x">Baca selengkapnya</a></p>', ["Harga naik."]),
        (
            '<p>Ia <a href="/x">baca selengkapnya</a> di rumah.</p>',
            ["Ia baca selengkapnya di rumah."],
        ),
    ],
)
def test_unlinked_read_also_and_read_more_links_go(fragment: str, lines: list[str]):
    assert _flat(fragment) == lines
