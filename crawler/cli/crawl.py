"""``newsarchive crawl SITE``: a manual crawl of one configured site (no other site is touched).

The crawl holds the site's lock (shared with the scheduler): a second crawl of a busy site is
refused and recorded as a skipped run, or waits with ``--wait``.  Scrapy's log goes to a file
per run under HOME/logs/SITE/; the terminal gets a progress line (plain lines when not a
terminal) and the summary."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.locks import LockHolder
from archive.store import resolve_location
from archive.timeutil import SHANGHAI
from crawler.cli.common import CliError
from crawler.config import Config
from crawler.pipelines import TRIGGERS


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("crawl", parents=[shared], help="crawl one configured site now")
    parser.add_argument("site", metavar="SITE", help="site key (see `newsarchive sites`)")
    parser.add_argument("--full", action="store_true",
                        help="fetch every known page again, unconditionally (default: only "
                             "new pages and pages due for a revisit)")
    parser.add_argument("--base-url", metavar="URL",
                        help="fetch the site's pages from URL instead of its real host (a "
                             "mirror or the offline replica); the archive keeps the real URLs")
    parser.add_argument("--wait", action="store_true",
                        help="if the site is being crawled (by the scheduler or someone "
                             "else), wait for that crawl to end instead of giving up")
    parser.add_argument("--time-limit", metavar="DURATION",
                        help="stop the crawl after this long, e.g. 30m or 4h; what is left "
                             "stays queued for the next run (default: crawl.time_limit, 4h)")
    parser.add_argument("--progress", choices=("auto", "lines", "off"), default="auto",
                        help="a live line on a terminal, plain lines otherwise (auto)")
    parser.add_argument("--log-file", metavar="PATH",
                        help="Scrapy's log (default HOME/logs/SITE/TIME-PID.log; '-' for "
                             "stderr)")
    # What the scheduler and timers say; people crawl manually.
    parser.add_argument("--trigger", choices=TRIGGERS[:2], default="manual",
                        help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Scrapy is heavy: load it only for verbs that crawl.
    from archive import open_archive
    from crawler.run import crawl_site
    from crawler.schedule.report import notify_health
    from crawler.sites import load_site

    config: Config = args.configuration
    site = load_site(args.site, args.sites_dir)
    base_urls = dict(config.base_urls)
    if args.base_url:
        parts = urlsplit(args.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CliError(f"--base-url must be an http(s) URL, not {args.base_url!r}")
        base_urls = {host: args.base_url for host in site.allowed_domains}
    settings = crawl_overrides(config, args.time_limit)
    settings["CRAWL_PROGRESS"] = args.progress
    if args.log_file != "-":
        settings["LOG_FILE"] = args.log_file or str(log_path(args, site.key))
        Path(settings["LOG_FILE"]).parent.mkdir(parents=True, exist_ok=True)

    def waiting(holder: LockHolder) -> None:
        print(f"newsarchive: {args.site} is being crawled ({holder.describe()}); waiting for "
              "it to finish", file=sys.stderr, flush=True)

    summary = crawl_site(args.site, home=args.home, db=args.db, sites_dir=args.sites_dir,
                         trigger=args.trigger, full=args.full, base_urls=base_urls or None,
                         settings=settings, wait=args.wait, on_wait=waiting)
    print(summary.describe())
    # Every crawl reports its site's health, whoever started it (the daemon, a timer, cron).
    with open_archive(args.home, args.db) as arc:
        for failure in notify_health(arc, config, [site.key], {site.key: site.name}):
            print(f"newsarchive: notification failed: {failure}", file=sys.stderr)
    return 0 if summary.status == "finished" else 1


def crawl_overrides(config: Config, time_limit: str | None) -> dict[str, Any]:
    """Scrapy settings from the config file and the run's wall-clock limit."""
    from crawler.sites.config import parse_duration

    settings = dict(config.scrapy_settings)
    if config.contact and not os.environ.get("NEWSARCHIVE_CONTACT"):
        settings["ARCHIVE_CONTACT_URL"] = config.contact
    limit = config.time_limit
    if time_limit is not None:
        try:
            limit = parse_duration(time_limit)
        except ValueError as exc:
            raise CliError(f"--time-limit: {exc}") from None
    settings["CLOSESPIDER_TIMEOUT"] = max(limit.total_seconds(), 1)
    settings["ARCHIVE_HEALTH_HISTORY"] = config.health_history
    return settings


def log_path(args: argparse.Namespace, site: str) -> Path:
    home, _ = resolve_location(args.home, args.db)
    stamp = datetime.now(SHANGHAI).strftime("%Y%m%d-%H%M%S")
    return home / "logs" / site / f"{stamp}-{os.getpid()}.log"
