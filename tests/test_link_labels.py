"""A side column's label over its links (`<b>Kanal</b><br><a>…</a>…`) goes with the links it
labels (cleaners/lines.py); a short line that ends a sentence, or stands before text, stays."""

from __future__ import annotations

from cleaners.lines import Line, build_body

TEXT = "Kalimat berita ini cukup panjang untuk dibaca sebagai paragraf artikel yang utuh."


def _body(*lines: Line) -> list[str]:
    return build_body(list(lines), structured=True).paragraphs


def test_a_label_over_link_lines_goes() -> None:
    links = [Line(name, link_density=1.0) for name in ("Daerah", "Nasional", "Ekonomi")]
    assert _body(Line(TEXT), Line("Kanal"), *links) == [TEXT]
    assert _body(Line(TEXT), Line("Rubrik Lain"), *links) == [TEXT]


def test_short_lines_that_are_text_stay() -> None:
    links = [Line("Daerah", link_density=1.0)]
    assert _body(Line(TEXT), Line("Begitu katanya."), *links) == [TEXT, "Begitu katanya."]
    assert _body(Line(TEXT), Line("Kanal"), Line(TEXT)) == [TEXT, "Kanal", TEXT]
