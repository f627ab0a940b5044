"""The store's behaviour, one suite for every backend: each test runs on SQLite and on a real
PostgreSQL server (the ``store`` / ``store_target`` fixtures of this folder's conftest)."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import textwrap
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from storecases import URL, behind_the_back, iso_utc, make_article

from cleaners.article import METADATA_FIELDS, Article
from scraper.store import Store, StoreError, open_store

# --- articles -------------------------------------------------------------------------------


def test_save_get_round_trip_with_every_field(store: Store, store_target: str) -> None:
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
    [(authors, images, text, editor)] = behind_the_back(
        store_target, "SELECT authors, images, text, editor FROM articles WHERE url = ?", (URL,)
    )
    assert json.loads(authors) == article["authors"]
    assert json.loads(images) == article["images"]
    assert text == article["text"]
    assert editor == "Handoyo"

    store.close()
    with open_store(store_target) as reopened:
        assert reopened.get(URL) == got


def test_get_unknown_url_is_none(store: Store) -> None:
    store.save(make_article(), [])
    assert store.get(URL + "-lain") is None
    assert store.get(URL) is not None


def test_one_row_per_url_new_unchanged_updated(store: Store, store_target: str) -> None:
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
    assert behind_the_back(store_target, "SELECT count(*) FROM articles") == [(1,)]


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


def test_raw_pages_round_trip_compressed(store: Store, store_target: str) -> None:
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
    [(blob,)] = behind_the_back(store_target, "SELECT raw_html FROM articles WHERE url = ?", (URL,))
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


def test_damaged_raw_pages_are_a_store_error(store: Store, store_target: str) -> None:
    store.save(make_article(), [(URL, "<p>x</p>")])
    behind_the_back(store_target, "UPDATE articles SET raw_html = ? WHERE url = ?", (b"rusak", URL))
    with pytest.raises(StoreError, match=r"raw pages of .* are damaged"):
        store.raw_pages(URL)


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
    # A batch with an unknown URL changes nothing at all (one transaction).
    with pytest.raises(KeyError):
        store.update_texts([(URL, make_article(paragraphs=["Lain lagi."])), (URL + "-x", better)])
    assert store.get(URL) == after


def test_save_rejects_articles_without_url_or_with_unknown_fields(store: Store) -> None:
    with pytest.raises(ValueError, match="url"):
        store.save(make_article(url=None), [])
    with pytest.raises(ValueError, match="unknown article fields: lead"):
        store.save({**make_article(), "lead": "x"}, [])
    assert store.count() == 0


def test_iter_articles_streams_in_batches(
    store: Store, store_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(store), "_batch", 2)
    urls = [f"https://nasional.kontan.co.id/news/berita-{i}" for i in range(5)]
    for i, url in enumerate(urls):
        store.save(make_article(url=url, outlet="kontan" if i % 2 == 0 else "riau24"), [])

    articles = store.iter_articles()
    first = next(articles)
    assert first["url"] == urls[0]
    assert first == store.get(urls[0])
    # Rows are read lazily: an article saved (from another connection) while iterating appears.
    late = "https://nasional.kontan.co.id/news/berita-terlambat"
    with open_store(store_target) as other:
        other.save(make_article(url=late), [])
    # And the store can be written to between items (reclean does that).
    assert store.update_text(urls[3], make_article(urls[3], "riau24", paragraphs=["baru"]))
    rest = list(articles)
    assert [a["url"] for a in rest] == [*urls[1:], late]
    assert rest[2]["text"].endswith("baru\n")  # read after the update: a later batch

    assert [a["url"] for a in store.iter_articles("kontan")] == [urls[0], urls[2], urls[4], late]
    assert [a["url"] for a in store.iter_articles("riau24")] == [urls[1], urls[3]]
    assert list(store.iter_articles("patrazone")) == []


def test_outlet_profile(store: Store) -> None:
    assert store.outlet_profile("kontan") == {"count": 0, "median_length": 0, "has": {}}
    for i, authors in enumerate([["A"], [], ["B"]]):
        url = f"https://nasional.kontan.co.id/news/p-{i}"
        store.save(make_article(url=url, authors=authors, paragraphs=["x" * (10 * (i + 1))]), [])
    profile = store.outlet_profile("kontan")
    assert profile["count"] == 3
    assert profile["median_length"] == len(
        store.get("https://nasional.kontan.co.id/news/p-1")["text"]
    )
    assert profile["has"] == {"published": 1.0, "title": 1.0, "authors": pytest.approx(2 / 3)}


def test_outlet_profile_counts_articles_up_to_the_outlets_last_finished_pass(
    store: Store,
) -> None:
    def save(run_id: int | None, n: int, **changes) -> None:
        url = f"https://nasional.kontan.co.id/news/r-{n}"
        store.save(make_article(url=url, **changes), [], run_id=run_id)

    save(None, 0)  # stored outside a pass (an import): always counts
    killed = store.start_run(["kontan"])  # never finished: SIGKILL
    for n in range(1, 6):
        save(killed, n, authors=[])
    assert store.outlet_profile("kontan")["count"] == 1
    other = store.start_run(["riau24"])  # a pass that finished, of another outlet only
    store.finish_run(other, "finished", {"riau24": {"new": 0}})
    assert store.outlet_profile("kontan")["count"] == 1
    stopped = store.start_run(["kontan"])  # stopped early (SIGTERM): a partial set too
    save(stopped, 6)
    store.finish_run(stopped, "interrupted", {"kontan": {"new": 1}})
    assert store.outlet_profile("kontan")["count"] == 1

    restart = store.start_run(["kontan"])
    save(restart, 7)
    assert store.outlet_profile("kontan")["count"] == 1  # still running
    store.finish_run(restart, "finished", {"kontan": {"new": 1}})
    # Finished, it made the killed and stopped passes' sets whole: theirs count with its own.
    profile = store.outlet_profile("kontan")
    assert profile["count"] == 8
    assert profile["has"]["authors"] == pytest.approx(3 / 8)
    later = store.start_run(["kontan"])  # killed after the finished pass: waits for the next
    save(later, 8)
    assert store.outlet_profile("kontan")["count"] == 8
    # A row updated by a later pass belongs to that pass (its content came from there).
    save(later, 0, title="Judul baru")
    assert store.outlet_profile("kontan")["count"] == 7


# --- opening ---------------------------------------------------------------------------------


def test_reopening_keeps_data_and_version(store_target: str) -> None:
    with open_store(store_target) as first:
        first.save(make_article(), [])
        version = first.schema_version
    assert version >= 1
    with Store(store_target) as second:  # the old spelling opens the same backend
        assert type(second) is type(first)
        assert second.schema_version == version
        assert second.count() == 1


def test_without_create_a_fresh_target_is_not_a_store(new_target) -> None:
    target = new_target()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="is not a kliping store") as info:
            open_store(target, create=False, readonly=readonly)
        assert "\n" not in str(info.value)
    with open_store(target) as created:  # still fresh: nothing was made
        assert created.count() == 0


def test_readonly_reads_and_refuses_writes(store_target: str) -> None:
    with open_store(store_target) as created:
        created.save(make_article(), [(URL, "<p>x</p>")])
        run = created.start_run(["kontan"], {"days": 1})
    with open_store(store_target, readonly=True) as reader:
        assert reader.readonly and reader.count() == 1
        assert reader.raw_pages(URL) == [(URL, "<p>x</p>")]
        assert [r["id"] for r in reader.recent_runs()] == [run]
        for write in (
            lambda: reader.save(make_article(url=URL + "-2"), []),
            lambda: reader.update_text(URL, make_article(paragraphs=["lain"])),
            lambda: reader.start_run(["kontan"]),
            lambda: reader.finish_run(run, "finished", {}),
            lambda: reader.add_drift_sample("kontan", URL, "x", "<html/>"),
        ):
            with pytest.raises(StoreError, match="read-only"):
                write()
    with open_store(store_target) as after:
        assert after.count() == 1 and after.recent_runs()[0]["ended_at"] is None


def test_closed_store_raises_store_error(store_target: str) -> None:
    with open_store(store_target) as opened:
        opened.save(make_article(), [])
    with pytest.raises(StoreError, match="closed"):
        opened.get(URL)
    opened.close()  # closing twice is fine


def test_integrity_check_of_a_sound_store(store: Store) -> None:
    store.save(make_article(), [(URL, "<p>x</p>")])
    run = store.start_run(["kontan"], {"days": 1})
    store.finish_run(run, "finished", {"kontan": {"new": 1}})
    store.add_drift_sample("kontan", URL, "no body", "<html/>", run_id=run)
    assert store.integrity_check() == []


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
    assert list(earlier["per_outlet"]) == ["kontan", "tribunnews"]  # in the order given
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

    # Finishing again replaces an outlet's record instead of adding a second one.
    store.finish_run(first, "shutdown", {"kontan": {"new": 31}})
    again = store.recent_runs()[1]
    assert again["finish_reason"] == "shutdown"
    assert again["per_outlet"]["kontan"]["new"] == 31
    assert again["per_outlet"]["tribunnews"]["failed"] == 10

    with pytest.raises(KeyError):
        store.finish_run(12345, "finished", {"kontan": {}})


def test_drift_samples_round_trip(store: Store, store_target: str) -> None:
    run = store.start_run(["kontan", "riau24"], None)
    html = "<html><div class='baru'>" + "tata letak baru " * 500 + "</div></html>"
    first = store.add_drift_sample("kontan", URL, "body selector matched nothing", html, run)
    second = store.add_drift_sample(
        "riau24", "https://www.riau24.com/berita/1", "generic fallback", html.encode(), None
    )
    third = store.add_drift_sample("riau24", "https://www.riau24.com/berita/2", "no page", None)
    assert third > second > first

    samples = store.drift_samples()
    assert [s["id"] for s in samples] == [first, second, third]
    assert samples[0]["run_id"] == run
    assert samples[0]["outlet"] == "kontan"
    assert samples[0]["url"] == URL
    assert samples[0]["reason"] == "body selector matched nothing"
    assert samples[0]["raw_html"] == html
    iso_utc(samples[0]["created_at"])
    assert samples[1]["run_id"] is None and samples[1]["raw_html"] == html
    assert samples[2]["raw_html"] is None
    assert [s["id"] for s in store.drift_samples("riau24")] == [second, third]
    assert [s["id"] for s in store.drift_samples("riau24", limit=1)] == [second]
    assert store.drift_samples("tribunnews") == []

    [(blob,)] = behind_the_back(
        store_target, "SELECT raw_html FROM drift_samples WHERE id = ?", (first,)
    )
    assert len(blob) < len(html) / 10 and zlib.decompress(blob).decode() == html


# --- many writers and crashes ------------------------------------------------------------------


def test_concurrent_writers_of_the_same_urls_store_each_once(store_target: str) -> None:
    """Two workers (two connections) saving the same articles at once: one "new" per URL."""
    open_store(store_target).close()
    urls = [f"https://nasional.kontan.co.id/news/sama-{i}" for i in range(30)]

    def worker(_: int) -> list[str]:
        with open_store(store_target) as own:
            return [own.save(make_article(url=url), [(url, "<p>x</p>")]) for url in urls]

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(worker, range(2)))
    outcomes = [a for pair in zip(*results, strict=True) for a in pair]
    assert sorted(outcomes) == sorted(["new", "unchanged"] * len(urls))
    with open_store(store_target) as opened:
        assert opened.count() == len(urls)


WRITER = textwrap.dedent(
    """
    import sys
    from cleaners.article import Article
    from scraper.store import open_store

    store = open_store(sys.argv[1])
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


def test_sigkill_at_any_moment_leaves_no_half_written_row(store_target: str) -> None:
    open_store(store_target).close()
    acknowledged = -1
    for round_ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, store_target, str(acknowledged + 1)],
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

        with open_store(store_target) as opened:
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


def test_article_dicts_from_the_cleaner_round_trip(store: Store) -> None:
    article = Article(paragraphs=["Satu.", "Dua."], title="Judul", url=URL, outlet="kontan")
    assert store.save(article.to_dict(), []) == "new"
    assert store.get(URL)["text"] == article.to_dict()["text"]
