"""`kliping clean`'s whole run as a library call: the sources expanded (folders in name order,
lists of URLs or paths, standard input once), each input cleaned (`cleaning.clean_source`) and
written: one input to the output stream in its format, several as JSON lines on the stream or
one file each in a folder. A failed input among several is reported and the rest go on; the
first failure is kept for the exit code once every input was tried.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from cleaners import NoArticle

from .cleaning import BadInput, Cleaned, CleanOptions, FetchFailed, clean_source
from .formats import SUFFIX, render

# What a failed input raises: its kind is its exit code (2, 3, 4), said by the CLI.
InputFailure = BadInput | FetchFailed | NoArticle
FAILURES = (BadInput, FetchFailed, NoArticle)


@dataclass
class CleanJob:
    sources: list[str]  # URLs, files, folders (their files), "-" for standard input
    input_list: str | None = None  # a file of URLs or paths, one a line ("-": standard input)
    out: Path | None = None  # one file per input in this folder; None: the output stream
    fmt: str | None = None  # None: text for one input, jsonl for several on the stream
    options: CleanOptions = field(default_factory=CleanOptions)


@dataclass
class CleanRun:
    inputs: int  # how many inputs were tried
    many: bool = False  # several inputs (or a folder, a list): failures were counted, not raised
    failed: int = 0
    first_failure: InputFailure | None = None  # several inputs: the first that failed
    out: Path | None = None


@dataclass
class Reporter:
    """What the caller shows while the run goes on (all optional)."""

    note: Callable[[str], None] = lambda _note: None  # one input: how its outlet was picked
    failure: Callable[[InputFailure], None] = lambda _error: None  # several: an input failed
    progress: Callable[[int, int, int], None] = lambda _done, _total, _failed: None


def clean_inputs(job: CleanJob, stream: BinaryIO, reporter: Reporter | None = None,
                 stdin: BinaryIO | None = None) -> CleanRun:  # fmt: skip
    """Clean every input of `job`. One input on the stream raises its failure (BadInput,
    FetchFailed, NoArticle); several never do: failures are counted, the first one kept.
    Bad usage (no inputs, --url with several, an unreadable list) raises BadInput first."""
    reporter = reporter or Reporter()
    inputs, many = expand_sources(job.sources, job.input_list)
    if job.options.url and len(inputs) > 1:
        raise BadInput("--url names where one page came from; give one SOURCE with it")
    if not many and not job.out:
        cleaned = clean_source(inputs[0], job.options, stdin)
        if cleaned.note:
            reporter.note(cleaned.note)
        _write(stream, render(cleaned.article, job.fmt or "text"))
        return CleanRun(inputs=1)
    fmt = job.fmt or ("text" if job.out else "jsonl")
    if not job.out and fmt not in ("json", "jsonl"):
        raise BadInput(f"--format {fmt} with several inputs needs --out DIR (or --format jsonl)")
    return _many(inputs, job, fmt, stream, reporter, stdin)


def _many(inputs: list[str], job: CleanJob, fmt: str, stream: BinaryIO, reporter: Reporter,
          stdin: BinaryIO | None) -> CleanRun:  # fmt: skip
    """Every input tried in turn; a failure is reported and the rest go on."""
    out = job.out
    if out is not None:
        if out.exists() and not out.is_dir():
            raise BadInput(f"--out {out} exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
    run, names = CleanRun(inputs=len(inputs), many=True, out=out), set()
    for done, source in enumerate(inputs, 1):
        try:
            cleaned = clean_source(source, job.options, stdin)
        except FAILURES as error:
            run.failed += 1
            run.first_failure = run.first_failure or error
            reporter.failure(error)
            reporter.progress(done, len(inputs), run.failed)
            continue
        _put(cleaned, fmt, stream, out, names)
        reporter.progress(done, len(inputs), run.failed)
    return run


def _put(cleaned: Cleaned, fmt: str, stream: BinaryIO, out: Path | None, names: set[str]) -> None:
    article, source = cleaned.article, cleaned.source
    if out is None:
        _write(stream, json.dumps({"input": source, **article.to_dict()}, ensure_ascii=False)
               + "\n")  # fmt: skip
        return
    target = out / (out_name(source, names) + SUFFIX[fmt])
    target.write_text(render(article, fmt), encoding="utf-8")


def _write(stream: BinaryIO, text: str) -> None:
    stream.write(text.encode("utf-8"))
    stream.flush()


def expand_sources(sources: list[str], input_list: str | None = None) -> tuple[list[str], bool]:
    """The inputs in order, and whether there are (or could be) several."""
    inputs: list[str] = []
    many = len(sources) > 1 or bool(input_list)
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            many = True
            inputs += [str(p) for p in sorted(path.iterdir()) if p.is_file()
                       and not p.name.startswith(".")]  # fmt: skip
        else:
            inputs.append(source)
    if input_list:
        inputs += list(_listed(input_list))
    if not inputs and many:
        raise BadInput("no inputs found (an empty folder or list?)")
    if not inputs:
        raise BadInput("give a SOURCE (URL, file, folder or -) or -i LIST (see 'kliping clean "
                       "--help')")  # fmt: skip
    if inputs.count("-") > 1 or ("-" in inputs and input_list == "-"):
        raise BadInput("standard input can be read only once")
    return inputs, many


def _listed(name: str) -> Iterator[str]:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or error
        raise BadInput(f"cannot read the list {name}: {why}") from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def out_name(source: str, taken: set[str]) -> str:
    """A file name for an input's output: a file's own stem, a URL's last segment and a hash."""
    if source == "-":
        name = "stdin"
    elif re.match(r"^https?://", source, re.I):
        last = [p for p in urlsplit(source).path.split("/") if p]
        slug = re.sub(r"[^\w-]+", "-", last[-1] if last else "page").strip("-")[:60]
        name = f"{slug or 'page'}-{hashlib.sha256(source.encode()).hexdigest()[:8]}"
    else:
        name = Path(source).stem or "input"
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{name}-{n}"
    taken.add(unique)
    return unique
