"""``newsarchive show ID``: one document, its versions, or the exact raw bytes."""

from __future__ import annotations

import argparse
import json
import sys

from archive import DocumentDetail
from crawler.cli.common import open_from, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("show", parents=[shared], help="show one document")
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--raw", action="store_true",
                        help="write the exact raw bytes of the latest capture to stdout")
    parser.add_argument("--versions", action="store_true", help="include every version")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as arc:
        if args.raw:
            data = arc.latest_raw(args.id)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return 0
        detail = arc.document(args.id)
    if args.format == "json":
        out = detail.as_json()
        if not args.versions:
            out.pop("versions")
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(detail, args.versions)
    return 0


def _print_text(detail: DocumentDetail, versions: bool) -> None:
    doc = detail.document
    lines = [
        f"#{doc.id}  {doc.title or '(no title)'}",
        f"url        {doc.url}",
        f"site       {doc.site}",
        f"published  {when(doc.published)}" + (f"  ({doc.published_raw})"
                                               if doc.published_raw else ""),
        f"source     {doc.source or '-'}",
        f"author     {doc.author or '-'}",
        f"seen       {when(doc.first_seen)} .. {when(doc.last_seen)}, "
        f"{len(detail.captures)} captures, {doc.versions} versions",
    ]
    if doc.duplicate_of is not None:
        lines.append(f"duplicate  of #{doc.duplicate_of}")
    print("\n".join(lines) + "\n")
    if not versions:
        print(doc.body)
        return
    for version in detail.versions:
        print(f"--- version {version.number} (seen {when(version.created_at)}, "
              f"{version.content_hash[:12]}) {version.title or ''}")
        print(version.body + "\n")
