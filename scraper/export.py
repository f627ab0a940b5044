"""Export the stored articles as JSON lines, CSV or one clean-text file per article.

Rows are streamed from the store (:meth:`Store.iter_articles`), never all loaded at once. Every
file is written to a temporary file beside its target and renamed over it only when complete, so a
failed export leaves the previous file (or none), never half a file.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

from cleaners.article import METADATA_FIELDS
from scraper.store import LIST_FIELDS, Store

__all__ = ["EXPORT_FIELDS", "FORMATS", "export", "export_stream", "target_problem", "txt_name"]

Format = Literal["jsonl", "csv", "txt", "warc"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "txt", "warc")

# What an exported article holds: the shape of Article.to_dict(), its story id (scraper.stories),
# text last. No raw html.
EXPORT_FIELDS = (*METADATA_FIELDS, "story", "text")

_SLUG_MAX = 80
PROGRESS_EVERY = 500  # articles between two progress calls
Progress = Callable[[int, int], None]  # (written, total)


@contextlib.contextmanager
def _atomic(target: Path, *, text: bool = True, durable: bool = True) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``target`` only if the block ends without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        # Exclusive create (honours the umask, unlike mkstemp's 0600).
        with open(tmp, "x", encoding="utf-8", newline="") if text else open(tmp, "xb") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _articles(store: Store, outlet: str | None, dedupe: bool) -> Iterator[dict[str, Any]]:
    """The stored articles with their ``story`` (grouped over the whole store, so an id is the
    same whatever the filter); with ``dedupe`` only the first published of each story's
    exported articles."""
    from scraper.stories import find_stories

    story_of: dict[str, str] = {}
    keep: set[str] = set()
    for story in find_stories(store):
        members = [a for a in story.articles if outlet is None or a.outlet == outlet]
        story_of.update((a.url, story.id) for a in members)
        if members:
            keep.add(members[0].url)  # articles are earliest first
    for article in store.iter_articles(outlet):
        if dedupe and article["url"] not in keep:
            continue
        yield {**article, "story": story_of.get(article["url"])}


def _fields(article: dict[str, Any]) -> dict[str, Any]:
    return {key: article.get(key) for key in EXPORT_FIELDS}


def _jsonl(handle: IO[str], articles: Iterable[dict[str, Any]]) -> int:
    count = 0
    for article in articles:
        handle.write(json.dumps(_fields(article), ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv_cell(key: str, value: Any) -> Any:
    if key in LIST_FIELDS:
        return json.dumps(value or [], ensure_ascii=False)
    return "" if value is None else value


def _csv(handle: IO[str], articles: Iterable[dict[str, Any]]) -> int:
    count = 0
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(EXPORT_FIELDS)
    for article in articles:
        writer.writerow([_csv_cell(key, article.get(key)) for key in EXPORT_FIELDS])
        count += 1
    return count


_STREAMS = {"jsonl": _jsonl, "csv": _csv}


def _counted(
    store: Store, outlet: str | None, dedupe: bool, progress: Progress | None
) -> Iterator[dict]:
    """The articles to export, `progress(done, total)` called every PROGRESS_EVERY of them
    (`total` counts the stored articles: with `dedupe` fewer are written)."""
    total = store.count(outlet) if progress else 0
    done = 0
    for done, article in enumerate(_articles(store, outlet, dedupe), 1):
        yield article
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress and done % PROGRESS_EVERY:
        progress(done, total)


def export_stream(
    store: Store,
    fmt: Format,
    handle: IO[str],
    outlet: str | None = None,
    dedupe: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write jsonl or csv to an open text handle (standard output); how many were written."""
    if fmt not in _STREAMS:
        raise ValueError(f"{fmt} export writes a file or a folder, not a text stream")
    return _STREAMS[fmt](handle, _counted(store, outlet, dedupe, progress))


def target_problem(fmt: str, out: str) -> str | None:
    """Why `out` cannot take an export in `fmt` (`-`: standard output), or None: jsonl and csv
    stream or write one file, warc writes one file, txt a folder."""
    path = Path(out)
    if out == "-" and fmt not in _STREAMS:
        return f"--format {fmt} writes {'a folder' if fmt == 'txt' else 'a file'}; give --out"
    if out != "-" and fmt == "txt" and path.exists() and not path.is_dir():
        return f"--out {path} exists and is not a folder (txt writes one file per article)"
    if out != "-" and fmt != "txt" and path.is_dir():
        return f"--out {path} is a folder; {fmt} writes one file"
    return None


def _slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _outlet_dir(outlet: str | None) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", (outlet or "").lower()).strip(".-_")
    return name or "unknown"


def txt_name(outlet: str | None, url: str) -> Path:
    """Relative path of an article's text file: ``<outlet>/<slug>-<hash8>.txt``.

    The slug is the URL's last path segment (extension dropped); the hash is the sha256 of the
    whole URL, so two URLs never share a file.
    """
    segments = [s for s in urlsplit(url).path.split("/") if s]
    last = segments[-1] if segments else ""
    last = re.sub(r"\.(html?|php|aspx?)$", "", last, flags=re.I)
    slug = _slug(last)[:_SLUG_MAX].strip("-") or "article"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return Path(_outlet_dir(outlet)) / f"{slug}-{digest}.txt"


def _write_txt(out: Path, articles: Iterable[dict[str, Any]]) -> int:
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a directory")
    count = 0
    for article in articles:
        target = out / txt_name(article.get("outlet"), article["url"])
        with _atomic(target, text=False, durable=False) as handle:
            handle.write(article["text"].encode("utf-8"))
        count += 1
    return count


def _write_warc(store: Store, out: Path, articles: Iterable[dict[str, Any]]) -> int:
    from .archive.writer import write_warc

    with _atomic(out, text=False) as handle:
        return write_warc(store, handle, articles, fields=_fields)


def export(
    store: Store,
    fmt: Format,
    out: Path,
    outlet: str | None = None,
    dedupe: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the stored articles (of one outlet) to ``out``; returns how many were written.

    - ``jsonl``: ``out`` is a file, one JSON object per line: the metadata fields, then ``text``.
    - ``csv``: ``out`` is a file; a header row, the metadata fields, lists (``authors``,
      ``tags``, ``images``) as JSON, empty cells for missing values, ``text`` last. UTF-8.
    - ``txt``: ``out`` is a directory; one file per article, ``<outlet>/<slug>-<hash8>.txt``
      (see :func:`txt_name`), holding exactly the clean text.
    - ``warc``: ``out`` is a WARC/1.1 file (gzip): the raw pages as response records, then a
      metadata record of the article's clean JSON (see :mod:`scraper.archive.writer`).

    ``story`` is the id of the article's story (``kliping stories``); ``dedupe`` keeps one
    article per story, the one published first.
    """
    out = Path(out)
    articles = _counted(store, outlet, dedupe, progress)
    if fmt in _STREAMS:
        with _atomic(out) as handle:
            return _STREAMS[fmt](handle, articles)
    if fmt == "txt":
        return _write_txt(out, articles)
    if fmt == "warc":
        return _write_warc(store, out, articles)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
