"""A report's `Rekomendasi` section heading over its own prose stays a line of the text; the same
word heading a related block's headlines goes (cleaners/lines.py)."""

from __future__ import annotations

from cleaners.lines import Line, build_body

PROSE = (
    "Kami mendorong pemerintah daerah mengaudit proses pengadaan seragam di daerah-daerah tersebut "
    "dan membuka data penerima manfaat kepada publik."
)
LEAD = "Pemantauan dilakukan sejak Mei hingga Agustus 2025 di 14 kabupaten dan kota di Indonesia."


def paragraphs(lines: list[Line], structured: bool = True) -> list[str]:
    return build_body(lines, structured=structured).paragraphs


def test_a_report_section_over_its_prose_stays():
    lines = [Line(LEAD), Line("Rekomendasi", heading=True), Line(PROSE)]
    assert paragraphs(lines) == [LEAD, "Rekomendasi", PROSE]
    assert paragraphs(lines, structured=False) == [LEAD, "Rekomendasi", PROSE]


def test_the_word_over_headlines_is_a_related_block():
    lines = [
        Line(LEAD),
        Line("Rekomendasi", heading=True),
        Line("Ombudsman Temukan Maladministrasi PPDB di Kupang", link_density=1.0),
        Line("Layanan Adminduk di Soe Dikeluhkan Warga", link_density=1.0),
    ]
    assert paragraphs(lines) == [LEAD]


def test_a_widget_label_with_more_words_is_never_a_section():
    lines = [Line(LEAD), Line("Rekomendasi untuk Anda", heading=True), Line(PROSE)]
    assert paragraphs(lines, structured=False) == [LEAD]
