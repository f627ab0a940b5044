"""The run's markdown tables, and its JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .quality import BenchScore, FixtureScore, PageResult
from .speed import Speed

# trafilatura 2.3.1 on the 181 Scrapinghub pages, as ../shared/bench/README.md (beside the repository) publishes them.
PUBLISHED_F1 = {"trafilatura": 0.960, "trafilatura-precision": 0.964}
TOLERANCE = 0.005


@dataclass
class Run:
    started: str
    command: str
    quick: bool
    seconds: float
    env: dict[str, str]
    skipped: list[str]
    fixtures: list[FixtureScore]
    fixture_pages: list[PageResult]
    scrapinghub: list[BenchScore]
    scrapinghub_pages: int
    speed: list[Speed]
    ratios: dict[str, float]
    aside: list[BenchScore] = field(default_factory=list)  # trafilatura with its own defaults
    speed_groups: dict[str, str] = field(default_factory=dict)  # speed group → what it holds

    def scorer_check(self) -> list[dict[str, Any]]:
        """Our scorer against trafilatura's published F1 (meaningful on all 181 pages only)."""
        if self.scrapinghub_pages != 181:
            return []
        got = {s.contender: s.score.f1 for s in self.scrapinghub}
        return [
            {"contender": n, "f1": got[n], "published": f1, "ok": abs(got[n] - f1) <= TOLERANCE}
            for n, f1 in PUBLISHED_F1.items()
            if n in got
        ]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["scorer_check"] = self.scorer_check()
        return data


def _f(x: float) -> str:
    return f"{x:.3f}"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _table(head: Sequence[str], rows: list[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    return out + ["| " + " | ".join(r) + " |" for r in rows]


def _fixture_row(s: FixtureScore) -> list[str]:
    return [
        str(s.pages),
        _f(s.precision),
        _f(s.recall),
        _f(s.f1),
        _pct(s.exact),
        _pct(s.headline),
        _pct(s.date),
        _pct(s.day),
        f"{s.leaks} ({s.leak_pages})",
        _f(s.shingle.f1),
        str(s.failures),
    ]


FIXTURE_HEAD = [
    "pages",
    "para P",
    "para R",
    "para F1",
    "exact",
    "headline",
    "date",
    "day",
    "leaks (pages)",
    "shingle F1",
    "no output",
]


def markdown(run: Run) -> str:
    env = " · ".join(f"{k} {v}" for k, v in run.env.items())
    mode = "quick" if run.quick else "full"
    out = [f"# kliping bench — {run.started}", ""]
    out += [f"`{run.command}` · {mode} · {run.seconds:.1f} s · {env}", ""]
    out += _fixture_section(run) + _scrapinghub_section(run) + _speed_section(run)
    return "\n".join(out) + "\n"


def _fixture_section(run: Run) -> list[str]:
    scored = {r.page for r in run.fixture_pages}
    groups = sorted({s.group for s in run.fixtures} - {"all"})
    out = [f"## Outlet fixtures: {len(scored)} pages, {len(groups)} outlets", ""]
    if run.skipped:
        out += [f"Skipped (no expectation yet): {len(run.skipped)}: " + "; ".join(run.skipped), ""]
    overall = [s for s in run.fixtures if s.group == "all"]
    out += _table(["contender", *FIXTURE_HEAD], [[s.contender, *_fixture_row(s)] for s in overall])
    out += ["", "### Per outlet", ""]
    rows = [
        [s.group, s.contender, *_fixture_row(s)]
        for g in groups
        for s in run.fixtures
        if s.group == g
    ]
    out += _table(["outlet", "contender", *FIXTURE_HEAD], rows)
    out += ["", *_fixture_notes(), ""]
    out += _problems(run.fixture_pages)
    return out


def _fixture_notes() -> list[str]:
    return [
        "para P/R/F1: body lines (headline excluded, white space collapsed) against expected.txt's,"
        " as multisets of exact lines, pooled over the pages. exact: body lines == expected body."
        " headline: title == expected.json title. date: kliping `published` == expected (full ISO"
        " with offset); trafilatura (its metadata date has no time) by the YYYY-MM-DD part only."
        " day: YYYY-MM-DD part for every contender. leaks: boilerplate.txt strings found in the"
        " whole output (headline included), summed; (pages with ≥1). shingle F1: the Scrapinghub"
        " method on the body text. no output: NoArticle / None / crash. trafilatura's text has no"
        " headline slot: a first line equal to the headline is not counted as body.",
    ]


def _problems(pages: list[PageResult]) -> list[str]:
    """kliping's leaks and failures, page by page: what the lead has to fix."""
    bad = [r for r in pages if r.contender.startswith("kliping") and (r.leaks or r.status != "ok")]
    if not bad:
        return []
    out = ["Kliping pages with leaks or no output:", ""]
    for r in bad:
        what = ", ".join(repr(s) for s in r.leaks) if r.leaks else ""
        fail = f"{r.status}{': ' + r.error if r.error else ''}" if r.status != "ok" else ""
        out.append(f"- {r.contender} `{r.page}`: {'; '.join(x for x in (fail, what) if x)}")
    return [*out, ""]


def _scrapinghub_section(run: Run) -> list[str]:
    out = [f"## Scrapinghub: {run.scrapinghub_pages} pages", ""]
    rows = [
        [
            s.contender,
            _f(s.score.f1),
            _f(s.score.precision),
            _f(s.score.recall),
            _f(s.score.accuracy),
            str(s.failures),
        ]
        for s in [*run.scrapinghub, *run.aside]
    ]
    out += _table(["contender", "F1", "precision", "recall", "accuracy", "no output"], rows)
    out += [
        "",
        "The benchmark's method: `\\w+` tokens, 4-token shingle multisets, per-page normalised"
        " counts, precision and recall averaged over pages (a page with no output counts for"
        " recall only), F1 their harmonic mean; accuracy: token lists equal. trafilatura runs with"
        " `include_comments=False`; `trafilatura-library-default` (comments kept) is shown aside.",
        "",
    ]
    for c in run.scorer_check():
        mark = "ok" if c["ok"] else "SCORER OFF"
        out.append(
            f"- scorer check, {c['contender']}: F1 {c['f1']:.4f}, published {c['published']:.3f}"
            f" (±{TOLERANCE}): {mark}"
        )
    if not run.scorer_check():
        out.append("- scorer check (against trafilatura's published F1): full run only")
    for s in run.scrapinghub:
        if s.contender.startswith("kliping") and (s.errors or s.empty):
            out += ["", f"{s.contender}: no article in {len(s.empty)}: " + ", ".join(s.empty)]
            out += [f"- crash: {e}" for e in s.errors[:20]]
    return [*out, ""]


def _speed_section(run: Run) -> list[str]:
    passes = max((s.passes for s in run.speed), default=0)
    out = [f"## Speed: warm, best of {passes}, one process", ""]
    rows = [
        [
            s.group,
            s.contender,
            str(s.pages),
            f"{s.pages_per_s:.1f}",
            f"{1000 * s.best_s / s.pages:.1f}" if s.pages else "-",
            "-" if s.rss_mib is None else f"{s.rss_mib:.0f} (+{s.rss_growth_mib:.1f})",
            "-" if s.traced_mib is None else f"{s.traced_mib:.1f}",
        ]
        for s in run.speed
    ]
    head = [
        "pages",
        "contender",
        "n",
        "pages/s",
        "ms/page",
        "peak RSS MiB (+growth)",
        "tracemalloc MiB",
    ]
    out += _table(head, rows)
    if run.speed_groups:
        out += ["", "Groups:", ""]
        out += [f"- `{name}`: {what}" for name, what in run.speed_groups.items()]
    out += ["", "pages/s ratios (above 1: kliping faster):", ""]
    out += [f"- {k}: {v:.2f}×" for k, v in run.ratios.items()]
    out += [
        "",
        "pages/s: fastest of the timed passes after one warm-up pass, the contenders' passes "
        "interleaved, the page list repeated until a pass lasts 0.5 s; trafilatura's metadata call not"
        " included. Memory: a fresh child process per contender (both libraries imported), pages"
        " read from disk one at a time, one pass after a warm-up pass. peak RSS MiB: the"
        " child's peak resident set during the pass (Linux VmHWM, reset after the warm-up;"
        " interpreter, imports and libxml2's C heap included), and in brackets its growth over"
        " the RSS before the pass. tracemalloc MiB: the Python-heap peak of one pass"
        " (libxml2's C heap not seen).",
    ]
    return out
