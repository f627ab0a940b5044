"""The bench's generated WARC: the page fixtures under fresh article URLs, at a realistic page size.

Size: the fixtures are 3–35 KB of HTML (10 KB on average) because they keep only what the
cleaners need to see; a real Indonesian news page is 100–300 KB, most of it scripts, styles, an
icon sprite and ad markup. `pad_page` adds that kind of boilerplate (made up, varied per page so
that gzip sees about a real page's redundancy) up to `page_kb`; it adds no text, links or
metadata; `check_padding` lists the pages that clean to another article padded (bench/RESULTS.md
says which: 7 riau24 bylines of 91 pages).

Speed: warcio writes each distinct page once (its WARC and HTTP headers, its digests); every copy
reuses that record's HTTP block, already deflated, under its own URL, record id and date, in its
own gzip member: a valid WARC that warcio reads and `warcio check` passes (but for the copies
of a fixture with an upper-case `HTTPS:` scheme, which warcio fails on its own records too),
written at disk speed instead of gzip and digests per record (1 GB in 45 s).
"""

from __future__ import annotations

import io
import json
import random
import re
import struct
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
START = datetime(2025, 6, 1, tzinfo=UTC)


def fixture_pages() -> list[tuple[str, bytes]]:
    pages = []
    for folder in sorted(PAGES.glob("*/*")):
        if re.search(r"-p\d+$", folder.name):
            continue  # single pages of split articles: the -all view stands for them
        url = json.loads((folder / "source.json").read_text(encoding="utf-8"))["url"]
        pages.append((url.split("?")[0], (folder / "page.html").read_bytes()))
    return pages


def fresh_url(url: str, n: int) -> str:
    """The same page under a new article URL that the outlet's URL rules still accept."""
    base, dot, ext = url.rstrip("/").rpartition(".")
    if dot and ext in ("html", "htm", "php"):
        return f"{base}-b{n}.{ext}"
    return f"{url.rstrip('/')}-b{n}" + ("/" if url.endswith("/") else "")


# -- padding: what makes a real page 100+ KB, none of it text a reader sees

_JS = (
    "!function(e,t){{var n=e.{a}=e.{a}||[];n.push({{'gtm.start':new Date().getTime(),"
    "event:'gtm.js',slot:'{h}'}});var r=t.getElementsByTagName('script')[0],o=t.createElement("
    "'script');o.async=!0,o.src='https://www.googletagmanager.com/gtm.js?id=GTM-{k}&l={a}',"
    "r.parentNode.insertBefore(o,r)}}(window,document);function {f}(e){{for(var t=0,n=e.length;"
    "t<n;t++){{var r=e[t];if(r&&r.dataset&&r.dataset.{a}==='{h}')return r.getAttribute('data-"
    "{b}')||{n}}}return null}}"
)
_CSS = (
    ".{a}-{b}{{display:flex;margin:{n}px {m}px;padding:0 {m}px;color:#{h};font:{m}px/1.{n} "
    "Roboto,Arial,sans-serif}}.{a}-{b}:hover>.{f}{{opacity:.{n};transform:translateY(-{m}px)}}"
)
_AD = (
    '<div class="ads-slot ads-{a}" id="div-gpt-ad-{k}-{n}" data-ad-unit="/{k}/{a}/{b}_{n}" '
    'data-sizes="[[300,250],[{m}0,90]]" data-refresh="{n}" style="min-height:{m}0px"></div>'
)


def _words(rng: random.Random, k: int) -> dict[str, str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = lambda: "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))  # noqa: E731
    return {"a": word(), "b": word(), "f": word(), "h": f"{rng.getrandbits(24):06x}",
            "k": str(rng.randint(10**7, 10**8)), "n": str(rng.randint(1, 99)),
            "m": str(rng.randint(2, 40)), "i": str(k)}  # fmt: skip


def _sprite(rng: random.Random, size: int) -> str:
    out, length = ['<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'], 0
    while length < size:
        points = " ".join(
            f"{rng.randint(0, 240) / 10} {rng.randint(0, 240) / 10}" for _ in range(24)
        )
        out.append(f'<symbol id="ic-{rng.getrandbits(20):05x}" viewBox="0 0 24 24">'
                   f'<path d="M{points}Z"/></symbol>')  # fmt: skip
        length += len(out[-1])
    return "".join(out) + "</svg>"


def _blob(rng: random.Random, size: int) -> str:
    """A base64 placeholder image, as lazy-loading markup carries (incompressible bytes)."""
    import base64

    data = base64.b64encode(rng.randbytes(size * 3 // 4)).decode()
    return f'<noscript><img alt="" width="1" height="1" src="data:image/webp;base64,{data}"></noscript>'


def _filled(template: str, rng: random.Random, size: float) -> list[str]:
    out, length = [], 0
    while length < size:
        out.append(template.format(**_words(rng, len(out))))
        length += len(out[-1])
    return out


def pad_page(body: bytes, page_kb: int, seed: int) -> bytes:
    """`body` grown to about `page_kb` KB with scripts and styles in the head and a sprite, ad
    slots and scripts at the end of the body; `page_kb` 0 leaves the page as it is."""
    room = page_kb * 1024 - len(body)
    if page_kb <= 0 or room <= 0:
        return body
    rng = random.Random(seed)
    parts: dict[str, list[str]] = {"head": [], "body": []}
    budget = {"css": room * 0.15, "js_head": room * 0.35, "sprite": room * 0.12,
              "ads": room * 0.08, "blob": room * 0.05, "js_body": room * 0.25}  # fmt: skip
    parts["head"].append("<style>" + "".join(_filled(_CSS, rng, budget["css"])) + "</style>")
    for where, key in (("head", "js_head"), ("body", "js_body")):
        js = _filled(_JS, rng, budget[key])
        for i in range(0, len(js), 6):  # a script element per six snippets, as tag managers do
            parts[where].append("<script>" + ";".join(js[i : i + 6]) + "</script>")
    parts["body"].insert(0, _sprite(rng, int(budget["sprite"])))
    parts["body"].insert(1, "".join(_filled(_AD, rng, budget["ads"])))
    parts["body"].insert(2, _blob(rng, int(budget["blob"])))
    head, body_end = "".join(parts["head"]).encode(), "".join(parts["body"]).encode()
    page = re.sub(rb"</head>", lambda _: head + b"</head>", body, count=1, flags=re.I)
    return re.sub(rb"</body>", lambda _: body_end + b"</body>", page, count=1, flags=re.I)


def padded_pages(page_kb: int) -> list[tuple[str, bytes]]:
    return [
        (url, pad_page(body, page_kb, seed)) for seed, (url, body) in enumerate(fixture_pages())
    ]


def check_padding(page_kb: int) -> list[str]:
    """The fixtures whose article, as `kliping import` cleans it, changes once padded: none
    expected."""
    from cleaners import site_for_url
    from cleaners.urls import canonical_url
    from scraper.archive.importer import clean_job

    def cleaned(url: str, body: bytes):
        site = site_for_url(url)
        job = (site.name if site else "generic", canonical_url(url, keep_page=False),
               [(url, "", body, ())])  # fmt: skip
        return clean_job(job)[3:]

    pairs = zip(fixture_pages(), padded_pages(page_kb), strict=True)
    return [url for (url, body), (_, padded) in pairs if cleaned(url, body) != cleaned(url, padded)]


# -- writing: warcio once per distinct page, then its deflated block reused


def _template(url: str, body: bytes) -> tuple[bytes, bytes]:
    """warcio's record of one page, uncompressed: its WARC header block and its HTTP block
    (with the record's closing CRLFs)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                       ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")  # fmt: skip
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  http_headers=http))  # fmt: skip
    record = buffer.getvalue()
    split = record.index(b"\r\n\r\n") + 4
    return record[:split], record[split:]


_PER_RECORD = (b"WARC-Record-ID", b"WARC-Target-URI", b"WARC-Date")


def _header(template: bytes, url: str, when: datetime) -> bytes:
    lines = [line for line in template.split(b"\r\n") if not line.startswith(_PER_RECORD)]
    own = [f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>".encode(),
           f"WARC-Target-URI: {url}".encode(),
           f"WARC-Date: {when.strftime('%Y-%m-%dT%H:%M:%SZ')}".encode()]  # fmt: skip
    return b"\r\n".join([lines[0], *own, *lines[1:]])


def _deflated(data: bytes, last: bool) -> bytes:
    """Raw deflate of `data` from an empty window, ending on a byte boundary (or the final
    block): such pieces concatenate into one valid deflate stream."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _member(header: bytes, block: bytes, block_deflated: bytes) -> bytes:
    """One gzip member holding `header` + `block`, `block` already deflated."""
    crc = zlib.crc32(block, zlib.crc32(header))
    data = _deflated(header, False) + block_deflated + _deflated(b"", True)
    size = (len(header) + len(block)) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + data + struct.pack("<II", crc, size)


def write_warc(path: Path, size: int, page_kb: int = 0) -> int:
    """A gzipped WARC of at least `size` bytes; the number of response records written."""
    pages = []
    for url, body in padded_pages(page_kb):
        header, block = _template(url, body)
        pages.append((url, header, block, _deflated(block, False)))
    count = 0
    with open(path, "wb") as out:
        while out.tell() < size:
            url, header, block, deflated = pages[count % len(pages)]
            own = _header(header, fresh_url(url, count), START + timedelta(seconds=count))
            out.write(_member(own, block, deflated))
            count += 1
    return count
