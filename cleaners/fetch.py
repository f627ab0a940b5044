"""Fetch one page over HTTP(S) for `kliping clean URL`: standard library only, no Scrapy.

Every limit is enforced here rather than trusted to the server: a total deadline (a watchdog
thread shuts the socket down, so a server trickling one byte a second cannot stretch it), a cap
on the decompressed body (gzip bombs are inflated incrementally), a redirect limit, and
refusal of anything that is not an http(s) URL or not a text page.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from cleaners.decode import decode_html, looks_binary

USER_AGENT = "kliping/0.1 (+https://github.com/kliping/kliping; Indonesian news corpus builder)"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_READ_SIZE = 64 * 1024
_SAFE_CHARS = "/%:@!$&'()*+,;=?~"  # kept as-is when percent-encoding a request target


@dataclass
class FetchedPage:
    url: str  # the requested URL
    final_url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes  # decoded from Content-Encoding (gzip/deflate), capped
    text: str  # decode_html(body, content_type)


class FetchError(Exception):
    """The page could not be fetched; the message is one human-readable line."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status when the server answered, else None


class BadURL(ValueError):
    """The URL itself is unusable (not http(s), no host, bad port); nothing was sent."""


@dataclass(frozen=True)
class _Target:
    url: str
    https: bool
    host: str  # IDNA-encoded, without brackets for IPv6
    port: int
    path: str  # percent-encoded path and query, sent in the request line


def fetch(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = 10 * 2**20,
    max_redirects: int = 5,
    user_agent: str = USER_AGENT,
) -> FetchedPage:
    """GET one HTML page, following redirects; raise BadURL or FetchError with a plain reason."""
    target = _parse_url(url)
    deadline = _Deadline(timeout)
    seen = {target.url}
    with _Watchdog(timeout) as dog:
        for _ in range(max_redirects + 1):
            conn, resp = _request(target, deadline, dog, user_agent)
            try:
                if resp.status not in _REDIRECTS:
                    return _page(url, target, resp, deadline, dog, max_bytes)
                target = _next_target(target, resp)
            finally:
                conn.close()
            if target.url in seen:
                raise FetchError(f"fetch failed: {url}: redirect loop at {target.url}")
            seen.add(target.url)
    raise FetchError(f"fetch failed: {url}: too many redirects (more than {max_redirects})")


def _parse_url(url: str) -> _Target:
    """Check and normalise an absolute http(s) URL; BadURL says what is wrong with it."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # bad port or bracketed host
        raise BadURL(f"invalid URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        what = f"unsupported scheme {scheme!r}" if scheme else "no scheme"
        raise BadURL(f"cannot fetch {url!r}: {what}; only http:// and https:// URLs are fetched")
    if not parts.hostname:
        raise BadURL(f"cannot fetch {url!r}: the URL has no host")
    try:  # IDNA both converts Unicode names and rejects empty or over-long labels
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise BadURL(f"cannot fetch {url!r}: invalid host name {parts.hostname!r}") from None
    path = quote(parts.path or "/", safe=_SAFE_CHARS)
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE_CHARS)
    default = 443 if scheme == "https" else 80
    clean = parts._replace(scheme=scheme, fragment="").geturl()
    return _Target(clean, scheme == "https", host, port or default, path)


class _Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


class _Watchdog:
    """Shuts the current socket down at the deadline, waking any read blocked inside http.client.

    Socket timeouts alone bound each recv(), not the whole fetch: a byte a second would pass.
    """

    def __init__(self, seconds: float):
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.fired:  # fired between creating the socket and handing it over
                _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._sock is not None:
                _shutdown(self._sock)


def _shutdown(sock: socket.socket) -> None:
    # The plain socket method even for SSL sockets: unblocks the reader without touching TLS state.
    with suppress(OSError):  # not connected yet, or already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _request(
    target: _Target, deadline: _Deadline, dog: _Watchdog, user_agent: str
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """Send the GET and read the status line and headers."""
    conn_class = _HTTPSOnSocket if target.https else http.client.HTTPConnection
    conn = conn_class(target.host, target.port)
    try:
        with _errors(target, deadline, dog):
            # Our own socket, connected (and TLS-wrapped) under the deadline and the watchdog.
            conn.sock = _connect(target, deadline, dog)
            conn.request("GET", target.path, headers=_headers(user_agent))
            return conn, conn.getresponse()
    except BaseException:
        conn.close()
        raise


class _HTTPSOnSocket(http.client.HTTPConnection):
    """Plain HTTPConnection over a socket we wrapped in TLS; 443 keeps the Host header bare."""

    default_port = 443


def _headers(user_agent: str) -> dict[str, str]:
    return {
        "User-Agent": user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
        "Accept-Language": "id,en;q=0.5",
        "Connection": "close",
    }


def _connect(target: _Target, deadline: _Deadline, dog: _Watchdog) -> socket.socket:
    last: OSError = ConnectionError("no address")
    for family, kind, proto, _, address in _resolve(target.host, target.port, deadline):
        sock = socket.socket(family, kind, proto)
        dog.watch(sock)
        try:
            sock.settimeout(deadline.remaining())
            sock.connect(address)
        except OSError as exc:
            sock.close()
            last = exc
            continue
        return _tls(sock, target, dog) if target.https else sock
    raise last


def _resolve(host: str, port: int, deadline: _Deadline) -> list[tuple]:
    """getaddrinfo in a helper thread: a dead resolver must not outlast the deadline."""
    result: list = []

    def lookup() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if not result:
        raise TimeoutError
    if isinstance(result[0], OSError):
        raise result[0]
    return result[0]


def _tls(sock: socket.socket, target: _Target, dog: _Watchdog) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    tls = context.wrap_socket(sock, server_hostname=target.host, do_handshake_on_connect=False)
    dog.watch(tls)  # the plain socket is detached now; the handshake must be interruptible too
    tls.do_handshake()
    return tls


def _next_target(target: _Target, resp: http.client.HTTPResponse) -> _Target:
    location = resp.getheader("Location")
    if not location:
        raise FetchError(f"fetch failed: {target.url} answered {resp.status} without a Location")
    nxt = urljoin(target.url, location.strip())
    try:
        return _parse_url(nxt)
    except BadURL:
        raise FetchError(
            f"fetch failed: {target.url} redirected to {nxt}, which is not an http(s) URL"
        ) from None


def _page(
    url: str,
    target: _Target,
    resp: http.client.HTTPResponse,
    deadline: _Deadline,
    dog: _Watchdog,
    max_bytes: int,
) -> FetchedPage:
    fail = f"fetch failed: {target.url}"
    if not 200 <= resp.status < 300:
        reason = resp.reason or http.client.responses.get(resp.status, "")
        raise FetchError(f"{fail} answered {resp.status} {reason}".rstrip(), status=resp.status)
    content_type = resp.getheader("Content-Type")
    media = (content_type or "").split(";")[0].strip().lower()
    if media and not (media.startswith("text/") or media.endswith(("/xml", "+xml"))):
        raise FetchError(f"{fail} is not an HTML page ({media})", status=resp.status)
    with _errors(target, deadline, dog):
        body = _read_body(resp, max_bytes, deadline, fail)
    reason = looks_binary(body)
    if reason:
        raise FetchError(f"{fail} is not an HTML page ({reason})", status=resp.status)
    text = decode_html(body, content_type)
    return FetchedPage(url, target.url, resp.status, content_type, body, text)


def _read_body(
    resp: http.client.HTTPResponse, max_bytes: int, deadline: _Deadline, fail: str
) -> bytes:
    """Read and decompress chunk by chunk, stopping as soon as either size passes the cap."""
    too_big = f"{fail}: the page is larger than {_size(max_bytes)}"
    length = _content_length(resp)
    if length is not None and length > max_bytes:
        raise FetchError(too_big)  # refused before reading a byte of it
    inflate = _Inflater.for_encoding(resp.getheader("Content-Encoding"), fail)
    body = bytearray()
    received = 0
    while chunk := resp.read1(_READ_SIZE):
        deadline.remaining()
        received += len(chunk)
        body += inflate.feed(chunk, max_bytes + 1 - len(body))
        if received > max_bytes or len(body) > max_bytes:
            raise FetchError(too_big)
    if length is not None and received < length:  # read1() just returns b"" at an early EOF
        raise http.client.IncompleteRead(b"", length - received)
    return bytes(body)


def _content_length(resp: http.client.HTTPResponse) -> int | None:
    """The declared body size, unless chunked framing overrides it (as http.client does)."""
    if "chunked" in (resp.getheader("Transfer-Encoding") or "").lower():
        return None
    length = (resp.getheader("Content-Length") or "").strip()
    return int(length) if length.isdigit() else None


class _Inflater:
    """Incremental gzip/deflate decoding: each feed() returns at most `limit` bytes."""

    def __init__(self, compressed: bool):
        self._compressed = compressed
        self._first = True
        self._zlib = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, auto

    @classmethod
    def for_encoding(cls, header: str | None, fail: str) -> _Inflater:
        codings = [c.strip().lower() for c in (header or "").split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if not codings:
            return cls(compressed=False)
        if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
            return cls(compressed=True)
        raise FetchError(f"{fail}: unsupported Content-Encoding {header!r}")

    def feed(self, data: bytes, limit: int) -> bytes:
        if not self._compressed:
            return data
        first, self._first = self._first, False
        try:
            return self._zlib.decompress(data, limit)
        except zlib.error:
            if not first:
                raise
        # Many servers send "deflate" as raw deflate without the zlib header.
        self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._zlib.decompress(data, limit)


@contextmanager
def _errors(target: _Target, deadline: _Deadline, dog: _Watchdog) -> Iterator[None]:
    """Turn socket, TLS, HTTP and zlib exceptions into a one-line FetchError."""
    try:
        yield
        if dog.fired:  # a socket shut down by the watchdog reads as a clean EOF
            raise TimeoutError
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, zlib.error) as exc:
        if dog.fired or isinstance(exc, TimeoutError):
            reason = f"no complete answer within {deadline.seconds:g} s (timed out)"
        else:
            reason = _reason(exc, target)
        raise FetchError(f"fetch failed: {target.url}: {reason}") from exc


def _reason(exc: BaseException, target: _Target) -> str:
    """A plain reason for a network, TLS, HTTP or decompression failure."""
    where = f"{target.host}:{target.port}"
    match exc:
        case socket.gaierror():
            return f"unknown host {target.host} ({exc.strerror})"
        case ConnectionRefusedError():
            return f"cannot connect to {where}: connection refused"
        case ssl.SSLCertVerificationError():
            return f"TLS certificate of {target.host} not accepted: {exc.verify_message}"
        case ssl.SSLError():
            return f"TLS error with {where}: {exc.reason or exc}"
        case http.client.RemoteDisconnected():
            return "the server closed the connection without answering"
        case http.client.IncompleteRead():
            return "the connection closed before the whole page arrived"
        case http.client.HTTPException():
            return f"malformed HTTP answer ({type(exc).__name__}: {str(exc)[:80]!r})"
        case ConnectionResetError():
            return "the connection was reset by the server"
        case OSError():
            return f"network error with {where}: {exc.strerror or exc}"
    return f"cannot decompress the body: {exc}"  # zlib.error


def _size(n: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"
