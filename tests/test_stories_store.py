"""Stories and search through the store and the CLI: features kept on save and reclean,
incremental adds, a v1 store migrated, output formats, ranking, hostile queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.store import SCHEMA_VERSION, Store
from scraper.store.sqlite_schema import MIGRATIONS
from scraper.stories import find_stories

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(ROOT.glob("fixtures/pages/*/seed-*"))


def fixture_article(folder: Path) -> dict:
    article = json.loads((folder / "expected.json").read_text())
    article["text"] = (folder / "expected.txt").read_text()
    return article


def page_articles() -> list[dict]:
    folders = sorted(ROOT.glob("fixtures/pages/*/*"))
    return [fixture_article(f) for f in folders if f.name[-3:-1] != "-p"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kliping.db"
    with Store(path) as store:
        for article in page_articles():
            store.save(article, [(article["url"], "<html></html>")])
    return path


def seed_story(stories):
    return next(s for s in stories if any("kim-jong-un" in a.url for a in s.articles))


def test_the_seeds_are_one_story_in_the_store(db: Path) -> None:
    with Store(db) as store:
        stories = find_stories(store)
    seed = seed_story(stories)
    assert {a.url for a in seed.articles} == {fixture_article(f)["url"] for f in SEEDS}
    assert sum(len(s.articles) for s in stories) == len(page_articles())


def test_features_are_stored_once_and_adding_is_incremental(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with Store(path) as store:
        for folder in SEEDS[:3]:
            a = fixture_article(folder)
            store.save(a, [])
        before = _feature_rows(path)
        assert len(before) == 3
        assert len(seed_story(find_stories(store)).articles) == 3
        for folder in SEEDS[3:]:
            store.save(fixture_article(folder), [])
        after = _feature_rows(path)
        assert {u: after[u] for u in before} == before  # old signatures untouched
        assert len(seed_story(find_stories(store)).articles) == 5


def _feature_rows(path: Path) -> dict:
    with sqlite3.connect(path) as conn:
        return {u: (n, bytes(s)) for u, n, s in conn.execute(
            "SELECT url, names, signature FROM story_features")}  # fmt: skip


def test_reclean_updates_features_and_the_search_index(db: Path) -> None:
    seed = fixture_article(SEEDS[0])
    with Store(db) as store:
        assert store.search("Wonsan", limit=50)
        changed = {**seed, "title": "Gempa di Zanzibarium",
                   "text": "Gempa di Zanzibarium\n\nWarga Zanzibarium mengungsi ke Balikpapan."}  # fmt: skip
        assert store.update_text(seed["url"], changed)
        assert [h.url for h in store.search("Zanzibarium")] == [seed["url"]]
        assert seed["url"] not in {h.url for h in store.search("Lavrov", limit=50)}
        assert seed["url"] not in {a.url for a in seed_story(find_stories(store)).articles}


def test_a_v1_store_is_migrated_indexed_and_its_features_filled_in(tmp_path: Path) -> None:
    # Build a v1 store by hand: the v1 schema and rows, no features, no index.
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    for article in (fixture_article(f) for f in SEEDS):
        conn.execute(
            "INSERT INTO articles (url, outlet, title, published, source, text, content_hash,"
            " first_seen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')",
            (article["url"], article["outlet"], article["title"], article["published"],
             article["source"], article["text"], article["url"]),
        )  # fmt: skip
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert len(store.search("Kim Jong Un Rusia")) == 5
        assert len(seed_story(find_stories(store)).articles) == 5
    assert len(_feature_rows(path)) == 5  # filled in on first use, kept


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stories_cli_text_and_jsonl(db: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "stories", "--db", str(db), "--min-articles", "2")
    assert code == 0
    assert out.startswith("1 story, 1 told by more than one article")
    assert "wire: Reuters" in out and out.count("https://") == 5
    code, out, _ = run_cli(capsys, "stories", "--db", str(db), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == len(page_articles()) - 4
    big = [s for s in lines if len(s["articles"]) > 1]
    assert len(big) == 1 and all("url" in a for a in big[0]["articles"])
    assert big[0]["earliest"]["outlet"] == "tribunnews" and big[0]["wire"] == "Reuters"


def test_stories_cli_filters(db: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "stories", "--db", str(db), "--since", "2025-07-01",
                           "--outlet", "kontan", "--outlet", "riau24", "--format", "jsonl")  # fmt: skip
    stories = [json.loads(line) for line in out.splitlines()]
    outlets = {a["outlet"] for s in stories for a in s["articles"]}
    assert code == 0 and outlets == {"kontan", "riau24"}
    assert all(a["published"] >= "2025-07-01" for s in stories for a in s["articles"])
    code, _, err = run_cli(capsys, "stories", "--db", str(db), "--since", "yesterday")
    assert code == 2 and "not a date" in err
    code, _, err = run_cli(capsys, "stories", "--db", str(db.parent / "none.db"))
    assert code == 6 and "not a kliping store" in err  # read-only commands never create one


def test_search_ranks_the_five_seeds_first(db: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "search", "Kim Jong Un Rusia", "--db", str(db),
                           "--format", "jsonl")  # fmt: skip
    hits = [json.loads(line) for line in out.splitlines()]
    seeds = {fixture_article(f)["url"] for f in SEEDS}
    assert code == 0 and {h["url"] for h in hits[:5]} == seeds
    assert all(h["snippet"] and h["outlet"] and h["title"] for h in hits[:5])
    code, out, _ = run_cli(capsys, "search", "kim jong un rusia", "--db", str(db))
    assert code == 0 and out.startswith("  1. ") and "[Kim]" in out


def test_search_title_weight_prefix_diacritics_and_filters(db: Path) -> None:
    with Store(db) as store:
        hits = store.search("cabai")
        assert hits and all("cabai" in (h.title or "").lower() for h in hits[:3])
        assert store.search("cab*")[0].url == hits[0].url  # prefix
        assert store.search("Kyīv") == store.search("kyiv")  # diacritics folded
        only = store.search("cabai", outlets=["patrazone"])
        assert only and {h.outlet for h in only} == {"patrazone"}
        assert all(h.published >= "2025-10-01" for h in store.search("cabai", since="2025-10-01"))


@pytest.mark.parametrize("query", [
    '"', '"Kim', "Kim*", "*", "***", "NEAR(Kim Rusia)", "Kim NEAR Rusia", "(((Kim", "Kim)",
    "title:Kim", "Kim AND", "OR", "NOT Rusia", "-Kim", "^Kim", "Kim + Rusia", "''", "\\",
    "\x00Kim", "{Kim}", "Kim:*", "a" * 5000,
])  # fmt: skip
def test_hostile_queries_never_error(db: Path, capsys, query: str) -> None:
    # After "--", as a query starting with "-" must be given to any argparse command.
    code, out, err = run_cli(capsys, "search", "--db", str(db), "--", query)
    assert code == 0, err
    assert err == ""
    assert out.startswith(("  1. ", "no articles match"))


def test_export_dedupe_keeps_one_article_per_story(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "all.jsonl"
    assert run_cli(capsys, "export", "--db", str(db), "--out", str(out))[0] == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    seed_ids = {r["story"] for r in rows if "kim-jong-un" in r["url"] or "pyongyang" in r["url"]}
    assert len(seed_ids) == 1
    deduped = tmp_path / "one.csv"
    code, _, _ = run_cli(capsys, "export", "--db", str(db), "--out", str(deduped),
                         "--format", "csv", "--dedupe")  # fmt: skip
    text = deduped.read_text()
    assert code == 0 and text.count(seed_ids.pop()) == 1
    assert "tribunnews.com/internasional/2023" in text  # the story's first publication is kept
    assert "kontan.co.id/news/kim-jong-un" not in text
