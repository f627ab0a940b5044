"""`kliping outlets`: the outlets kliping has a cleaner for, their hosts and sources."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    from . import add_command

    parser = add_command(sub, "outlets", "list the outlets and the hosts they clean",
                         "The outlets kliping has a cleaner for: their hosts, how a split article is "
                         "read (the whole-article switch, else its pages followed) and their "
                         "discovery sources.",
                         "example:\n  kliping outlets")  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaners import SITES

    width = max(len(site.name) for site in SITES)
    for site in SITES:
        hosts = ", ".join(f"{h} (and sub-domains)" for h in site.hosts)
        print(f"{site.name:<{width}} {hosts}")
        print(f"{'':<{width}} {_split_articles(site)}; sources: "
              + ", ".join(f"{s.kind} {s.url}" for s in site.sources))  # fmt: skip
    return 0


def _split_articles(site) -> str:
    """`whole article: page=all`, or the pages followed: `pages followed: ?page_num=N` or `/N`."""
    if site.whole_article:
        return "whole article: " + "&".join(f"{k}={v}" for k, v in site.whole_article.items())
    from cleaners.site import PATH_PAGE

    if site.page_param == PATH_PAGE:
        return "pages followed: /N"
    return f"pages followed: ?{site.page_param}=N"
