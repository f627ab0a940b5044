"""`kliping outlets`: the outlets kliping has a cleaner for, their hosts and sources."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    from . import add_command

    parser = add_command(sub, "outlets", "list the outlets and the hosts they clean",
                         "The outlets kliping has a cleaner for: their hosts, their whole-article "
                         "switch and their discovery sources.",
                         "example:\n  kliping outlets")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaners import SITES

    for site in SITES:
        hosts = ", ".join(f"{h} (and sub-domains)" for h in site.hosts)
        whole = "&".join(f"{k}={v}" for k, v in site.whole_article.items()) or "-"
        print(f"{site.name:<12} {hosts}")
        print(f"{'':<12} whole article: {whole}; sources: "
              + ", ".join(f"{s.kind} {s.url}" for s in site.sources))  # fmt: skip
    return 0
