"""``newsarchive crawl SITE``: a manual crawl of one configured site."""

from __future__ import annotations

import argparse


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("crawl", parents=[shared], help="crawl one configured site now")
    parser.add_argument("site", metavar="SITE", help="site key (see `newsarchive sites`)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.run import crawl_site
    from crawler.sites import load_sites

    sites = load_sites(args.sites_dir)
    if args.site not in sites:
        from crawler.sites import UnknownSite

        known = ", ".join(sorted(sites)) or "none configured"
        raise UnknownSite(f"unknown site {args.site!r} (known: {known})")
    summary = crawl_site(args.site, home=args.home, db=args.db, sites_dir=args.sites_dir)
    print(summary.describe() if hasattr(summary, "describe") else summary)
    return 0 if summary.status == "finished" else 1
