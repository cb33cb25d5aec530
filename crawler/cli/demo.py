"""``newsarchive demo``: crawl the offline replica of the five sites and show what happened."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from crawler.cli.common import CliError, open_from, print_table, shorten, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser(
        "demo", parents=[shared],
        help="crawl an offline replica of the five built-in sites (no internet needed)",
        description="Starts a replica of the five built-in sites on 127.0.0.1, crawls them "
                    "into an archive and prints what each run did.  Without --home it uses "
                    "a fresh directory (NEWSARCHIVE_HOME is ignored, so the demo never writes "
                    "into a real archive); run again with the same --home for an incremental "
                    "crawl of the replica's next day.")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.demo import run_demo

    explicit = "--home" in sys.argv or any(a.startswith("--home=") for a in sys.argv)
    home = Path(args.home) if args.home and explicit else _fresh_home()
    try:
        report = run_demo(home, db=args.db)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"archive: {report.home}  (replica day {report.epoch + 1})")
    print_table(
        ("SITE", "STATUS", "REQUESTS", "NEW", "UNCHANGED", "NOT MODIFIED", "NEW VERSIONS",
         "DUPLICATES", "ERRORS", "SECONDS"),
        [(r.site, r.status, r.requests, r.new_documents, r.unchanged, r.not_modified,
          r.new_versions, r.duplicates, r.errors, f"{r.seconds:.1f}") for r in report.runs],
    )
    args.home = str(report.home)
    with open_from(args) as arc:
        sample = list(arc.documents(text="项目", newest_first=True, limit=5))
        total = sum(site.documents for site in arc.sites())
    print(f"\n{total} documents archived.  Sample query — newest documents mentioning 项目:")
    print(f"  newsarchive query --home {report.home} --text 项目 --limit 5")
    print_table(("ID", "SITE", "PUBLISHED", "TITLE"),
                [(d.id, d.site, when(d.published), shorten(d.title, 50)) for d in sample])
    print(f"\nRun it again (incremental): newsarchive demo --home {report.home}")
    return 0 if all(r.status == "finished" for r in report.runs) else 1


def _fresh_home() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    home = Path(f"newsarchive-demo-{stamp}")
    suffix = 1
    while home.exists():
        suffix += 1
        home = Path(f"newsarchive-demo-{stamp}-{suffix}")
    return home
