"""A saved copy of some sites, served over HTTP on this machine: how tests, replays and the offline
demo crawl without the internet.

The crawler's `--mirror BASE` sends `https://HOST/PATH?QUERY` to `BASE/HOST/PATH?QUERY`
(`mirror_url`); `MirrorServer` answers it from a mirror directory (`files.py` describes it).
Build one with `MirrorWriter` (or `python -m scraper.mirror.build`), serve it from the shell:
`python -m scraper.mirror DIR [--port P]`.
"""

from __future__ import annotations

import argparse
import gzip
import html
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote

from .files import HTML, mirror_key, mirror_url, read_manifest


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


class MirrorServer:
    """Serves a mirror directory on 127.0.0.1 in threads.

    `host_status` makes every request for a host answer that status (a blocked outlet);
    `set_host_status()` and `replace()` change answers while a crawl runs (a layout change);
    `hits` counts requests per key, so a test can tell what a crawl fetched.
    """

    def __init__(self, root: Path | str, host: str = "127.0.0.1", port: int = 0,
                 host_status: dict[str, int] | None = None) -> None:  # fmt: skip
        self.root = Path(root)
        self.entries = read_manifest(self.root)
        # Clients may send a key percent-encoded or not: both spellings find the entry, and
        # its hits are counted under the manifest's spelling.
        self._lookup = {key: key for key in self.entries}
        for key in self.entries:
            self._lookup.setdefault(unquote(key), key)
        self._lock = threading.Lock()
        self._host_status = {h.lower(): s for h, s in (host_status or {}).items()}
        self._overrides: dict[str, Reply] = {}
        self.hits: Counter[str] = Counter()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.mirror = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base(self) -> str:
        return f"http://{self._httpd.server_address[0]}:{self.port}"

    def url(self, url: str) -> str:
        """The mirror's URL for a real one."""
        return mirror_url(self.base, url)

    # --- changing answers at run time -------------------------------------------------------

    def set_host_status(self, host: str, status: int | None) -> None:
        """Every request for `host` answers `status` from now on; None serves it again."""
        with self._lock:
            if status is None:
                self._host_status.pop(host.lower(), None)
            else:
                self._host_status[host.lower()] = status

    def replace(self, url: str, body: bytes | str | None, status: int = 200,
                content_type: str = HTML) -> None:  # fmt: skip
        """Answer `url` with `body` from now on (a new page, or a changed one); None restores
        the mirror's own answer."""
        key = mirror_key(url)
        with self._lock:
            if body is None:
                self._overrides.pop(key, None)
            else:
                data = body.encode("utf-8") if isinstance(body, str) else body
                self._overrides[key] = Reply(status, content_type, data)

    def hits_for(self, url: str) -> int:
        with self._lock:
            return self.hits[mirror_key(url)]

    def reset_hits(self) -> None:
        with self._lock:
            self.hits.clear()

    # --- answering --------------------------------------------------------------------------

    def answer(self, path: str, accepts_gzip: bool) -> tuple[Reply, str | None]:
        """The reply for a request path `/HOST/PATH?QUERY`, and its Content-Encoding."""
        # `/Host/a?q` -> `host/a?q`; `/host` and `/host?q` are the host's root path.
        target, mark, query = path.lstrip("/").partition("?")
        host, _, rest = target.partition("/")
        host = host.lower()
        key = f"{host}/{rest}{mark}{query}"
        key = self._lookup.get(key) or self._lookup.get(unquote(key)) or key
        entry = self.entries.get(key)
        with self._lock:
            self.hits[key] += 1
            status = self._host_status.get(host) or self._host_status.get(host.split(":")[0])
            override = self._overrides.get(key)
        if status is not None:
            return Reply(status, HTML, _page(status, f"{host} answers {status}")), None
        if override is not None:
            return override, None
        if entry is None:
            return Reply(404, HTML, _page(404, f"{key} is not in this mirror")), None
        try:
            body = (self.root / entry.file).read_bytes()
        except OSError as error:  # the mirror changed on disk under a running server
            return Reply(500, HTML, _page(500, f"{key}: {error.strerror}")), None
        if entry.encoding == "gzip" and not accepts_gzip:
            return Reply(entry.status, entry.content_type, gzip.decompress(body)), None
        return Reply(entry.status, entry.content_type, body), entry.encoding

    # --- running ----------------------------------------------------------------------------

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.2)

    def start(self) -> MirrorServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)  # fmt: skip
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:  # fmt: skip
        self.close()


def _page(status: int, message: str) -> bytes:
    reason = BaseHTTPRequestHandler.responses.get(status, ("Error",))[0]
    text = html.escape(f"{status} {reason}: {message}")
    page = f"<!DOCTYPE html><html><head><title>{status}</title></head><body><p>{text}</p></body>"
    return (page + "</html>\n").encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a keep-alive connection left open never holds up close()
    request_queue_size = 128  # a crawl opens many connections at once; 5 would drop SYNs


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real sites do
    server_version = "kliping-mirror"

    def do_GET(self) -> None:
        mirror: MirrorServer = self.server.mirror  # type: ignore[attr-defined]
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "").lower()
        reply, encoding = mirror.answer(self.path, accepts_gzip)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client hung up

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass  # a crawl makes thousands of requests; the hits counter says what happened


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scraper.mirror", description="Serve a mirror.")
    parser.add_argument("root", type=Path, help="a mirror directory (with manifest.json)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="default: any free port")
    args = parser.parse_args(argv)
    server = MirrorServer(args.root, host=args.host, port=args.port)
    print(server.base, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
