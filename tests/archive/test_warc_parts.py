"""The parts of split articles an import holds until its end (scraper/archive/parts.py)."""

from __future__ import annotations

from scraper.archive.parts import PendingParts


def page(url: str, body: bytes = b"<p>x</p>") -> tuple:
    return (url, "2025-06-19T03:12:00+00:00", body, (("Content-Type", "text/html"),))


def test_pages_come_back_in_page_order_and_articles_in_arrival_order():
    parts = PendingParts()
    assert parts.add("https://b.id/a", "3", "kontan", page("https://b.id/a?page=3", b"three"))
    assert parts.add("https://a.id/z", "1", "generic", page("https://a.id/z", b"one"))
    assert parts.add("https://b.id/a", "1", "kontan", page("https://b.id/a", b"first"))
    assert parts.add("https://b.id/a", "2", "kontan", page("https://b.id/a?page=2", b"two"))
    held = list(parts.articles())
    assert [(canonical, outlet) for canonical, outlet, _ in held] == [
        ("https://b.id/a", "kontan"),
        ("https://a.id/z", "generic"),
    ]
    assert [body for _, _, body, _ in held[0][2]] == [b"first", b"two", b"three"]
    assert held[0][2][0] == page("https://b.id/a", b"first")  # headers and date as given
    parts.close()


def test_the_first_capture_of_a_page_wins():
    parts = PendingParts()
    assert parts.add("https://b.id/a", "2", "kontan", page("https://b.id/a?page=2", b"old"))
    assert not parts.add("https://b.id/a", "2", "kontan", page("https://b.id/a?page=2", b"new"))
    [(_, _, pages)] = parts.articles()
    assert [body for _, _, body, _ in pages] == [b"old"]


def test_the_whole_view_stands_alone_and_drop_forgets_an_article():
    parts = PendingParts()
    parts.add("https://b.id/a", "1", "kontan", page("https://b.id/a", b"one"))
    parts.add("https://b.id/a", "all", "kontan", page("https://b.id/a?page=all", b"all"))
    parts.add("https://b.id/c", "1", "kontan", page("https://b.id/c"))
    parts.drop("https://b.id/c")
    [(canonical, _, pages)] = parts.articles()
    assert canonical == "https://b.id/a"
    assert [body for _, _, body, _ in pages] == [b"all"]
    # dropped, then met again: it counts from its new arrival
    assert parts.add("https://b.id/c", "2", "kontan", page("https://b.id/c?page=2"))
    assert [c for c, _, _ in parts.articles()] == ["https://b.id/a", "https://b.id/c"]
