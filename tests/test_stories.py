"""Story grouping on the fixtures: the seed rewrites are one story, same-topic reports are not."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from scraper.stories import NAME_JACCARD, article_features, group, record
from scraper.stories.minhash import NUM_PERM, candidate_pairs, signature

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the labelled pairs live with their measurement, in bench/
from bench.stories_thresholds import articles, measure  # noqa: E402


def _row(url: str, text: str, outlet: str | None, published: str | None = None, **extra) -> dict:
    names, sig = article_features({"text": text, "outlet": outlet})
    return {
        "url": url, "outlet": outlet, "title": text.split("\n", 1)[0], "published": published,
        "source": extra.get("source"), "names": names, "signature": sig,
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
    }  # fmt: skip


def _page_rows() -> list[dict]:
    rows = []
    for expected in sorted(ROOT.glob("fixtures/pages/*/*/expected.txt")):
        meta = json.loads((expected.parent / "expected.json").read_text())
        if expected.parent.name[-3:-1] == "-p":  # one page of a split article
            continue
        rows.append(_row(meta["url"], expected.read_text(), meta["outlet"], meta["published"],
                         source=meta["source"]))  # fmt: skip
    for path in sorted((ROOT / "tests/data/stories").glob("*.txt")):
        rows.append(_row(f"https://example.test/{path.stem}", path.read_text(), None))
    return rows


@pytest.fixture(scope="module")
def stories():
    return group([record(r) for r in _page_rows()])


def _story_with(stories, fragment: str):
    return next(s for s in stories if any(fragment in a.url for a in s.articles))


def test_the_five_seed_rewrites_are_one_story_with_nothing_else(stories):
    seed = _story_with(stories, "kim-jong-un-janjikan")
    assert sorted(a.outlet for a in seed.articles) == [
        "kontan", "mediapesan", "patrazone", "riau24", "tribunnews",
    ]  # fmt: skip
    assert seed.wire == "Reuters"  # kontan names its wire source
    assert seed.earliest.outlet == "tribunnews"  # 2023: the earliest publication in the story
    assert all(0 < a.similarity <= 1 for a in seed.articles)


@pytest.mark.parametrize("fragment", ["cabai", "beras", "bus-listrik", "rob", "kontan.co.id", "festival"])  # fmt: skip
def test_same_topic_reports_stay_apart(stories, fragment):
    """Only the labelled rewrites share a story: cabai, rice, flood and kontan economy reports
    from different places or days do not group."""
    for story in stories:
        urls = [a.url for a in story.articles]
        seed = any("kim-jong-un" in u for u in urls)
        if len(urls) > 1 and not seed and any(fragment in u for u in urls):
            extras = [u for u in urls if "example.test" in u]
            assert len(urls) == 2 and len(extras) == 1, urls  # an original and its rewrite only


def test_hand_written_rewrites_join_their_originals(stories):
    for rewrite, original in [
        ("cabai-semarang-rewrite", "harga-cabai-rawit-di-semarang"),
        ("banjir-muara-angke-rewrite", "banjir-rob-rendam-ratusan-rumah-di-muara-angke"),
        ("beras-het-rewrite", "bapanas-kaji-kenaikan-het-beras-medium"),
    ]:
        assert any(original in a.url for a in _story_with(stories, rewrite).articles)
    for alone in ("beras-surabaya", "beras-medan"):
        assert len(_story_with(stories, alone).articles) == 1


@pytest.mark.xfail(
    strict=True,
    reason="DEFECT: same-topic reports of different days share names above NAME_JACCARD "
    "(okezone/harga-emas-antam-turun-all ~ patrazone/harga-emas-antam-list 0.353, "
    "viva/penjualan-mobil-oktober-gaikindo ~ text/kontan-mobil-noheadline 0.333): the "
    "threshold needs recalibrating on the larger fixture set",
)
def test_the_measured_distribution_separates_at_the_threshold():
    positives, negatives = measure()
    assert min(p[0] for p in positives) >= NAME_JACCARD > max(n[0] for n in negatives)


def test_word_shingles_alone_would_not_separate():
    """Why names and not word shingles: a same-topic pair shares more words than rewrites do."""
    positives, negatives = measure()
    assert min(p[1] for p in positives) < max(n[1] for n in negatives)


def test_the_same_article_under_two_urls_is_one_story_even_when_short():
    text = "Singkat\n\nBerita pendek sekali."
    other = "Lain\n\nBerita pendek lainnya."
    rows = [_row("https://a.test/1", text, "x"), _row("https://a.test/2?amp", text, "x"),
            _row("https://a.test/3", other, "x")]  # fmt: skip
    stories = group([record(r) for r in rows])
    assert [len(s.articles) for s in stories] == [2, 1]
    assert {a.url for a in stories[0].articles} == {"https://a.test/1", "https://a.test/2?amp"}


def _names_text(names: list[str]) -> str:
    body = " ".join(f"Lalu {name.capitalize()} hadir." for name in names)
    return f"Judul\n\n{body}\n"


def test_chains_are_transitive():
    """A~B and B~C put A and C in one story although A and C share nothing."""
    a = [f"alfa{i}" for i in range(10)]
    c = [f"gama{i}" for i in range(10)]
    b = a[:6] + c[:6]
    rows = [_row(f"https://t.test/{k}", _names_text(n), None) for k, n in zip("abc", (a, b, c), strict=True)]  # fmt: skip
    stories = group([record(r) for r in rows])
    assert len(stories) == 1 and len(stories[0].articles) == 3


def test_max_days_keeps_distant_publications_apart():
    names = [f"nama{i}" for i in range(10)]
    rows = [_row("https://t.test/1", _names_text(names), None, "2025-07-13T10:00:00+07:00"),
            _row("https://t.test/2", _names_text(names) + "x", None, "2023-06-13T10:00:00+07:00")]  # fmt: skip
    assert len(group([record(r) for r in rows])) == 1
    assert len(group([record(r) for r in rows], max_days=30)) == 2


def test_lsh_finds_close_sets_and_skips_disjoint_ones():
    base = [f"n{i}" for i in range(30)]
    close = base[:24] + [f"m{i}" for i in range(6)]  # Jaccard 24/36 = 0.67
    far = [f"z{i}" for i in range(30)]
    sigs = [signature(base), signature(close), signature(far)]
    assert candidate_pairs(sigs).tolist() == [[0, 1]]
    assert len(sigs[0]) == NUM_PERM * 4


def test_fixture_texts_all_have_names():
    for name, text, outlet in articles():
        names, _ = article_features({"text": text, "outlet": outlet})
        assert names, name
