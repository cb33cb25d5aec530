"""``newsarchive schedule``: run the scheduler daemon in the foreground, or ``--list`` when
each site runs next."""

from __future__ import annotations

import argparse
import logging
import sys

from crawler.cli.common import open_from, print_table, when
from crawler.config import Config


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser(
        "schedule", parents=[shared],
        help="crawl every site on its schedule (foreground daemon; SIGTERM stops it)")
    parser.add_argument("--list", action="store_true",
                        help="show every site's schedule and next run, then exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from archive.store import resolve_location
    from crawler.schedule.daemon import Daemon, child_environment
    from crawler.schedule.jobs import plan
    from crawler.schedule.report import notify_targets
    from crawler.sites import load_sites

    config: Config = args.configuration
    sites = load_sites(args.sites_dir)
    if args.list:
        with open_from(args) as arc:
            plans = plan(sites, config, arc.engine)
        print_table(
            ("SITE", "SCHEDULE", "NEXT RUN", "DAEMON'S NEXT RUN"),
            ((p.site, p.cron + ("" if p.own_schedule else " (default)"),
              when(p.next_run),
              (when(p.stored_next_run) + (" (config changed: restart the daemon)"
                                          if p.changed else ""))
              if p.registered else "not registered (daemon never started)")
             for p in plans.values()),
        )
        return 0
    notify_targets(config)  # a bad [notify] section stops the daemon now, not after a crawl
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    home, db = resolve_location(args.home, args.db)
    env = child_environment(str(home), db, args.sites_dir,
                            str(config.path) if config.path else None)
    with open_from(args) as arc:
        return Daemon(arc, config, sites, env).serve()
