"""`kliping demo`: the whole pipeline offline. A local server serves a mirror of the bundled
fixtures (discovery documents and article pages of every outlet); kliping crawls it into a
fresh store and exports it."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from . import CliError, add_command

EXAMPLES = """\
examples:
  kliping demo                          store, logs and exports in data/demo/
  kliping demo --dir /tmp/demo --synthetic 500"""


def add_parser(sub) -> None:
    parser = add_command(sub, "demo", "crawl a local mirror of the bundled fixtures (offline)",
                         "The whole pipeline offline: a server on 127.0.0.1 serves a mirror of "
                         "the bundled fixtures, kliping crawls it into a fresh store in DIR and "
                         "exports it (DIR is emptied first).", EXAMPLES)  # fmt: skip
    parser.add_argument("--dir", default="data/demo", help="where the demo store and export go")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="also serve N generated articles")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..mirror import MirrorServer
    from ..mirror.build import build_mirror
    from ..passes import CrawlOptions
    from .crawl import run_pass

    out = Path(args.dir)
    if out.exists() and not (out / "kliping.db").exists() and any(out.iterdir()):
        raise CliError(f"{out} exists and is not a kliping demo folder; choose another --dir")
    shutil.rmtree(out, ignore_errors=True)  # a fresh store every time
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="kliping-mirror-") as mirror_dir:
        info = build_mirror(Path(mirror_dir), synthetic=args.synthetic)
        with MirrorServer(info.root) as server:
            print(f"serving a mirror of {len(info.articles)} articles at {server.base}")
            options = CrawlOptions(db=str(out / "kliping.db"), mirror=server.base,
                                   log_dir=str(out / "logs"))  # fmt: skip
            code = run_pass(options)
    _export(out)
    return code


def _export(out: Path) -> None:
    from ..export import export
    from ..store import open_store

    with open_store(out / "kliping.db") as store:
        count = export(store, "jsonl", out / "articles.jsonl")
        export(store, "txt", out / "articles")
    print(f"exported {count} articles: {out / 'articles.jsonl'} and {out / 'articles'}/")
    db = out / "kliping.db"
    print("\nnext, try:")
    for command in (f"kliping runs --db {db}", f"kliping health --db {db}",
                    f"kliping export --db {db} --format csv --out {out / 'articles.csv'}",
                    f"kliping reclean --db {db}", "kliping clean https://www.kontan.co.id/news/..."):  # fmt: skip
        print(f"  {command}")
