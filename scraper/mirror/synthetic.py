"""Generated articles for benchmarks and the demo: single-page fixtures cut into templates (the
headline numbered, the body paragraphs rotated, a numbered sentence added), kept only when the
outlet's cleaner still reads the result with its own selectors."""

from __future__ import annotations

import html
import json
import logging
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from cleaners import CleanError, clean_html
from cleaners.html import parse
from cleaners.html import text as dom_text
from cleaners.site import Site
from cleaners.textutil import collapse
from cleaners.urls import canonical_url, with_query

from .files import MirrorWriter

log = logging.getLogger(__name__)
SENTENCE = " Salinan ini diberi nomor {n} untuk uji coba."


class FixturePage(Protocol):
    """A single-page fixture, as the builder knows it."""

    dir: Path
    url: str

    def meta(self) -> tuple[str, datetime]: ...


_TITLE, _URL = -1, -2  # template tokens; a token >= 0 is a paragraph slot


@dataclass
class Template:
    """A fixture page cut into literal text and tokens: where the headline ends (a number is
    added), where its URL is, and which body paragraphs may be shuffled."""

    site: Site
    url: str
    published: datetime
    title: str
    tokens: list[str | int]
    paragraphs: list[str]  # the slots' HTML, each without its closing `</p>`

    def render(self, n: int, url: str, shift: int) -> str:
        count = len(self.paragraphs)
        out = []
        for token in self.tokens:
            if isinstance(token, str):
                out.append(token)
            elif token == _TITLE:
                out.append(f" ({n})")
            elif token == _URL:
                out.append(url)
            else:  # rotate the middle paragraphs; the first slot gets a numbered sentence
                out.append(self.paragraphs[(token + shift) % count])
                out.append((SENTENCE.format(n=n) if token == 0 else "") + "</p>")
        return "".join(out)

    def synthetic_url(self, n: int) -> str | None:
        """The template's URL with `-n` on its slug, if the outlet takes it for an article."""
        parts = urlsplit(self.url)
        path = parts.path.rstrip("/")
        stem, dot, ext = path.rpartition(".")  # `…-481234-mvk.html`: the number before `.html`
        if dot and ext in ("html", "htm", "php") and "/" not in ext:
            path = f"{stem}-{n}.{ext}"
        else:
            path = f"{path}-{n}" + ("/" if parts.path.endswith("/") else "")
        if not re.search(self.site.article_url, path) or (
            self.site.not_article_url and re.search(self.site.not_article_url, path)
        ):
            return None
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _template(site: Site, page: FixturePage) -> Template | None:
    """Cut a single-page fixture into a template, or None when the cleaner would not read the
    generated pages with the outlet's selectors (checked on one sample)."""
    expected = page.dir / "expected.txt"
    if not expected.exists():
        return None
    lines = {collapse(line) for line in expected.read_text(encoding="utf-8").splitlines()[2:]}
    root = parse((page.dir / "page.html").read_bytes())
    body = [p for p in root.iter("p") if collapse(dom_text(p)) in lines]
    middle = body[1:-1] or body  # the dateline opens the body: it stays first
    paragraphs = []
    for slot, p in enumerate(middle):
        paragraphs.append(
            lxml_html.tostring(p, encoding="unicode", with_tail=False)[: -len("</p>")]
        )
        marker = etree.Comment(f"KLIPING-SLOT-{slot}")
        marker.tail = p.tail
        p.getparent().replace(p, marker)
    text = lxml_html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
    url = canonical_url(page.url)
    title, published = page.meta()
    tokens = _tokenize(text, url, title)
    template = Template(site, url, published, title, tokens, paragraphs)
    return template if paragraphs and _works(template) else None


def _tokenize(text: str, url: str, title: str) -> list[str | int]:
    # The headline appears as text, attribute and JSON-LD: every spelling gets the number.
    titles = {title, html.escape(title), html.escape(title, quote=False),
              json.dumps(title)[1:-1], json.dumps(title, ensure_ascii=False)[1:-1]}  # fmt: skip
    urls = {url, url.replace("/", "\\/")}
    alternatives = [
        r"<!--KLIPING-SLOT-(?P<slot>\d+)-->",
        "(?P<url>" + "|".join(re.escape(u) for u in sorted(urls, key=len, reverse=True)) + ")",
        "(?P<title>" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + ")",
    ]
    tokens: list[str | int] = []
    at = 0
    for match in re.finditer("|".join(alternatives), text):
        tokens.append(text[at : match.start()])
        if match["slot"] is not None:
            tokens.append(int(match["slot"]))
        elif match["url"] is not None:
            tokens.append(_URL)
        else:
            tokens += [match["title"], _TITLE]
        at = match.end()
    tokens.append(text[at:])
    return tokens


def _works(template: Template) -> bool:
    url = template.synthetic_url(0)
    if url is None:
        return False
    try:
        article = clean_html(template.render(0, url, 1), url=url)
    except CleanError:
        return False
    return (article.method == "site" and (article.title or "").endswith("(0)")
            and SENTENCE.format(n=0).strip() in article.to_text())  # fmt: skip


def synthetic_articles(sites: list[Site], singles: dict[str, list[FixturePage]], count: int,
                       seed: int, writer: MirrorWriter) -> Iterator[tuple[Site, str, str, datetime]]:  # fmt: skip
    """`count` generated articles, round-robin over the outlets, from the single-page fixtures
    of each outlet (`singles` by name), written as they are made: (outlet, URL, title,
    publication date) of each."""
    templates: dict[str, list[Template]] = {}
    for site in sites:
        found = [t for t in (_template(site, page) for page in singles.get(site.name, [])) if t]
        if found:
            templates[site.name] = found
        else:
            log.warning("%s: no fixture page makes synthetic articles; none generated", site.name)
    usable = [site for site in sites if site.name in templates]
    if not usable:
        raise ValueError("no fixture page can make synthetic articles")
    rng = random.Random(seed)
    n = 0
    for made in range(count):
        site = usable[made % len(usable)]
        while True:  # a generated URL never takes the place of a real one
            n += 1
            template = rng.choice(templates[site.name])
            url = template.synthetic_url(n)
            if url and url not in writer:
                break
        writer.add(url, template.render(n, url, rng.randrange(len(template.paragraphs))))
        if site.whole_article:
            writer.alias(with_query(url, **site.whole_article), url)
        yield site, url, f"{template.title} ({n})", template.published
