"""``newsarchive reclean [--site S]``: clean every archived page again from its raw bytes."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from crawler.cli.common import CliError, open_from

BAR = 30


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser(
        "reclean", parents=[shared],
        help="re-derive every document's cleaned version from its raw bytes",
        description="Cleans each document's latest capture again with the current cleaner "
                    "(and the site's selectors) and writes a new version only where the "
                    "result changed.  Uses every core.")
    parser.add_argument("--site", help="only this site's documents")
    parser.add_argument("--workers", type=int, default=None,
                        help="cleaning processes (default: one per core)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.reclean import reclean

    if args.workers is not None and args.workers < 1:
        raise CliError("--workers must be at least 1")
    with open_from(args) as arc:
        if args.site and not any(s.key == args.site for s in arc.sites()):
            raise CliError(f"no site {args.site!r} in this archive")
        report = reclean(arc, site=args.site, sites_dir=args.sites_dir, workers=args.workers,
                         progress=_Progress(sys.stderr.isatty()))
    print(report.describe())
    return 0


class _Progress:
    """A live bar on a terminal; otherwise a plain line at every tenth of the work."""

    def __init__(self, live: bool) -> None:
        self.live = live
        self.started = time.monotonic()
        self.last_tenth = 0

    def __call__(self, done: int, total: int, outcomes: Counter[str]) -> None:
        rate = done / max(time.monotonic() - self.started, 1e-6)
        line = (f"{done}/{total} pages, {outcomes['new_version']} new versions, "
                f"{rate:.0f} pages/s")
        if self.live:
            filled = BAR * done // max(total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {line}")
            if done == total:
                sys.stderr.write("\n")
        elif (tenth := 10 * done // max(total, 1)) > self.last_tenth or done == total:
            self.last_tenth = tenth
            sys.stderr.write(f"reclean: {line}\n")
        sys.stderr.flush()
