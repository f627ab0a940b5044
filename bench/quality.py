"""Quality: every contender on the outlets' page fixtures and on the Scrapinghub pages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .contenders import Contender, Output
from .data import Page
from .scoring import ShingleScore, exact_tokens, line_counts, prf, shingle_counts

_SPACE = re.compile(r"\s+")


@dataclass
class PageResult:
    """One contender on one page."""

    page: str
    group: str
    contender: str
    status: str  # ok | none (no article found) | error (the extractor raised)
    error: str | None = None
    method: str | None = None
    tp: int = 0  # paragraphs (exact lines) found in both
    fp: int = 0  # output paragraphs not expected
    fn: int = 0  # expected paragraphs missing
    exact: bool = False
    headline: bool = False
    date: bool = False  # kliping: full ISO; trafilatura: YYYY-MM-DD
    day: bool = False  # YYYY-MM-DD for every contender
    leaks: list[str] = field(default_factory=list)
    shingles: tuple[float, float, float] = (0.0, 0.0, 0.0)
    token_exact: bool = False


@dataclass
class FixtureScore:
    """A contender on a group of fixtures (an outlet, or `all`)."""

    contender: str
    group: str
    pages: int
    precision: float
    recall: float
    f1: float
    exact: float
    headline: float
    date: float
    day: float
    leaks: int  # boilerplate strings found, summed over pages
    leak_pages: int  # pages with at least one
    failures: int  # pages with no output (none or error)
    shingle: ShingleScore


@dataclass
class BenchScore:
    """A contender on the Scrapinghub pages, scored by the benchmark's method."""

    contender: str
    score: ShingleScore
    failures: int
    errors: list[str]  # `<id>: <exception>` of the pages where the extractor crashed
    empty: list[str]  # ids of the pages where it found no article


def extract(
    contender: Contender, page: Page, meta: bool = True
) -> tuple[Output | None, PageResult]:
    result = PageResult(page.id, page.group, contender.name, "ok")
    try:
        out = contender.read(page.html, page.url, meta)
    except Exception as exc:  # a bug in an extractor is a failed page, not a failed bench
        result.status, result.error = "error", f"{type(exc).__name__}: {exc}"[:300]
        return None, result
    if out is None:
        result.status = "none"
    else:
        result.method = out.method
    return out, result


def score_fixture(
    contender: Contender, page: Page, boilerplate: list[str]
) -> tuple[PageResult, Output | None]:
    out, res = extract(contender, page)
    expected = page.body or []
    if out is None:
        body: list[str] = []
    else:
        body = _strip_headline(out, page.title) if contender.headline_in_body else out.body
    res.tp, res.fp, res.fn = line_counts(expected, body)
    res.exact = out is not None and body == expected
    res.headline = out is not None and _norm(out.title) == _norm(page.title)
    got = out.published if out else None
    res.date = got == page.published if contender.exact_date else _day(got) == _day(page.published)
    res.day = _day(got) == _day(page.published)
    res.leaks = [s for s in boilerplate if out and s in out.text]
    truth, pred = "\n".join(expected), "\n".join(body)
    res.shingles = shingle_counts(truth, pred if out else "")
    res.token_exact = exact_tokens(truth, pred if out else "")
    return res, out


def summarise_fixtures(contender: str, group: str, results: list[PageResult]) -> FixtureScore:
    n = len(results) or 1
    p, r, f1 = prf(
        sum(x.tp for x in results), sum(x.fp for x in results), sum(x.fn for x in results)
    )
    return FixtureScore(
        contender=contender,
        group=group,
        pages=len(results),
        precision=p,
        recall=r,
        f1=f1,
        exact=_count(x.exact for x in results) / n,
        headline=_count(x.headline for x in results) / n,
        date=_count(x.date for x in results) / n,
        day=_count(x.day for x in results) / n,
        leaks=sum(len(x.leaks) for x in results),
        leak_pages=_count(bool(x.leaks) for x in results),
        failures=_count(x.status != "ok" for x in results),
        shingle=ShingleScore.of([x.shingles for x in results], [x.token_exact for x in results]),
    )


def run_fixtures(
    contenders: list[Contender], pages: list[Page], boilerplate: list[str]
) -> tuple[list[FixtureScore], list[PageResult]]:
    """Per outlet and overall (`all`) scores, and every page's result."""
    results = [score_fixture(c, p, boilerplate)[0] for c in contenders for p in pages]
    groups = sorted({p.group for p in pages})
    scores = []
    for c in contenders:
        mine = [r for r in results if r.contender == c.name]
        scores.append(summarise_fixtures(c.name, "all", mine))
        scores += [summarise_fixtures(c.name, g, [r for r in mine if r.group == g]) for g in groups]
    return scores, results


def run_scrapinghub(
    contenders: list[Contender], pages: list[Page]
) -> tuple[list[BenchScore], list[PageResult]]:
    """The benchmark's method on its articleBody; a failed page is an empty output."""
    scores, results = [], []
    for c in contenders:
        mine = []
        for page in pages:
            out, res = extract(c, page, meta=False)
            pred = out.body_text if out else ""
            res.shingles = shingle_counts(page.truth, pred)
            res.token_exact = exact_tokens(page.truth, pred)
            mine.append(res)
        counts = [r.shingles for r in mine]
        score = ShingleScore.of(counts, [r.token_exact for r in mine])
        errors = [f"{r.page}: {r.error}" for r in mine if r.error]
        empty = [r.page for r in mine if r.status == "none"]
        failures = _count(r.status != "ok" for r in mine)
        scores.append(BenchScore(c.name, score, failures, errors, empty))
        results += mine
    return scores, results


def _strip_headline(out: Output, expected_title: str | None) -> list[str]:
    """trafilatura prints the headline as its first line when it is inside the article: it is
    scored as the headline, not as a body paragraph."""
    heads = {_norm(expected_title), _norm(out.title)} - {""}
    return out.body[1:] if out.body and out.body[0] in heads else out.body


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _day(iso: str | None) -> str | None:
    return iso[:10] if iso else None


def _count(flags: Iterable[bool]) -> int:
    return sum(1 for f in flags if f)
