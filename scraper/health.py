"""Is an outlet healthy? Per article (drift: the layout changed under the cleaner) and per pass
(blocked, unreachable, degraded, idle, ok), so a scheduled crawl is trusted while nobody watches."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNHEALTHY = ("blocked", "unreachable", "degraded")
MIN_HISTORY = 5  # articles an outlet needs in the store before its "usual" means anything
SHORT_BODY = 0.3  # a body under this share of the outlet's median length is suspect
ALWAYS = 0.95  # a field present in this share of an outlet's articles is one it always has

# Pages that stand in for the article when a site blocks a crawler. They are small and say
# so early: only the head of a page is read (this runs on every article).
CHALLENGE_TITLE = re.compile(
    rb"<title>\s*(?:just a moment|attention required|access denied|checking your browser|"
    rb"ddos-guard|security check)",
    re.I,
)
CHALLENGE_MARKERS = (b"cf-chl-", b"challenge-platform", b"g-recaptcha", b"hcaptcha")


def is_challenge(body: bytes) -> bool:
    head = body[:16384]
    return CHALLENGE_TITLE.search(head) is not None or any(m in head for m in CHALLENGE_MARKERS)


def drift_reason(article: dict, profile: dict) -> str | None:
    """Why a cleaned article suggests the outlet's layout changed, or None."""
    if article.get("drift"):  # the site path's body was not the article (cleaners.guard)
        return article["drift"]
    if article.get("method") == "generic":
        return "the site cleaner found no body; the generic fallback was used"
    if profile.get("count", 0) < MIN_HISTORY:
        return None
    length, usual = len(article.get("text") or ""), profile["median_length"]
    if usual and length < SHORT_BODY * usual:
        return f"body far shorter than usual ({length} characters, median {usual})"
    for field, share in profile.get("has", {}).items():
        if share >= ALWAYS and not article.get(field):
            return f"no {field}, which this outlet's articles always have"
    return None


@dataclass(frozen=True)
class Health:
    status: str  # ok, idle, blocked, unreachable, degraded, interrupted
    reason: str


def outlet_health(report) -> Health:
    """The health of one outlet in one pass, from its report (scraper.crawl.OutletReport)."""
    if report.finish_reason == "shutdown":  # stopped early: what it did says little
        return Health("interrupted", f"the pass was stopped early ({report.new} new)")
    counts = report.status_counts
    answered = sum(counts.values())
    refused = counts.get(403, 0) + counts.get(429, 0) + report.challenges
    if refused and refused * 2 >= answered:
        return Health(
            "blocked", f"{refused} of {answered} answers were 403/429 or a challenge page"
        )
    if report.sources_ok == 0 and report.new + report.already == 0:
        # On a shared frontier another worker may have fetched the sources that answered; a
        # failed one that still got an HTTP answer (a 404 index) says the site is up.
        if report.sources_shared and (not report.sources_failed or answered):
            failed = f", {report.sources_failed} failed here" if report.sources_failed else ""
            return Health("idle", f"no discovery source fetched here (a shared frontier{failed})")
        why = f"no discovery source answered ({report.sources_failed} failed)"
        return Health("unreachable", why)
    if report.degraded or report.generic or report.no_article:
        parts = [f"{report.degraded} article(s) look drifted"] if report.degraded else []
        parts += [f"{report.no_article} page(s) with no article text"] if report.no_article else []
        return Health("degraded", "; ".join(parts) or "generic fallback used")
    if report.new == 0:
        return Health("idle", "nothing new")
    return Health("ok", f"{report.new} new")
