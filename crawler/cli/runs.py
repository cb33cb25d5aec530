"""``newsarchive runs``: crawl runs, newest first, with their counters."""

from __future__ import annotations

import argparse

from crawler.cli.common import open_from, print_table, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("runs", parents=[shared], help="list crawl runs")
    parser.add_argument("--site", help="only runs of this site")
    parser.add_argument("--limit", type=int, default=20)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as arc:
        records = arc.runs(site=args.site, limit=args.limit)
    print_table(
        ("RUN", "SITE", "TRIGGER", "STATUS", "STARTED", "FINISHED", "PAGES", "NEW", "VERSIONS",
         "UNCHANGED", "DUPLICATES", "ERRORS"),
        (
            (r.id, r.site or "-", r.trigger, r.status, when(r.started_at), when(r.finished_at),
             r.captures, r.new_documents, r.new_versions, r.unchanged, r.duplicates, r.errors)
            for r in records
        ),
    )
    return 0
