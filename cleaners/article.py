"""The cleaned article: clean text plus the metadata of the clean-text format."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Method = Literal["site", "generic", "text"]

# Order of the metadata keys in to_dict() and in every expected.json fixture.
METADATA_FIELDS = (
    "url",
    "outlet",
    "title",
    "published",
    "updated",
    "authors",
    "editor",
    "source",
    "initials",
    "section",
    "tags",
    "description",
    "language",
    "images",
    "method",
)


@dataclass
class Article:
    """One article: headline, body paragraphs and the metadata beside them."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 with offset, e.g. 2025-07-13T10:30:00+07:00
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None  # wire agency or origin outlet
    initials: list[str] = field(default_factory=list)  # sign-off codes: `(ant/rin)` → ant, rin
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    language: str = "id"
    images: list[dict[str, str | None]] = field(default_factory=list)  # [{"url", "caption"}]
    method: Method = "site"
    # Why the site path was not trusted (its selectors matched the wrong element): a note for
    # the drift watch, not metadata of the format; in to_dict() only when there is one.
    drift: str | None = None

    @property
    def text(self) -> str:
        return self.to_text()

    def to_text(self) -> str:
        """The clean-text document: headline, blank line, one paragraph a line, final newline."""
        body = "\n".join(self.paragraphs)
        if self.title:
            return f"{self.title}\n\n{body}\n" if body else f"{self.title}\n"
        return f"{body}\n" if body else ""

    def metadata(self) -> dict[str, Any]:
        data = asdict(self)
        return {key: data[key] for key in METADATA_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """Every metadata field, then `text`: the shape of `kliping clean --format json`."""
        note = {"drift": self.drift} if self.drift else {}
        return {**self.metadata(), **note, "text": self.to_text()}
