"""The SQLite store: real database files in tmp_path, checked through the API and sqlite3."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from cleaners.article import METADATA_FIELDS, Article
from scraper.store import APPLICATION_ID, SCHEMA_VERSION, SQLiteStore, Store, StoreError

URL = "https://internasional.kontan.co.id/news/kim-jong-un-dukung-penuh-rusia"


def make_article(url: str = URL, outlet: str = "kontan", **changes) -> dict:
    """A full Article.to_dict(): every metadata field set to something other than its default."""
    fields = {
        "paragraphs": [
            "KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un “mendukung penuh” Rusia.",
            "Pesan itu disampaikan di Hari Nasional Rusia.",
        ],
        "title": "Kim Jong Un Dukung Penuh Rusia",
        "url": url,
        "outlet": outlet,
        "published": "2025-06-13T10:30:00+07:00",
        "updated": "2025-06-13T11:00:00+07:00",
        "authors": ["Yunita Rahmayanti", "Burung Hantu"],
        "editor": "Handoyo",
        "source": "Reuters",
        "section": "Internasional",
        "tags": ["Korea Utara", "Rusia"],
        "description": "Kim Jong Un mengatakan Korea Utara memberi dukungan penuh.",
        "language": "id",
        "images": [{"url": "https://img.kontan.co.id/a.jpg", "caption": "Kim – di Pyongyang"}],
        "method": "site",
    }
    fields.update(changes)
    return Article(**fields).to_dict()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kliping.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened


def raw_row(path: Path, url: str) -> sqlite3.Row:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
    finally:
        conn.close()


def iso_utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0
    return parsed


# --- articles -------------------------------------------------------------------------------


def test_save_get_round_trip_with_every_field(store: Store, db_path: Path) -> None:
    article = make_article()
    assert set(article) == {*METADATA_FIELDS, "text"}

    fetched = "2025-06-13T04:00:00+00:00"
    assert store.save(article, [(URL, "<html>a</html>")], fetched_at=fetched) == "new"

    got = store.get(URL)
    assert got is not None
    assert {key: got[key] for key in article} == article
    assert got["fetched_at"] == fetched
    assert got["content_hash"] == hashlib.sha256(article["text"].encode()).hexdigest()
    assert iso_utc(got["first_seen"]) == iso_utc(got["updated_at"])

    # The columns themselves: lists as JSON text, one column per field.
    row = raw_row(db_path, URL)
    assert json.loads(row["authors"]) == article["authors"]
    assert json.loads(row["images"]) == article["images"]
    assert row["text"] == article["text"]
    assert row["editor"] == "Handoyo"

    store.close()
    with Store(db_path) as reopened:
        assert reopened.get(URL) == got


def test_get_unknown_url_is_none(store: Store) -> None:
    store.save(make_article(), [])
    assert store.get(URL + "-lain") is None
    assert store.get(URL) is not None


def test_one_row_per_url_new_unchanged_updated(store: Store, db_path: Path) -> None:
    article = make_article()
    assert store.save(article, [(URL, "<p>v1</p>")]) == "new"
    first = store.get(URL)

    assert store.save(dict(article), [(URL, "<p>v1 again</p>")]) == "unchanged"
    assert store.get(URL) == first  # nothing written, the first raw pages kept
    assert store.raw_pages(URL) == [(URL, "<p>v1</p>")]

    changed = make_article(paragraphs=["Paragraf baru."])
    assert store.save(changed, [(URL, "<p>v2</p>")]) == "updated"
    second = store.get(URL)
    assert second["text"] == "Kim Jong Un Dukung Penuh Rusia\n\nParagraf baru.\n"
    assert second["content_hash"] != first["content_hash"]
    assert second["first_seen"] == first["first_seen"]
    assert store.raw_pages(URL) == [(URL, "<p>v2</p>")]

    # Metadata alone changing is an update too.
    assert store.save(make_article(paragraphs=["Paragraf baru."], tags=["Rusia"]), []) == "updated"
    assert store.get(URL)["tags"] == ["Rusia"]
    assert store.raw_pages(URL) == [(URL, "<p>v2</p>")]  # no new pages: the old ones stay

    assert store.count() == 1
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_known_urls_has_and_count_by_outlet(store: Store) -> None:
    urls = {
        "kontan": [f"https://nasional.kontan.co.id/news/a-{i}" for i in range(3)],
        "tribunnews": [f"https://www.tribunnews.com/x/2025/06/13/b-{i}" for i in range(2)],
    }
    for outlet, outlet_urls in urls.items():
        for url in outlet_urls:
            store.save(make_article(url=url, outlet=outlet), [])

    assert store.known_urls() == {*urls["kontan"], *urls["tribunnews"]}
    assert store.known_urls("kontan") == set(urls["kontan"])
    assert store.known_urls("tribunnews") == set(urls["tribunnews"])
    assert store.known_urls("riau24") == set()
    assert store.count() == 5
    assert store.count("kontan") == 3
    assert store.count("riau24") == 0
    assert store.has(urls["kontan"][0])
    assert not store.has("https://nasional.kontan.co.id/news/tidak-ada")


def test_raw_pages_round_trip_compressed(store: Store, db_path: Path) -> None:
    filler = "<div class='iklan'>Jasa Pembuatan Website Berita</div>\n" * 400
    page1 = f"<html><h1>Kim Jong Un “Dukung” Rusia</h1>{filler}<p>halaman 1</p></html>"
    page2 = f"<html>{filler}<p>halaman 2 – akhir</p></html>".encode()
    page3 = b'<html><meta charset="windows-1252"><p>caf\xe9 \x93kutip\x94</p></html>'
    pages = [(URL, page1), (URL + "?page=2", page2), (URL + "?page=3", page3)]

    store.save(make_article(), pages)

    assert store.raw_pages(URL) == [
        (URL, page1),
        (URL + "?page=2", page2.decode("utf-8")),
        (URL + "?page=3", page3.decode("cp1252")),
    ]
    blob = raw_row(db_path, URL)["raw_html"]
    assert isinstance(blob, bytes)
    assert len(blob) < len(page1) / 10  # compressed
    assert json.loads(zlib.decompress(blob))[1] == {
        "url": URL + "?page=2",
        "html": page2.decode("utf-8"),
    }


def test_raw_pages_of_text_only_and_unknown(store: Store) -> None:
    store.save(make_article(), [])
    assert store.raw_pages(URL) == []
    # Pages arriving later for the same text are kept, the save is still "unchanged".
    assert store.save(make_article(), [(URL, "<p>x</p>")]) == "unchanged"
    assert store.raw_pages(URL) == [(URL, "<p>x</p>")]
    with pytest.raises(KeyError):
        store.raw_pages(URL + "-lain")


def test_update_text_for_reclean(store: Store) -> None:
    store.save(make_article(), [(URL, "<p>raw</p>")], fetched_at="2025-06-13T04:00:00+00:00")
    before = store.get(URL)

    assert store.update_text(URL, make_article()) is False
    assert store.get(URL) == before

    better = make_article(paragraphs=["Teks yang lebih bersih."], editor=None, method="generic")
    assert store.update_text(URL, better) is True
    after = store.get(URL)
    assert {key: after[key] for key in better} == better
    assert after["content_hash"] == hashlib.sha256(better["text"].encode()).hexdigest()
    assert after["fetched_at"] == before["fetched_at"]
    assert after["first_seen"] == before["first_seen"]
    assert store.raw_pages(URL) == [(URL, "<p>raw</p>")]
    assert store.count() == 1

    with pytest.raises(KeyError):
        store.update_text(URL + "-lain", better)


def test_save_rejects_articles_without_url_or_with_unknown_fields(store: Store) -> None:
    with pytest.raises(ValueError, match="url"):
        store.save(make_article(url=None), [])
    with pytest.raises(ValueError, match="unknown article fields: lead"):
        store.save({**make_article(), "lead": "x"}, [])
    assert store.count() == 0


def test_iter_articles_streams_in_batches(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SQLiteStore, "_batch", 2)
    urls = [f"https://nasional.kontan.co.id/news/berita-{i}" for i in range(5)]
    for i, url in enumerate(urls):
        store.save(make_article(url=url, outlet="kontan" if i % 2 == 0 else "riau24"), [])

    articles = store.iter_articles()
    first = next(articles)
    assert first["url"] == urls[0]
    assert first == store.get(urls[0])
    # Rows are read lazily: an article saved (from another connection) while iterating appears.
    late = "https://nasional.kontan.co.id/news/berita-terlambat"
    with Store(db_path) as other:
        other.save(make_article(url=late), [])
    # And the store can be written to between items (reclean does that).
    assert store.update_text(urls[3], make_article(urls[3], "riau24", paragraphs=["baru"]))
    rest = list(articles)
    assert [a["url"] for a in rest] == [*urls[1:], late]
    assert rest[2]["text"].endswith("baru\n")  # read after the update: a later batch

    assert [a["url"] for a in store.iter_articles("kontan")] == [urls[0], urls[2], urls[4], late]
    assert [a["url"] for a in store.iter_articles("riau24")] == [urls[1], urls[3]]
    assert list(store.iter_articles("patrazone")) == []


# --- opening, versions, integrity --------------------------------------------------------------


def test_new_store_sets_schema_version_and_pragmas(store: Store, db_path: Path) -> None:
    assert db_path.parent.is_dir()  # parent folders created
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "runs", "run_outlets", "drift_samples"} <= tables
    conn.close()
    # Per-connection settings of the store's own connection.
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.schema_version == SCHEMA_VERSION


def test_reopening_keeps_data_and_version(db_path: Path) -> None:
    with Store(db_path) as first:
        first.save(make_article(), [])
    with Store(db_path) as second:
        assert second.schema_version == SCHEMA_VERSION
        assert second.count() == 1


def test_newer_schema_version_is_refused(db_path: Path) -> None:
    with Store(db_path) as created:
        created.save(make_article(), [])
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(StoreError, match=r"newer than this kliping knows") as info:
        Store(db_path)
    assert str(db_path) in str(info.value)
    assert "\n" not in str(info.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "articles.db"
    content = "url,title\nhttps://x,judul\n" * 50
    path.write_text(content)
    with pytest.raises(StoreError, match=r"articles\.db is not a kliping store"):
        Store(path)
    assert path.read_text() == content  # left untouched
    assert not (tmp_path / "articles.db-wal").exists()


def test_a_directory_or_another_apps_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is not a kliping store"):
        Store(tmp_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match=r"other\.db is not a kliping store"):
        Store(other)
    assert other.read_bytes() == before  # not even switched to WAL
    conn = sqlite3.connect(other)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert tables == {"contacts"}


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION


def test_migrations_run_in_order_and_a_failing_one_is_rolled_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as v1:
        v1.save(make_article(), [])

    broken = "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(SQLiteStore, "migrations", [*SQLiteStore.migrations, broken])
    with pytest.raises(StoreError, match="no_such_table"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    conn.close()

    v2 = """
        ALTER TABLE articles ADD COLUMN word_count INTEGER;
        CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT DEFAULT 'a;b');
        CREATE TRIGGER notes_trim AFTER INSERT ON notes BEGIN
            UPDATE notes SET body = trim(body) WHERE id = new.id;
        END;
    """
    monkeypatch.setattr(SQLiteStore, "migrations", [*SQLiteStore.migrations[:SCHEMA_VERSION], v2])
    with Store(db_path) as v2_store:
        assert v2_store.schema_version == SCHEMA_VERSION + 1
        assert v2_store.get(URL)["text"] == make_article()["text"]
        v2_store._db.execute("INSERT INTO notes (body) VALUES ('  x  ')")
        assert v2_store._db.execute("SELECT body FROM notes").fetchone()[0] == "x"

    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_integrity_check(store: Store, db_path: Path) -> None:
    store.save(make_article(), [(URL, "<p>x</p>")])
    run = store.start_run(["kontan"], {"days": 1})
    store.finish_run(run, "finished", {"kontan": {"new": 1}})
    store.add_drift_sample("kontan", URL, "no body", "<html/>", run_id=run)
    assert store.integrity_check() == []
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # A broken reference (written behind the store's back) is reported.
    conn.execute("INSERT INTO run_outlets (run_id, outlet) VALUES (999, 'kontan')")
    conn.commit()
    conn.close()
    assert store.integrity_check() == ["foreign key: run_outlets row 2 -> runs"]


def test_closed_store_raises_store_error(db_path: Path) -> None:
    with Store(db_path) as opened:
        opened.save(make_article(), [])
    with pytest.raises(StoreError, match="closed"):
        opened.get(URL)
    opened.close()  # closing twice is fine


# --- runs and drift samples --------------------------------------------------------------------


def test_runs_round_trip(store: Store) -> None:
    first = store.start_run(["kontan", "tribunnews"], {"days": 2, "max_pages": 100})
    second = store.start_run(["riau24"], ["crawl", "--outlet", "riau24"])
    assert second > first

    per_outlet = {
        "kontan": {
            "discovered": 40,
            "new": 30,
            "already": 8,
            "site": 29,
            "generic": 1,
            "failed": 2,
            "status_counts": {200: 38, 404: 2},
            "health": "ok",
            "health_reason": None,
        },
        "tribunnews": {
            "discovered": 10,
            "failed": 10,
            "status_counts": {"403": 10},
            "health": "failing",
            "health_reason": "10 of 10 requests answered 403",
            "robots_blocked": 3,  # a key the store has no column for is kept too
        },
    }
    store.finish_run(first, "finished", per_outlet)

    runs = store.recent_runs()
    assert [run["id"] for run in runs] == [second, first]
    latest, earlier = runs
    assert latest["ended_at"] is None and latest["finish_reason"] is None
    assert latest["args"] == ["crawl", "--outlet", "riau24"]
    assert latest["per_outlet"] == {}

    assert earlier["outlets"] == ["kontan", "tribunnews"]
    assert earlier["args"] == {"days": 2, "max_pages": 100}
    assert earlier["finish_reason"] == "finished"
    assert iso_utc(earlier["ended_at"]) >= iso_utc(earlier["started_at"])
    assert earlier["per_outlet"]["kontan"] == per_outlet["kontan"]
    assert earlier["per_outlet"]["tribunnews"] == {
        "discovered": 10,
        "new": 0,
        "already": 0,
        "site": 0,
        "generic": 0,
        "failed": 10,
        "status_counts": {403: 10},
        "health": "failing",
        "health_reason": "10 of 10 requests answered 403",
        "robots_blocked": 3,
    }
    assert [run["id"] for run in store.recent_runs(limit=1)] == [second]

    with pytest.raises(KeyError):
        store.finish_run(12345, "finished", {"kontan": {}})


def test_drift_samples_round_trip(store: Store, db_path: Path) -> None:
    run = store.start_run(["kontan", "riau24"], None)
    html = "<html><div class='baru'>" + "tata letak baru " * 500 + "</div></html>"
    first = store.add_drift_sample("kontan", URL, "body selector matched nothing", html, run)
    second = store.add_drift_sample(
        "riau24", "https://www.riau24.com/berita/1", "generic fallback", html.encode(), None
    )
    assert second > first

    samples = store.drift_samples()
    assert [s["id"] for s in samples] == [first, second]
    assert samples[0]["run_id"] == run
    assert samples[0]["outlet"] == "kontan"
    assert samples[0]["url"] == URL
    assert samples[0]["reason"] == "body selector matched nothing"
    assert samples[0]["raw_html"] == html
    iso_utc(samples[0]["created_at"])
    assert samples[1]["run_id"] is None and samples[1]["raw_html"] == html
    assert [s["id"] for s in store.drift_samples("riau24")] == [second]
    assert store.drift_samples("tribunnews") == []

    conn = sqlite3.connect(db_path)
    blob = conn.execute("SELECT raw_html FROM drift_samples WHERE id = ?", (first,)).fetchone()[0]
    conn.close()
    assert len(blob) < len(html) / 10 and zlib.decompress(blob).decode() == html


# --- failures: disk full and crashes ---------------------------------------------------------


def test_disk_full_raises_store_error_and_keeps_earlier_rows(store: Store) -> None:
    urls = [f"https://nasional.kontan.co.id/news/berita-{i}" for i in range(3)]
    for url in urls:
        store.save(make_article(url=url), [(url, "<p>" + "isi " * 200 + "</p>")])
    before = [store.get(url) for url in urls]

    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    big = os.urandom(300_000).hex()  # incompressible, needs many new pages
    huge = make_article(url="https://nasional.kontan.co.id/news/besar", paragraphs=[big])

    with pytest.raises(StoreError, match="database or disk is full") as info:
        store.save(huge, [(huge["url"], big)])
    assert "\n" not in str(info.value)
    with pytest.raises(StoreError, match="disk is full"):
        store.update_text(urls[0], make_article(url=urls[0], paragraphs=[big]))
    with pytest.raises(StoreError, match="disk is full"):
        store.add_drift_sample("kontan", urls[0], "x", big)

    assert not store._db.in_transaction
    assert not store.has(huge["url"])
    assert [store.get(url) for url in urls] == before
    assert store.count() == 3
    assert store.integrity_check() == []

    # Once there is room again the same store works.
    store._db.execute("PRAGMA max_page_count = 1073741823")
    assert store.save(huge, []) == "new"
    assert store.count() == 4


WRITER = textwrap.dedent(
    """
    import sys
    from cleaners.article import Article
    from scraper.store import Store

    store = Store(sys.argv[1])
    i = int(sys.argv[2])
    while True:
        url = f"https://nasional.kontan.co.id/news/berita-{i}"
        body = [f"Paragraf {j} dari berita {i}." * 20 for j in range(30)]
        article = Article(paragraphs=body, title=f"Berita {i}", url=url, outlet="kontan")
        store.save(article.to_dict(), [(url, "<html>" + "\\n".join(body) + "</html>")])
        if i % 3 == 0:  # rewrites of earlier rows too
            old = f"https://nasional.kontan.co.id/news/berita-{i // 2}"
            if store.has(old):
                new = Article(paragraphs=body[:5], title=f"Ubah {i}", url=old, outlet="kontan")
                store.update_text(old, new.to_dict())
        print(i, flush=True)
        i += 1
    """
)


def test_sigkill_at_any_moment_leaves_no_half_written_row(tmp_path: Path) -> None:
    db_path = tmp_path / "kliping.db"
    Store(db_path).close()
    acknowledged = -1
    for round_ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), str(acknowledged + 1)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        # Let it write a few rows, then kill it mid-stream at a different point each round.
        for _ in range(5 + 7 * round_):
            line = proc.stdout.readline()
            assert line, "the writer died on its own"
            acknowledged = int(line)
        time.sleep(0.003 * round_)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()

        with Store(db_path) as opened:
            assert opened.integrity_check() == []
            rows = list(opened.iter_articles())
            urls = {row["url"] for row in rows}
            # Everything the writer reported as saved is there, complete.
            for i in range(acknowledged + 1):
                assert f"https://nasional.kontan.co.id/news/berita-{i}" in urls
            for row in rows:
                assert row["content_hash"] == hashlib.sha256(row["text"].encode()).hexdigest()
                number = row["url"].rsplit("-", 1)[1]
                [(page_url, html)] = opened.raw_pages(row["url"])
                assert page_url == row["url"]
                assert html.endswith("</html>") and f"berita {number}." in html
            acknowledged = max(int(url.rsplit("-", 1)[1]) for url in urls)
