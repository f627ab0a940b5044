"""The generic path beside trafilatura on one machine at one moment (issue 16.2): Scrapinghub F1,
then CPU time a page of `clean_html(..., outlet="generic")`, trafilatura's default `extract` and
its precision pass, the three called page by page in turn, so a busy moment of a shared machine
hits all three alike. CPU time, not wall: other processes' load does not count.

    python -m bench.generic_ratio [--passes N]

Run it in a worktree of each commit to compare commits: the ratio is within one run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import trafilatura

from .contenders import TRAFILATURA_OPTIONS, contenders
from .data import REPO, Page, load_scrapinghub
from .holdouts_data import load
from .quality import run_scrapinghub


def cpu_ms(calls, pages: list[Page], passes: int) -> list[float]:
    """CPU milliseconds a page of each call, the calls interleaved page by page."""
    for page in pages[:10]:  # lazy imports, compiled patterns
        for call in calls:
            call(page.html, page.url)
    spent = [0.0] * len(calls)
    for _ in range(passes):
        for page in pages:
            for i, call in enumerate(calls):
                start = time.process_time()
                call(page.html, page.url)
                spent[i] += time.process_time() - start
    return [1000 * s / (len(pages) * passes) for s in spent]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generic_ratio", description=__doc__)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=REPO).stdout.strip()  # fmt: skip
    generic = next(c for c in contenders() if c.name == "kliping-generic")
    shub = load_scrapinghub()
    score = run_scrapinghub([generic], shub)[0][0].score
    print(f"{commit}: Scrapinghub F1 {score.f1:.4f} (P {score.precision:.4f}, "
          f"R {score.recall:.4f})")  # fmt: skip
    calls = [
        generic.call,
        lambda h, u: trafilatura.extract(h, url=u, **TRAFILATURA_OPTIONS),
        lambda h, u: trafilatura.extract(h, url=u, favor_precision=True, **TRAFILATURA_OPTIONS),
    ]
    held = [h.page for h in load() if h.cls == "f"]
    for name, pages in (("scrapinghub", shub), ("class f holdouts", held)):
        mine, default, precise = cpu_ms(calls, pages, args.passes)
        print(f"  {name} ({len(pages)} pages x {args.passes}): kliping generic {mine:.2f} CPU "
              f"ms/page, trafilatura {default:.2f}, trafilatura precision {precise:.2f}; "
              f"trafilatura/kliping {default / mine:.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
