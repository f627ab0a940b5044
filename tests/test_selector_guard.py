"""A selector that matches the wrong element (cleaners/guard.py): on a changed layout the body's
class lands on a teaser's summary, the lead paragraph's wrapper or a sidebar box, and the site
path would store a short body as if fine. The page must come out exact by the generic path,
flagged as drift with the reason; a story that really is short keeps the site path."""

from __future__ import annotations

import pytest
from lxml import etree

from bench.holdouts_data import load
from cleaners import clean_html, site_for_url
from cleaners import html as dom
from cleaners.blocks import owned_text
from cleaners.fixtures import ROOT, Fixture, boilerplate_strings, page_fixtures
from cleaners.guard import UntrustedBody, check_body
from cleaners.merge import clean_pages
from scraper.health import drift_reason

# Pages of ten outlets whose text the generic path reads exactly (test_layout_drift's redesigns).
PAGES = [
    "okezone/bus-listrik-transjakarta-2026",
    "republika/seleksi-petugas-haji-2026",
    "suara/kereta-cepat-tarif-promo",
    "viva/beasiswa-lpdp-2026",
    "merdeka/tol-jogja-solo-fungsional",
    "kompas/banjir-bandang-agam-all",
    "detik/ganjil-genap-puncak-bogor",
    "cnnindonesia/gencatan-senjata-sudan-reporter",
    "antaranews/petani-garam-sumenep-jatim",
    "liputan6/gunung-lewotobi-erupsi-regional",
    "tempo/subsidi-motor-listrik-2025",
    "viva/mobil-listrik-insentif-pajak",
    "republika/waspada-banjir-ciliwung-2015",
]
WRONG = ("lead", "teaser", "sidebar")


def _page(fixture: Fixture):
    root = dom.parse(fixture.input_file.read_bytes())
    site = site_for_url(fixture.url)
    return root, site, dom.select_one(root, site.body, likely=True)


def _p(parent, text: str):
    element = etree.SubElement(parent, "p")
    element.text = text
    return element


def moved(fixture: Fixture, wrong: str) -> str:
    """The fixture page with its body's attributes (class, id, itemprop) moved onto a wrong
    element: the lead paragraph's new wrapper, a teaser card's summary after the article, a
    sidebar box."""
    root, _, body = _page(fixture)
    target = etree.Element(body.tag)
    if wrong == "lead":
        first = next(body.iter("p"))
        first.addprevious(target)
        target.append(first)
    elif wrong == "teaser":
        card = etree.SubElement(root.find("body"), "div")
        link = etree.SubElement(etree.SubElement(card, "h3"), "a", href="/berita/cabai-naik")
        link.text = "Harga cabai naik lagi di pasar induk"
        card.append(target)
        _p(target, "Harga cabai rawit di pasar induk naik dua kali lipat sepekan terakhir.")
    else:
        etree.SubElement(root.find("body"), "aside").append(target)
        _p(target, "Ikuti terus perkembangan berita terkini dari kami setiap hari.")
    attributes = dict(body.attrib)
    body.attrib.clear()
    target.attrib.update(attributes)
    return etree.tostring(root, method="html", encoding="unicode")


@pytest.mark.parametrize("wrong", WRONG)
@pytest.mark.parametrize("name", PAGES)
def test_a_selector_on_the_wrong_element_goes_generic_exact_and_flagged(name, wrong):
    fixture = Fixture(ROOT / "pages" / name)
    article = clean_html(moved(fixture, wrong), url=fixture.url)
    assert article.method == "generic"
    assert article.to_text() == fixture.expected_text
    assert [s for s in boilerplate_strings() if s in article.to_text()] == []
    assert "selector found the wrong element" in article.drift
    assert article.to_dict()["drift"] == article.drift
    assert drift_reason(article.to_dict(), {}) == article.drift


BOX = (
    "Pemerintah menyiapkan langkah baru pekan ini untuk menekan harga kebutuhan pokok menjelang "
    "akhir tahun. Langkah itu mencakup operasi pasar di sejumlah kota besar. Warga diminta tidak "
    "panik membeli bahan pangan."
)


def first_of_several(fixture: Fixture) -> str:
    """A box with the body's very attributes right under the headline (a summary of another
    story reusing `.content`): the selector's first match; the article is its second."""
    root, site, body = _page(fixture)
    box = etree.Element(body.tag, dict(body.attrib))
    _p(box, BOX)
    dom.select_one(root, site.title, likely=True).addnext(box)
    return etree.tostring(root, method="html", encoding="unicode")


# (merdeka: the generic path reads a prose box between headline and dateline lead as the story's
# first paragraph, as it could be a standfirst; still flagged, not exact.)
@pytest.mark.parametrize("name", [n for n in PAGES if not n.startswith("merdeka/")])
def test_the_first_of_several_matches_is_not_trusted_when_a_later_one_holds_the_text(name):
    fixture = Fixture(ROOT / "pages" / name)
    article = clean_html(first_of_several(fixture), url=fixture.url)
    assert article.method == "generic"
    assert article.to_text() == fixture.expected_text
    assert "a later match of the selector holds it" in article.drift


def test_the_drift_note_survives_merging_pages():
    fixture = Fixture(ROOT / "pages" / PAGES[0])
    pages = [(fixture.url, fixture.input_file.read_text(encoding="utf-8")),
             (fixture.url + "?page=2", moved(fixture, "lead"))]  # fmt: skip
    assert clean_pages(pages, url=fixture.url).drift


def test_a_trusted_page_has_no_drift_note():
    fixture = Fixture(ROOT / "pages" / PAGES[0])
    article = clean_html(fixture.input_file.read_bytes(), url=fixture.url)
    assert article.drift is None and "drift" not in article.to_dict()


def _site_bodies():
    for fixture in page_fixtures():
        root, site, body = _page(fixture)
        if site and site.body and body is not None:
            yield fixture.id, root, site, body
    for held in load(("tune", "tune2", "tune3", "tune4", "untuned")):
        site = site_for_url(held.page.url) if held.article else None
        if site and site.body:
            root = dom.parse(held.page.html)
            if (body := dom.select_one(root, site.body, likely=True)) is not None:
                yield held.page.id, root, site, body


def test_the_guard_never_fires_on_fixtures_and_tune_holdouts():
    checked = 0
    for page_id, root, site, body in _site_bodies():
        try:
            check_body(root, body, site.title, dom.select(root, site.body, likely=True)[1:])
        except UntrustedBody as untrusted:
            pytest.fail(f"{page_id}: {untrusted}")
        checked += 1
    assert checked > 150


def test_the_cheap_bound_is_never_below_what_a_block_owns():
    """The guard skips the walk when the body holds SHARE of `_owned_at_most`: that must be at
    least what the densest block owns, on every page."""
    from cleaners.guard import _owned_at_most

    for page_id, root, _, _ in _site_bodies():
        assert _owned_at_most(root) >= max(owned_text(root).values()), page_id


# (A kompas page cut to its one-sentence lead is refused by the site path with or without the
# guard: `lines.looks_like_article` takes it for a teaser.)
SHORT = [
    "liputan6/gunung-lewotobi-erupsi-regional",
    "viva/beasiswa-lpdp-2026",
    "detik/ganjil-genap-puncak-bogor",
    "tempo/subsidi-motor-listrik-2025",
    "suara/kereta-cepat-tarif-promo",
    "antaranews/petani-garam-sumenep-jatim",
]
ABOUT = (
    "Portal berita ini menyajikan informasi terkini dari seluruh penjuru Nusantara, mulai dari "
    "politik, ekonomi, olahraga, hingga gaya hidup. Redaksi bekerja selama dua puluh empat jam "
    "untuk menghadirkan berita yang akurat, berimbang dan terpercaya bagi pembaca di mana pun "
    "berada. Kantor redaksi berada di Jakarta dengan biro di berbagai kota besar di Indonesia."
)


def short(fixture: Fixture, keep: int, about: bool) -> tuple[str, list[str]]:
    """The page with its body cut to its first `keep` paragraphs (breaking news, a video's two
    lines), and with a long "about us" box of its own after the article when `about`."""
    root, _, body = _page(fixture)
    paragraphs = [p for p in body.iter("p") if dom.text_of(p)]
    for p in paragraphs[keep:]:
        dom.remove(p)
    if about:
        box = etree.SubElement(root.find("body"), "div", {"class": "tentang-kami"})
        _p(box, ABOUT)
    return etree.tostring(root, method="html", encoding="unicode"), [
        dom.text_of(p) for p in paragraphs[:keep]
    ]


@pytest.mark.parametrize("about", [False, True], ids=["alone", "about-box"])
@pytest.mark.parametrize("keep", [1, 2])
@pytest.mark.parametrize("name", SHORT)
def test_a_short_story_keeps_the_site_path(name, keep, about):
    fixture = Fixture(ROOT / "pages" / name)
    page, kept = short(fixture, keep, about)
    article = clean_html(page, url=fixture.url)
    assert article.method == "site" and article.drift is None
    assert ABOUT not in article.to_text()
    assert kept[-1].split()[-1] in article.to_text()
