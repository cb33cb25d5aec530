"""``newsarchive query``: search the archive; a table for people, JSONL/CSV for programs."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from crawler.cli.common import CliError, open_from, print_table, shorten, user_date, when

FIELDS = ("id", "url", "site", "title", "published", "source", "author", "body", "content_hash",
          "duplicate_of", "versions", "first_seen", "last_seen")


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("query", parents=[shared], help="search archived documents")
    parser.add_argument("text", nargs="?", help="text the title or body must contain")
    parser.add_argument("--site", help="only this site (key)")
    parser.add_argument("--since", help="published on or after (YYYY-MM-DD or ISO 8601)")
    parser.add_argument("--until", help="published on or before (YYYY-MM-DD or ISO 8601)")
    parser.add_argument("--limit", type=int, default=None, help="at most N documents")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.add_argument("--no-duplicates", action="store_true",
                        help="leave out documents that duplicate another")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise CliError("--limit must be zero or more")
    filters = dict(
        site=args.site,
        text=args.text,
        published_since=user_date(args.since),
        published_until=user_date(args.until, end_of_day=True),
        limit=args.limit,
        newest_first=True,
        include_duplicates=not args.no_duplicates,
    )
    with open_from(args) as arc:
        documents = arc.documents(**filters)
        if args.format == "jsonl":
            for doc in documents:
                row = doc.as_json()
                sys.stdout.write(json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False))
                sys.stdout.write("\n")
        elif args.format == "csv":
            writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
            writer.writeheader()
            for doc in documents:
                writer.writerow(doc.as_json())
        else:
            print_table(
                ("ID", "PUBLISHED", "SITE", "TITLE", "SOURCE"),
                ((d.id, when(d.published), d.site, shorten(d.title, 50), shorten(d.source, 16))
                 for d in documents),
            )
    return 0
