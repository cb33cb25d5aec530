"""``newsarchive runs``: crawl runs, newest first, with their counters."""

from __future__ import annotations

import argparse
import json

from crawler.cli.common import open_from, print_table, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("runs", parents=[shared], help="list crawl runs")
    parser.add_argument("--site", help="only runs of this site")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--format", choices=("table", "jsonl"), default="table",
                        help="jsonl: one JSON object per run, with responses by HTTP status, "
                             "the finish reason and the log file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as arc:
        records = arc.runs(site=args.site, limit=args.limit)
    if args.format == "jsonl":
        for record in records:
            row = record.as_json()
            row["seconds"] = record.seconds
            print(json.dumps(row, ensure_ascii=False))
        return 0
    print_table(
        ("RUN", "SITE", "TRIGGER", "STATUS", "STARTED", "TIME", "REQUESTS", "PAGES", "NEW",
         "VERSIONS", "DUPLICATES", "ERRORS", "MB", "NOTE"),
        (
            (r.id, r.site or "-", r.trigger, r.status, when(r.started_at), _duration(r.seconds),
             r.requests, r.captures, r.new_documents, r.new_versions, r.duplicates, r.errors,
             f"{r.bytes_received / 1e6:.1f}", _note(r.status, r.finish_reason))
            for r in records
        ),
    )
    return 0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


def _note(status: str, reason: str | None) -> str:
    """Why a run is not a plain finish (skipped, interrupted, failed, stopped at a budget)."""
    if reason is None or (status == "finished" and reason == "finished"):
        return ""
    return reason if status in ("skipped", "interrupted", "failed") else f"({reason})"
