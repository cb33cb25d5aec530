"""``newsarchive add URL...``: capture these pages now, no site config needed."""

from __future__ import annotations

import argparse


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("add", parents=[shared], help="capture the given URLs now")
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's crawl log")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.run import add_urls  # Scrapy is heavy: load it only for verbs that crawl

    quiet = {} if args.verbose else {"LOG_LEVEL": "WARNING"}
    outcomes = add_urls(args.urls, home=args.home, db=args.db, settings=quiet)
    failed = 0
    for outcome in outcomes:
        if outcome.result is not None:
            doc = outcome.result.document_id
            what = outcome.result.describe()
            if doc is None:
                what = f"{what} (capture {outcome.result.capture_id})"
            print(f"{doc if doc is not None else '-'}\t{what}\t{outcome.url}")
        else:
            failed += 1
            print(f"-\tfailed: {outcome.error}\t{outcome.url}")
    return 1 if failed else 0
