"""Scorers: the Scrapinghub shingle method and paragraph (line) precision/recall/F1."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
SHINGLE = 4


def tokens(text: str | None) -> list[str]:
    """The `\\w+` tokens of a text, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[str]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle of all of them."""
    toks = tokens(text)
    grams = (" ".join(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(truth: str | None, pred: str | None) -> tuple[float, float, float]:
    """One page's (tp, fp, fn) over shingles, divided by their sum so every page weighs the same."""
    t, p = shingles(truth), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def exact_tokens(truth: str | None, pred: str | None) -> bool:
    return tokens(truth) == tokens(pred)


@dataclass
class ShingleScore:
    """Averaged over pages: precision over pages with output, recall over pages with truth."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int

    @classmethod
    def of(cls, counts: list[tuple[float, float, float]], exact: list[bool]) -> ShingleScore:
        precs = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
        recs = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
        p = statistics.fmean(precs) if precs else 0.0
        r = statistics.fmean(recs) if recs else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = sum(exact) / len(exact) if exact else 0.0
        return cls(p, r, f1, acc, len(counts))


def lines(text: str | None) -> list[str]:
    """Non-empty lines of a text, white space runs collapsed to one space."""
    out = (_SPACE.sub(" ", line).strip() for line in (text or "").split("\n"))
    return [line for line in out if line]


def line_counts(truth: list[str], pred: list[str]) -> tuple[int, int, int]:
    """(tp, fp, fn) of exact lines, as multisets."""
    t, p = Counter(truth), Counter(pred)
    return sum((t & p).values()), sum((p - t).values()), sum((t - p).values())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 of pooled counts (an empty side scores 0)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def token_f1(truth: str | None, pred: str | None) -> float:
    """F1 of the two texts' `\\w+` tokens as multisets (bag of words, case kept)."""
    t, p = Counter(tokens(truth)), Counter(tokens(pred))
    tp = sum((t & p).values())
    return prf(tp, sum((p - t).values()), sum((t - p).values()))[2]
