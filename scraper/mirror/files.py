"""A mirror on disk: keys, the manifest, and the writer.

    root/manifest.json  {"version": 1, "entries": {KEY: {"file", "status", "content_type",
                                                         "encoding": null | "gzip"}}}
    root/files/ab/abcdef….html

where KEY is `mirror_key(url)`: `HOST/PATH?QUERY` of the real URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

MANIFEST = "manifest.json"
VERSION = 1
HTML = "text/html; charset=utf-8"
_EXTENSIONS = {"text/html": ".html", "application/xml": ".xml", "text/xml": ".xml",
               "application/rss+xml": ".xml", "text/plain": ".txt"}  # fmt: skip


def mirror_key(url: str) -> str:
    """`HOST/PATH?QUERY` of a URL: the scheme goes (a mirror serves http and https alike), the host
    is lower-cased, the path and query stay as given so that the key is the URL's own spelling."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    key = host + (parts.path or "/")
    return f"{key}?{parts.query}" if parts.query else key


def mirror_url(base: str, url: str) -> str:
    """Where the mirror at `base` answers for `url`."""
    return base.rstrip("/") + "/" + mirror_key(url)


@dataclass(frozen=True)
class Entry:
    file: str  # relative to the mirror's root
    status: int = 200
    content_type: str = HTML
    encoding: str | None = None  # "gzip": the file is stored compressed


def read_manifest(root: Path) -> dict[str, Entry]:
    data = json.loads((Path(root) / MANIFEST).read_text(encoding="utf-8"))
    if data.get("version") != VERSION:
        raise ValueError(f"{root}: mirror manifest version {data.get('version')!r} unknown")
    return {key: Entry(**value) for key, value in data["entries"].items()}


class MirrorWriter:
    """Writes a mirror a page at a time: each body goes to disk at once, only the manifest is
    kept in memory (so ten thousand pages cost a dict, not their bytes)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.entries: dict[str, Entry] = {}
        self._dirs: set[Path] = set()

    def add(self, url: str, body: bytes | str, content_type: str = HTML, status: int = 200,
            *, compress: bool = False) -> str:  # fmt: skip
        """Store `body` as the answer for `url`; returns the key. `compress` stores it gzipped
        and serves it with Content-Encoding: gzip to clients that accept it."""
        key = mirror_key(url)
        data = body.encode("utf-8") if isinstance(body, str) else body
        if compress:
            data = gzip.compress(data, compresslevel=1, mtime=0)
        # Named by a hash of the key: any URL makes a safe, fixed-length file name.
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        ext = _EXTENSIONS.get(content_type.split(";")[0].strip().lower(), ".bin")
        name = f"files/{digest[:2]}/{digest[2:]}{ext}" + (".gz" if compress else "")
        path = self.root / name
        if path.parent not in self._dirs:
            path.parent.mkdir(exist_ok=True, parents=True)
            self._dirs.add(path.parent)
        path.write_bytes(data)
        self.entries[key] = Entry(name, status, content_type, "gzip" if compress else None)
        return key

    def alias(self, url: str, of: str) -> str:
        """Answer `url` with the file already stored for `of` (no second copy on disk)."""
        key = mirror_key(url)
        self.entries[key] = self.entries[mirror_key(of)]
        return key

    def __contains__(self, url: str) -> bool:
        return mirror_key(url) in self.entries

    def close(self) -> None:
        manifest = {"version": VERSION, "entries": {k: vars(e) for k, e in self.entries.items()}}
        # No indent: json's fast C encoder, for manifests of tens of thousands of entries.
        (self.root / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False), encoding="utf-8"
        )

    def __enter__(self) -> MirrorWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
