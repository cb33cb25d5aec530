"""``newsarchive frontier SITE``: every URL the site's crawls found and where it stands."""

from __future__ import annotations

import argparse

from archive.models import FRONTIER_STATES
from crawler.cli.common import CliError, open_from, print_table, shorten, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser(
        "frontier", parents=[shared],
        help="URLs a site's crawls discovered: archived, unchanged, failed, skipped or queued")
    parser.add_argument("site", metavar="SITE")
    parser.add_argument("--state", choices=FRONTIER_STATES, help="only URLs in this state")
    parser.add_argument("--limit", type=int, default=50, help="at most N URLs (default 50)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise CliError("--limit must be zero or more")
    with open_from(args) as arc:
        counts = arc.frontier_counts(args.site) if any(
            s.key == args.site for s in arc.sites()) else None
        if counts is None:
            raise CliError(f"no site {args.site!r} in this archive")
        entries = arc.frontier(args.site, args.state, args.limit)
    print("  ".join(f"{state} {n}" for state, n in counts.items()))
    print_table(
        ("STATE", "KIND", "FETCHED", "NEXT VISIT", "URL", "REASON"),
        [(e.state, e.kind, when(e.fetched_at), when(e.next_visit_at), e.url,
          shorten(e.reason, 40)) for e in entries],
    )
    return 0
