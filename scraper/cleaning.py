"""`kliping clean`'s work as a library call: one input (a URL, a file or standard input) read
within its limits, checked to be a page or article text, its outlet picked, cleaned.

Errors say whose fault they are: `BadInput` (the file or its bytes; exit 2) and `FetchFailed`
(the fetched answer; exit 3) carry one line each; cleaners.NoArticle (exit 4) passes through.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cleaners import Article

MIB = 2**20
FETCH_MAX_MIB = 10  # the crawler's page cap too
FILE_MAX_MIB = 64  # a saved page larger than this is not an article page
DEFAULT_TIMEOUT = 20.0  # seconds for a fetch
DEFAULT_DEADLINE = 60.0  # seconds for cleaning one input

_MARKUP = re.compile(
    r"<\s*(?:!doctype|html|head|body|p|div|article|meta|title|h1|span|a|br)\b", re.I
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# XML documents that are not pages: feeds and sitemaps (XHTML has an <html> root and passes).
_XML_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)",
                       re.S)  # fmt: skip
_NOT_A_PAGE_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                     "application/rdf+xml", "text/plain+xml", "application/json", "text/csv",
                     "text/css", "text/javascript", "application/javascript")  # fmt: skip
_FEED_ROOTS = frozenset({"rss", "feed", "urlset", "sitemapindex", "rdf:rdf"})
# A line of prose: five words or more, most of them words of letters.
_WORD = re.compile(r"^[\"'(“‘]?[^\W\d_]")


class BadInput(Exception):
    """The input is unusable (missing, empty, binary, too big, not a page): exit 2."""


class FetchFailed(Exception):
    """The fetch failed or its answer is not a page: exit 3."""


@dataclass
class CleanOptions:
    url: str | None = None  # where a saved page or text came from (picks its outlet)
    outlet: str | None = None  # a name or host, or "generic"
    text: bool = False  # the input is extracted text, whatever it looks like
    timeout: float = DEFAULT_TIMEOUT
    deadline: float = DEFAULT_DEADLINE
    max_mib: float | None = None  # None: FETCH_MAX_MIB fetched, FILE_MAX_MIB a file or stdin


@dataclass
class Cleaned:
    source: str
    article: Article
    note: str | None = None  # how the outlet was picked, when the page itself said it


@dataclass
class _Input:
    data: bytes
    content_type: str | None = None
    fetched_url: str | None = None

    @property
    def fetched(self) -> bool:
        return self.fetched_url is not None


def describe(source: str) -> str:
    return "standard input" if source == "-" else source


def clean_source(source: str, options: CleanOptions, stdin=None) -> Cleaned:
    """Clean one input: `-` (standard input, or `stdin`), an http(s) URL or a file path."""
    got = _read(source, options, stdin)
    fault = FetchFailed if got.fetched else BadInput
    name = describe(source)
    if not got.data.strip():
        raise BadInput(f"{name} is empty")
    from cleaners.decode import decode_html, looks_binary

    if reason := looks_binary(got.data):
        raise fault(f"{name} is not a page ({reason})")
    media = (got.content_type or "").split(";")[0].strip().lower()
    if media in _NOT_A_PAGE_TYPES and not options.text:
        raise fault(f"{name} is not HTML ({media})")
    # Markup is looked for in the decoded text: in UTF-16 bytes "<html" is not "<html".
    page = decode_html(got.data, got.content_type)
    with _deadline(options.deadline, fault, name):
        return _clean(source, page, got, options, fault)


def _clean(source: str, page: str, got: _Input, options: CleanOptions, fault) -> Cleaned:
    from cleaners import CleanError, NoArticle, clean_html, clean_text
    from cleaners.urls import canonical_url

    name = describe(source)
    url, note = options.url or got.fetched_url, None
    is_markup = _MARKUP.search(page[:65536]) is not None
    if not options.text and (root := xml_root(page)) is not None:
        raise fault(f"{name} is not HTML (an XML document, <{root}>)")
    try:
        if options.text or not is_markup:
            if not options.text and not looks_like_prose(page):
                raise fault(f"{name} does not look like a page or article text "
                            "(--text cleans it anyway)")  # fmt: skip
            article = clean_text(page, outlet=options.outlet or _outlet_of(url))
            if url:
                article.url = canonical_url(url)
        else:
            if not options.url and not options.outlet:
                url, note = _page_says(page, url)
            article = clean_html(page, url=url, outlet=options.outlet)
    except NoArticle as error:
        raise NoArticle(f"{name}: {error}") from None
    except (CleanError, ValueError) as error:
        raise BadInput(f"{name}: {error}") from None
    return Cleaned(source, article, note)


def _page_says(page: str, url: str | None) -> tuple[str | None, str | None]:
    """A page without --url (or fetched from a host that is no outlet, like a mirror): the URL
    it declares (canonical link, og:url) picks the outlet and becomes the article's URL."""
    from cleaners import site_for_url
    from cleaners.urls import declared_url

    if url and site_for_url(url):
        return url, None
    declared = declared_url(page)
    site = site_for_url(declared) if declared else None
    if not site:
        return url, None
    return declared, f"outlet {site.name}, from the page's own URL {declared}"


def _outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to: text mode has no page to read the host from."""
    from cleaners import site_for_url

    site = site_for_url(url) if url else None
    return site.name if site else None


def xml_root(page: str) -> str | None:
    """The root element's name when the page is an XML document other than XHTML."""
    found = _XML_ROOT.match(page[:65536])
    if not found or found[1].lower() == "html":
        return None
    if page.lstrip().startswith("<?xml") or found[1].lower() in _FEED_ROOTS:
        return found[1]
    return None


def looks_like_prose(text: str) -> bool:
    """Article text has lines of words; a config file, a CSV or a log has not. At least half of
    the characters must sit on lines of five words or more, most of them words."""
    total = prose = 0
    for line in text[:262144].splitlines():
        words = line.split()
        size = sum(map(len, words))
        total += size
        if len(words) >= 5 and sum(1 for w in words if _WORD.match(w)) >= 0.6 * len(words):
            prose += size
    return total > 0 and prose * 2 >= total


def _read(source: str, options: CleanOptions, stdin) -> _Input:
    name = describe(source)
    cap = options.max_mib if options.max_mib is not None else FILE_MAX_MIB
    limit = int(cap * MIB)
    if source == "-":
        data = (stdin or sys.stdin.buffer).read(limit + 1)
        if len(data) > limit:  # refused like a file that big, not cut short
            raise BadInput(f"{name} is larger than {cap:g} MiB")
        return _Input(data)
    path = Path(source)
    if _SCHEME.match(source) and not path.exists():
        return _fetch(source, options)
    if not path.exists():
        raise BadInput(f"no such file: {source}")
    if not path.is_file():
        raise BadInput(f"not a file: {source}")
    if path.stat().st_size > limit:
        raise BadInput(f"{source} is larger than {cap:g} MiB")
    try:
        return _Input(path.read_bytes())
    except OSError as error:
        raise BadInput(f"{source}: {error.strerror or error}") from None


def _fetch(url: str, options: CleanOptions) -> _Input:
    from cleaners.fetch import BadURL, FetchError, fetch

    cap = options.max_mib if options.max_mib is not None else FETCH_MAX_MIB
    try:
        page = fetch(url, timeout=options.timeout, max_bytes=int(cap * MIB))
    except BadURL as error:
        raise BadInput(str(error)) from None
    except FetchError as error:
        raise FetchFailed(str(error)) from None
    return _Input(page.body, page.content_type, page.final_url)


class _Late(BaseException):
    """Raised by the alarm inside cleaning; a BaseException so no `except Exception` eats it."""


@contextmanager
def _deadline(seconds: float, fault, name: str) -> Iterator[None]:
    """Stop cleaning after `seconds` (main thread only: the alarm signal needs it)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(_signum, _frame):
        raise _Late

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Late:
        raise fault(f"{name}: cleaning took longer than {seconds:g} s (--deadline)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
