"""`kliping clean`'s run as a library call (scraper.clean_inputs): typed job in, typed result
out, the outputs written where the job says; the command line's own tests are in
test_cli_clean.py and test_cli_commands.py."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleaners import NoArticle
from cleaners.fixtures import page_fixtures
from scraper.clean_inputs import CleanJob, Reporter, clean_inputs, expand_sources
from scraper.cleaning import BadInput, CleanOptions

FIXTURE = next(f for f in page_fixtures() if not f.is_split and f.url)


def test_one_input_writes_its_format_and_says_how_its_outlet_was_picked():
    notes: list[str] = []
    out = io.BytesIO()
    job = CleanJob(sources=[str(FIXTURE.input_file)], fmt="text")
    run = clean_inputs(job, out, Reporter(note=notes.append))
    assert (run.inputs, run.many, run.failed, run.first_failure) == (1, False, 0, None)
    assert out.getvalue().decode("utf-8") == FIXTURE.expected_text
    assert all(note.startswith("outlet ") for note in notes)


def test_one_failed_input_raises_its_failure():
    with pytest.raises(BadInput, match="no such file"):
        clean_inputs(CleanJob(sources=["/nonexistent/page.html"]), io.BytesIO())


def test_several_inputs_go_on_past_a_failure_and_keep_the_first(tmp_path: Path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    no_article = tmp_path / "no-article.html"
    no_article.write_text("<html><body><nav><a href='/'>Beranda</a></nav></body></html>")
    failures, progress = [], []
    out = io.BytesIO()
    job = CleanJob(sources=[str(empty), str(FIXTURE.input_file), str(no_article)],
                   options=CleanOptions(outlet="generic"))  # fmt: skip
    reporter = Reporter(failure=failures.append, progress=lambda *a: progress.append(a))
    run = clean_inputs(job, out, reporter)
    assert (run.inputs, run.many, run.failed) == (3, True, 2)
    assert isinstance(run.first_failure, BadInput) and "empty" in str(run.first_failure)
    assert isinstance(failures[1], NoArticle)
    assert progress == [(1, 3, 1), (2, 3, 1), (3, 3, 2)]
    rows = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert [row["input"] for row in rows] == [str(FIXTURE.input_file)]


def test_a_folder_into_an_out_folder_one_file_each(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_bytes(FIXTURE.input_file.read_bytes())
    (pages / ".hidden.html").write_bytes(b"not read")
    run = clean_inputs(CleanJob(sources=[str(pages)], out=tmp_path / "out"), io.BytesIO())
    assert (run.inputs, run.many, run.out) == (1, True, tmp_path / "out")
    assert (
        (tmp_path / "out" / "a.txt")
        .read_text(encoding="utf-8")
        .startswith(FIXTURE.expected_text.splitlines()[0])
    )


def test_bad_usage_is_bad_input(tmp_path: Path):
    with pytest.raises(BadInput, match="give a SOURCE"):
        expand_sources([])
    with pytest.raises(BadInput, match="only once"):
        expand_sources(["-", "-"])
    with pytest.raises(BadInput, match="--url names where one page came from"):
        job = CleanJob(sources=["a.html", "b.html"], options=CleanOptions(url="https://x.id/a"))
        clean_inputs(job, io.BytesIO())
