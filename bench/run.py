"""Run the bench: `python -m bench.run [--quick] [--out bench/out] [--no-memory] [--scrapinghub DIR]`.

Prints the markdown tables and writes `<out>/<timestamp>.md/.json` and `<out>/latest.md/.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from . import data, holdouts_data, quality, speed
from .contenders import contenders, library_default, parse_only
from .report import Run, markdown

QUICK_SCRAPINGHUB = 20  # pages in --quick


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    started, t0 = datetime.now().astimezone(), time.perf_counter()
    everyone = contenders()
    passes = 1 if args.quick else 5

    if not (args.scrapinghub / "ground-truth.json").is_file():
        print(f"bench: no Scrapinghub set at {args.scrapinghub} (give --scrapinghub DIR or "
              "KLIPING_SCRAPINGHUB)", file=sys.stderr)  # fmt: skip
        return 2
    fixtures = data.load_fixtures()
    for note in fixtures.skipped:
        print(f"skipped {note}", file=sys.stderr)
    shub = data.load_scrapinghub(args.scrapinghub, limit=QUICK_SCRAPINGHUB if args.quick else None)

    fx_scores, fx_pages = quality.run_fixtures(
        everyone, fixtures.scored, data.boilerplate_strings()
    )
    sh_scores, _ = quality.run_scrapinghub(everyone, shub)
    aside = [] if args.quick else quality.run_scrapinghub([library_default()], shub)[0]

    timed = [*everyone, parse_only()]
    memory = not args.no_memory
    # The tune holdouts of classes a b d e: pages no cleaner was built on, timed only (their
    # quality is bench.generalise's). Some are of other sites or fall to the generic path, so
    # the site path's own rate is timed on the pages it reads (`-site` groups).
    held = [h.page for h in holdouts_data.load(("tune",)) if h.cls in "abde"]
    speeds, groups = [], {}
    for name, pages in (("fixtures", fixtures.pages), ("holdouts-tune", held)):
        site, other = data.by_path(pages)
        speeds += speed.measure(timed, pages, name, passes, memory)
        groups[name] = f"{len(pages)} pages: {len(site)} on the site path, {len(other)} not"
        if other:  # a mix: the site path alone as a group of its own
            speeds += speed.measure(timed, site, name + "-site", passes, memory)
            groups[name + "-site"] = f"the {len(site)} pages of {name} on the site path"
    speeds += speed.measure(timed, shub, "scrapinghub", passes, memory)
    groups["scrapinghub"] = f"{len(shub)} pages of other sites (the site contender goes generic)"

    run = Run(
        started=started.isoformat(timespec="seconds"),
        command="python -m bench.run" + (" --quick" if args.quick else ""),
        quick=args.quick,
        seconds=time.perf_counter() - t0,
        env=_env(),
        skipped=fixtures.skipped,
        fixtures=fx_scores,
        fixture_pages=fx_pages,
        scrapinghub=sh_scores,
        scrapinghub_pages=len(shub),
        speed=speeds,
        speed_groups=groups,
        ratios=speed.ratios(speeds),
        aside=aside,
    )
    text = markdown(run)
    print(text)
    _write(args.out, started, text, run.to_json())
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="CI smoke: 20 Scrapinghub pages, 1 pass")
    ap.add_argument("--out", type=Path, default=data.REPO / "bench" / "out", help="output folder")
    ap.add_argument("--scrapinghub", type=Path, default=data.SCRAPINGHUB, metavar="DIR",
                    help="the Scrapinghub set (default: ../shared/bench/scrapinghub beside the "
                    "repository, or $KLIPING_SCRAPINGHUB)")  # fmt: skip
    ap.add_argument("--no-memory", action="store_true", help="skip the memory child processes")
    return ap.parse_args(argv)


def _env() -> dict[str, str]:
    return {
        "Python": platform.python_version(),
        "trafilatura": version("trafilatura"),
        "kliping": version("kliping"),
        "CPUs": str(os.cpu_count()),
    }


def _write(out: Path, started: datetime, text: str, payload: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    blob = json.dumps(payload, ensure_ascii=False, indent=1)
    stamp = started.strftime("%Y%m%dT%H%M%S")
    for name in (stamp, "latest"):
        (out / f"{name}.md").write_text(text, encoding="utf-8")
        (out / f"{name}.json").write_text(blob + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
