"""Every holdout folder (bench/holdouts/) is well formed: what bench.generalise needs is there and
the expected files follow the clean-text format. The parts tuned on (tune, tune2, tune3, tune4) must also pass:
kliping reads each of their pages exactly; the sealed and untuned parts are only measured."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.contenders import contenders
from bench.data import boilerplate_strings
from bench.generalise import score
from bench.holdouts_data import CLASSES, FULL_PARTS, HOLDOUTS, PARTS, Holdout, load

FOLDERS = sorted(p for part in PARTS for p in (HOLDOUTS / part).glob("*/") if p.is_dir())
META_KEYS = ["url", "outlet", "title", "published", "updated", "authors", "editor", "source"]
META_KEYS += ["section", "tags", "description", "language", "images", "method"]


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_both_parts_hold_every_class():
    for part in FULL_PARTS:
        classes = {_json(f / "source.json")["class"] for f in (HOLDOUTS / part).glob("*/")}
        assert classes == set(CLASSES), part


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_holdout_is_well_formed(folder: Path):
    source = _json(folder / "source.json")
    assert source["url"].startswith("https://")
    assert source["class"] in CLASSES and source["kind"] in ("article", "not_article")
    assert (source["kind"] == "not_article") == (source["class"] == "c")
    page = (folder / "page.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "</body>" in page
    meta = _json(folder / "expected.json")
    if source["kind"] == "not_article":
        assert meta["kind"] == "not_article" and meta["why"]
        assert not (folder / "expected.txt").exists()
        return
    assert list(meta) == META_KEYS
    assert meta["outlet"] == source["outlet"] and meta["language"] == "id"
    assert isinstance(meta["authors"], list) and meta["editor"] not in meta["authors"]
    text = (folder / "expected.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert lines[0] == meta["title"] and lines[1] == "" and all(lines[2:-1])
    assert all(line == " ".join(line.split()) for line in lines)
    for planted in source["planted"] + boilerplate_strings():
        assert planted not in text, planted


# The parts the cleaners are tuned on stay passing: every page of them as kliping reads it
# (bench.generalise's own scoring), exact to the byte with its authors and date, or refused.
TUNED = load(("tune", "tune2", "tune3", "tune4"))
KLIPING = next(c for c in contenders() if c.name == "kliping-site")


@pytest.mark.parametrize("held", TUNED, ids=lambda h: h.page.id)
def test_tuned_holdout_passes(held: Holdout):
    row = score(KLIPING, held, boilerplate_strings())
    assert row.error is None and row.kind_ok, "refused" if held.article else "given as an article"
    assert not row.leaks
    if held.article:
        assert row.exact, f"not exact: +{row.fp}/-{row.fn} lines"
        assert row.authors_ok, row.authors
        assert row.date


def test_a_sealed_parts_failures_are_counted_not_named():
    from bench.generalise import failed_line

    fails = ["`kompas__banjir` (a): not exact (+1/-0 lines)", "`other__desa` (f): authors"]
    sealed = failed_line("sealed7", fails)
    assert "kompas__banjir" not in sealed and "other__desa" not in sealed
    assert sealed.endswith("by class: a 1, f 1")
    assert "kompas__banjir" in failed_line("tune4", fails)
