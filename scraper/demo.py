"""`kliping demo` as a library call: the whole pipeline offline. A mirror of the bundled
fixtures (discovery documents and article pages of every outlet) is built and served on
127.0.0.1; a crawl pass stores it into a fresh store in the demo folder, which is then exported
(JSON lines and one clean-text file per article)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .passes import CrawlOptions


class DemoError(Exception):
    """The demo folder cannot be used (it holds something other than a demo)."""


@dataclass
class DemoOptions:
    dir: Path = Path("data/demo")  # the store, logs and exports; emptied first
    synthetic: int = 0  # generated articles served beside the fixtures


def run_demo(options: DemoOptions, crawl: Callable[[CrawlOptions], int],
             say: Callable[[str], None] = print) -> int:  # fmt: skip
    """Build and serve the mirror, `crawl` it (the caller's pass: it reports the pass and gives
    its exit code), export the store; the pass's exit code. `say` shows each step."""
    from .mirror import MirrorServer
    from .mirror.build import build_mirror

    out = options.dir
    if out.exists() and not (out / "kliping.db").exists() and any(out.iterdir()):
        raise DemoError(f"{out} exists and is not a kliping demo folder; choose another --dir")
    shutil.rmtree(out, ignore_errors=True)  # a fresh store every time
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="kliping-mirror-") as mirror_dir:
        info = build_mirror(Path(mirror_dir), synthetic=options.synthetic)
        with MirrorServer(info.root) as server:
            say(f"serving a mirror of {len(info.articles)} articles at {server.base}")
            code = crawl(CrawlOptions(db=str(out / "kliping.db"), mirror=server.base,
                                      log_dir=str(out / "logs")))  # fmt: skip
    _export(out, say)
    return code


def _export(out: Path, say: Callable[[str], None]) -> None:
    from .export import export
    from .store import open_store

    with open_store(out / "kliping.db") as store:
        count = export(store, "jsonl", out / "articles.jsonl")
        export(store, "txt", out / "articles")
    say(f"exported {count} articles: {out / 'articles.jsonl'} and {out / 'articles'}/")
    db = out / "kliping.db"
    say("\nnext, try:")
    for command in (f"kliping runs --db {db}", f"kliping health --db {db}",
                    f"kliping export --db {db} --format csv --out {out / 'articles.csv'}",
                    f"kliping reclean --db {db}", "kliping clean https://www.kontan.co.id/news/..."):  # fmt: skip
        say(f"  {command}")
