"""``newsarchive crawl SITE``: a manual crawl of one configured site."""

from __future__ import annotations

import argparse


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("crawl", parents=[shared], help="crawl one configured site now")
    parser.add_argument("site", metavar="SITE", help="site key (see `newsarchive sites`)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.run import crawl_site  # Scrapy is heavy: load it only for verbs that crawl

    summary = crawl_site(args.site, home=args.home, db=args.db, sites_dir=args.sites_dir)
    print(summary.describe())
    return 0 if summary.status == "finished" else 1
