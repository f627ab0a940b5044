"""Real HTTP servers on 127.0.0.1 for tests: ephemeral ports, threads, no mocks.

Routes map a path (query string ignored) to either a fixed response ``(status, headers, body)``
or a handler ``callable(ex: Exchange) -> None`` that may write anything, slowly or forever::

    from httpserver import serve, trickle

    routes = {
        "/": (200, {"Content-Type": "text/html; charset=utf-8"}, b"<p>halo</p>"),
        "/old": redirect("/"),
        "/slow": trickle(b"HTTP/1.1 200 OK\\r\\n\\r\\nhalo", interval=1.0),
    }
    with serve(routes) as server:
        fetch(server.url("/old"))
        assert server.requests[0].headers["User-Agent"].startswith("kliping")

``serve(handler)`` with a single callable sends every request to it. Unknown paths get 404.
Fixed responses get a Content-Length and keep the connection alive (HTTP/1.1); handlers that
write raw bytes close the connection afterwards. Handlers should wait with ``ex.sleep()``,
which returns False once the server is stopping, so a test never waits for a slow handler.
A client hanging up mid-response (BrokenPipe, reset) ends the handler quietly.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Headers = Mapping[str, str] | list[tuple[str, str]]
Response = tuple[int, Headers, bytes]
Handler = Callable[["Exchange"], None]
Routes = Mapping[str, Response | Handler]


@dataclass
class Request:
    """One request as the server received it."""

    method: str
    path: str  # with the query string
    headers: dict[str, str]  # last value wins; names as sent (look them up case-sensitively)
    body: bytes


class Exchange:
    """One request plus the means to answer it: fully, raw, chunked, slowly or never."""

    def __init__(self, handler: _RequestHandler, request: Request, stop: threading.Event):
        self._handler = handler
        self.request = request
        self._stop = stop

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def sleep(self, seconds: float) -> bool:
        """Wait, but wake early when the server stops; True if the full time passed."""
        return not self._stop.wait(seconds)

    def respond(self, status: int, headers: Headers = (), body: bytes = b"") -> None:
        """A complete response; adds Content-Length unless the headers already have one."""
        pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
        if not any(name.lower() == "content-length" for name, _ in pairs):
            pairs.append(("Content-Length", str(len(body))))
        keep_alive = not self._handler.close_connection  # as the client asked
        self.send_head(status, pairs)
        if self.request.method != "HEAD":
            self.write(body)
        self._handler.close_connection = not keep_alive

    def send_head(self, status: int, headers: Headers = ()) -> None:
        """Status line and headers only, nothing added; the body is up to the caller."""
        pairs = headers.items() if isinstance(headers, Mapping) else headers
        head = [f"HTTP/1.1 {status} {_reason(status)}"]
        head += [f"{name}: {value}" for name, value in pairs]
        self.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))

    def write(self, data: bytes) -> None:
        """Raw bytes straight to the socket (unbuffered). The connection closes afterwards."""
        self._handler.close_connection = True
        self._handler.wfile.write(data)

    def chunk(self, data: bytes) -> None:
        """One chunk of a Transfer-Encoding: chunked body; b"" writes the final chunk."""
        self.write(b"%x\r\n%s\r\n" % (len(data), data))


class LocalServer:
    """A running server; use through serve()."""

    def __init__(self, routes: Routes | Handler, tls: ssl.SSLContext | None = None):
        self.routes = routes
        self.requests: list[Request] = []
        self.stop = threading.Event()
        self.scheme = "https" if tls else "http"
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _RequestHandler)
        if tls:  # handshakes happen in accept(); a client refusing the certificate is dropped
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._httpd.daemon_threads = True
        self._httpd.local = self  # type: ignore[attr-defined]
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.stop.set()  # wakes handlers sleeping in Exchange.sleep()
        self._httpd.shutdown()
        self._httpd.server_close()

    def handle(self, ex: Exchange) -> None:
        self.requests.append(ex.request)
        route = self.routes if callable(self.routes) else self._route(ex.request.path)
        if callable(route):
            route(ex)
        else:
            ex.respond(*route)

    def _route(self, path: str) -> Response | Handler:
        assert isinstance(self.routes, Mapping)
        default = (404, {"Content-Type": "text/plain"}, b"not found")
        return self.routes.get(path.split("?")[0], default)


@contextmanager
def serve(routes: Routes | Handler, tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    """Run a server for the duration of the with block; with tls (a server-side context), HTTPS."""
    server = LocalServer(routes, tls)
    server.start()
    try:
        yield server
    finally:
        server.close()


def self_signed_tls(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context with a fresh certificate for 127.0.0.1/localhost, and the cert's path.

    Clients trust it through SSL_CERT_FILE=<path>. Needs the openssl command.
    """
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert),
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Ready-made behaviours -------------------------------------------------------------------------


def redirect(location: str, status: int = 302) -> Response:
    return (status, {"Location": location, "Content-Type": "text/html"}, b"moved")


def raw(data: bytes) -> Handler:
    """Send exactly these bytes (status line and all), then close."""
    return lambda ex: ex.write(data)


def trickle(data: bytes, interval: float = 1.0, prefix: bytes = b"") -> Handler:
    """Send prefix at once, then data one byte every interval seconds (a slowloris server)."""

    def handler(ex: Exchange) -> None:
        ex.write(prefix)
        for i in range(len(data)):
            if not ex.sleep(interval):
                return
            ex.write(data[i : i + 1])

    return handler


def endless_chunked(piece: bytes = b"x" * 65536, content_type: str = "text/html") -> Handler:
    """A chunked body that never ends, until the client hangs up or the server stops."""

    def handler(ex: Exchange) -> None:
        ex.send_head(200, {"Content-Type": content_type, "Transfer-Encoding": "chunked"})
        while not ex.stopping:
            ex.chunk(piece)

    return handler


def hang(seconds: float = 30.0, head: bytes = b"") -> Handler:
    """Send head (possibly nothing), then keep the connection open without a word."""

    def handler(ex: Exchange) -> None:
        ex.write(head)
        ex.sleep(seconds)

    return handler


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, as real servers do

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, dict(self.headers.items()), body)
        local: LocalServer = self.server.local  # type: ignore[attr-defined]
        try:
            local.handle(Exchange(self, request, local.stop))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client hung up: nothing left to do

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = _dispatch

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


def _reason(status: int) -> str:
    return BaseHTTPRequestHandler.responses.get(status, ("Unknown",))[0]
