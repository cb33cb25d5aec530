"""``newsarchive crawl SITE``: a manual crawl of one configured site (no other site is touched)."""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from crawler.cli.common import CliError


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("crawl", parents=[shared], help="crawl one configured site now")
    parser.add_argument("site", metavar="SITE", help="site key (see `newsarchive sites`)")
    parser.add_argument("--full", action="store_true",
                        help="fetch every known page again, unconditionally (default: only "
                             "new pages and pages due for a revisit)")
    parser.add_argument("--base-url", metavar="URL",
                        help="fetch the site's pages from URL instead of its real host (a "
                             "mirror or the offline replica); the archive keeps the real URLs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Scrapy is heavy: load it only for verbs that crawl.
    from crawler.run import crawl_site
    from crawler.sites import load_site

    base_urls = None
    if args.base_url:
        parts = urlsplit(args.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CliError(f"--base-url must be an http(s) URL, not {args.base_url!r}")
        config = load_site(args.site, args.sites_dir)
        base_urls = {host: args.base_url for host in config.allowed_domains}
    summary = crawl_site(args.site, home=args.home, db=args.db, sites_dir=args.sites_dir,
                         full=args.full, base_urls=base_urls)
    print(summary.describe())
    return 0 if summary.status == "finished" else 1
