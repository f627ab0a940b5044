"""An article as `kliping clean` writes it: clean text, JSON, or Markdown."""

from __future__ import annotations

import json
import re

from cleaners import Article

FORMATS = ("text", "json", "jsonl", "markdown")
SUFFIX = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}

# A paragraph starting like Markdown syntax (a heading, a quote, a list item) is escaped.
_MD_START = re.compile(r"^(\s*)([#>*+\-|]|\d+[.)])")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")


def render(article: Article, fmt: str) -> str:
    if fmt == "jsonl":  # one line: the article's own line of a JSON-lines file
        return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return markdown(article)
    return article.to_text()


def markdown(article: Article) -> str:
    """The headline as a heading, a line of what is known (date, authors, outlet and link),
    then the paragraphs, a blank line apart."""
    parts = [f"# {_md(article.title)}"] if article.title else []
    facts = [article.published or "", ", ".join(article.authors or [])]
    if article.url:
        facts.append(f"[{_md(article.outlet or article.url)}]({article.url.replace(')', '%29')})")
    if line := " · ".join(f for f in facts if f):
        parts.append(f"*{line}*")
    parts += [_MD_START.sub(r"\1\\\2", _md(p)) for p in article.paragraphs]
    return "\n\n".join(parts) + "\n"


def _md(text: str) -> str:
    return _MD_INLINE.sub(r"\\\1", text)
