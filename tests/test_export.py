"""Export of the store to JSON lines, CSV and text files, parsed back and compared."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from cleaners.article import METADATA_FIELDS, Article
from scraper.export import EXPORT_FIELDS, export, txt_name
from scraper.store import Store

KONTAN = "https://internasional.kontan.co.id/news/kim-jong-un-dukung-penuh-rusia"
KONTAN_2 = "https://nasional.kontan.co.id/news/harga-beras-naik"
TRIBUN = "https://www.tribunnews.com/internasional/2025/06/13/putin-terima-kasih.html"


def articles() -> list[dict]:
    return [
        Article(
            paragraphs=[
                "KONTAN.CO.ID - JAKARTA. Kim Jong Un “mendukung penuh” Rusia, katanya; lalu pergi.",
                'Kutipan dengan "tanda petik", koma, dan – tanda pisah.',
            ],
            title="Kim Jong Un Dukung Penuh Rusia",
            url=KONTAN,
            outlet="kontan",
            published="2025-06-13T10:30:00+07:00",
            authors=["Yunita Rahmayanti", "Burung; Hantu"],
            editor="Handoyo",
            source="Reuters",
            section="Internasional",
            tags=["Korea Utara", "Rusia"],
            description="Dukungan penuh.",
            images=[{"url": "https://img.kontan.co.id/a.jpg", "caption": "Kim, di Pyongyang"}],
        ).to_dict(),
        Article(
            paragraphs=["TRIBUNNEWS.COM - Putin berterima kasih."],
            title="Putin Terima Kasih",
            url=TRIBUN,
            outlet="tribunnews",
            method="generic",
        ).to_dict(),
        # No headline: the text starts with the first paragraph.
        Article(paragraphs=["Harga beras naik lagi."], url=KONTAN_2, outlet="kontan").to_dict(),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "kliping.db") as opened:
        for article in articles():
            opened.save(article, [(article["url"], "<html>RAW-HTML-MARKER</html>")])
        yield opened


def test_export_fields_are_the_article_dict_and_its_story_with_text_last() -> None:
    assert (*METADATA_FIELDS, "story", "text") == EXPORT_FIELDS
    assert [*list(articles()[0])[:-1], "story", "text"] == list(EXPORT_FIELDS)


def test_jsonl_round_trip(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "articles.jsonl"
    assert export(store, "jsonl", out) == 3

    content = out.read_text(encoding="utf-8")
    assert "RAW-HTML-MARKER" not in content
    assert "“mendukung penuh”" in content  # UTF-8, not \u escapes
    lines = content.split("\n")
    assert lines[-1] == "" and len(lines) == 4
    parsed = [json.loads(line) for line in lines[:-1]]
    assert [{k: v for k, v in row.items() if k != "story"} for row in parsed] == articles()
    assert all(list(row) == list(EXPORT_FIELDS) for row in parsed)
    assert all(isinstance(row["story"], str) for row in parsed)  # three stories of one article
    assert len({row["story"] for row in parsed}) == 3


def test_jsonl_of_one_outlet(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "kontan.jsonl"
    assert export(store, "jsonl", out, outlet="kontan") == 2
    urls = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert urls == [KONTAN, KONTAN_2]
    assert export(store, "jsonl", out, outlet="riau24") == 0
    assert out.read_text() == ""


def test_csv_round_trip(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    assert export(store, "csv", out) == 3

    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    assert header == list(EXPORT_FIELDS)
    assert header[-1] == "text"
    assert len(rows) == 3

    for row, expected in zip(rows, articles(), strict=True):
        record = dict(zip(header, row, strict=True))
        assert "RAW-HTML-MARKER" not in "".join(row)
        for key, value in expected.items():
            if key in ("authors", "tags", "images"):
                assert json.loads(record[key]) == value
            elif value is None:
                assert record[key] == ""
            else:
                assert record[key] == value, key
    # Newlines, commas and quotes inside the text survive the quoting.
    assert rows[0][-1].count("\n") == 4


def test_txt_one_file_per_article(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "teks"
    assert export(store, "txt", out) == 3

    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == sorted(
        [
            f"kontan/kim-jong-un-dukung-penuh-rusia-{hashlib.sha256(KONTAN.encode()).hexdigest()[:8]}.txt",
            f"kontan/harga-beras-naik-{hashlib.sha256(KONTAN_2.encode()).hexdigest()[:8]}.txt",
            f"tribunnews/putin-terima-kasih-{hashlib.sha256(TRIBUN.encode()).hexdigest()[:8]}.txt",
        ]
    )
    for article in articles():
        path = out / txt_name(article["outlet"], article["url"])
        assert path.read_bytes() == article["text"].encode("utf-8")

    assert export(store, "txt", tmp_path / "tribun", outlet="tribunnews") == 1
    assert [p.name for p in (tmp_path / "tribun").rglob("*.txt")] == [
        txt_name("tribunnews", TRIBUN).name
    ]


def test_txt_names_are_distinct_and_safe() -> None:
    same_slug = [
        "https://nasional.kontan.co.id/news/berita",
        "https://internasional.kontan.co.id/news/berita",
    ]
    names = {txt_name("kontan", url) for url in same_slug}
    assert len(names) == 2
    odd = txt_name("../Kontan.co.id", "https://x.id/")
    assert odd.parts[0] == "kontan.co.id" and odd.name.startswith("article-")
    assert (
        txt_name(None, "https://x.id/Berita Ünïcode!/")
        .as_posix()
        .startswith("unknown/berita-unicode-")
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_failed_export_leaves_the_previous_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = tmp_path / "out"
    out = folder / f"articles.{fmt}"
    export(store, fmt, out)
    previous = out.read_bytes()

    real_iter = store.iter_articles

    def failing(outlet=None):
        iterator = real_iter(outlet)
        yield next(iterator)
        raise OSError("No space left on device")

    monkeypatch.setattr(store, "iter_articles", failing)
    with pytest.raises(OSError, match="No space left"):
        export(store, fmt, out)
    assert out.read_bytes() == previous
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left

    with pytest.raises(OSError, match="No space left"):
        export(store, fmt, folder / f"new.{fmt}")
    assert [p.name for p in folder.iterdir()] == [out.name]


def test_a_failed_txt_export_leaves_no_half_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Exploding(str):
        def encode(self, *args, **kwargs):  # type: ignore[override]
            raise OSError("No space left on device")

    real_iter = store.iter_articles

    def failing(outlet=None):
        for i, article in enumerate(real_iter(outlet)):
            yield {**article, "text": Exploding(article["text"])} if i == 1 else article

    monkeypatch.setattr(store, "iter_articles", failing)
    out = tmp_path / "teks"
    with pytest.raises(OSError, match="No space left"):
        export(store, "txt", out)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [txt_name("kontan", KONTAN).name]
    assert files[0].read_text(encoding="utf-8") == articles()[0]["text"]


def test_empty_store_and_unknown_format(tmp_path: Path) -> None:
    with Store(tmp_path / "kosong.db") as empty:
        assert export(empty, "jsonl", tmp_path / "a.jsonl") == 0
        assert (tmp_path / "a.jsonl").read_text() == ""
        assert export(empty, "csv", tmp_path / "a.csv") == 0
        assert (tmp_path / "a.csv").read_text().splitlines() == [",".join(EXPORT_FIELDS)]
        with pytest.raises(ValueError, match="unknown export format 'xml'"):
            export(empty, "xml", tmp_path / "a.xml")  # type: ignore[arg-type]
        assert not (tmp_path / "a.xml").exists()
