"""The text rules: the pattern catalogue (`catalogue`), the line classifier (`classify`) and the
types (`rule`: Kind, Captured, Rule). Site files use `from cleaners.rules import Kind, rule`."""

from .classify import (
    classify,
    field_tail,
    is_boilerplate,
    is_caption,
    signed_tail,
    strip_credit,
    strip_signoff_tail,
)
from .rule import Captured, Kind, Rule, rule

__all__ = ["Captured", "Kind", "Rule", "classify", "field_tail", "is_boilerplate", "is_caption", "rule",
           "signed_tail", "strip_credit", "strip_signoff_tail"]  # fmt: skip
