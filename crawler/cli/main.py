"""Entry point: global options, verb dispatch, and the one-line error contract."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from archive import ArchiveUnavailable, BadURL, BlobMissing, NotFound
from archive.locks import SiteBusy
from crawler.cli import (
    add,
    clean,
    crawl,
    demo,
    frontier,
    migrate,
    query,
    reclean,
    runs,
    schedule,
    show,
    sites,
)
from crawler.cli.common import CliError
from crawler.config import ConfigError, find_config

EX_TEMPFAIL = 75  # sysexits.h: try again later (the site is being crawled)

VERBS = (add, crawl, schedule, sites, runs, frontier, query, show, clean, reclean, migrate,
         demo)


def build_parser() -> argparse.ArgumentParser:
    # Global options are accepted before or after the verb.
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--home", default=argparse.SUPPRESS,
                        help="archive home directory (env NEWSARCHIVE_HOME, "
                             "default ./newsarchive-data)")
    shared.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLAlchemy database URL (env NEWSARCHIVE_DB, "
                             "default SQLite under the home)")
    shared.add_argument("--sites-dir", default=argparse.SUPPRESS,
                        help="extra site config directory (env NEWSARCHIVE_SITES_DIR)")
    shared.add_argument("--config", default=argparse.SUPPRESS,
                        help="configuration file (env NEWSARCHIVE_CONFIG; see "
                             "deploy/newsarchive.example.toml)")
    parser = argparse.ArgumentParser(
        prog="newsarchive", parents=[shared],
        description="Crawl and archive regional industrial news.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    for verb in VERBS:
        verb.register(verbs, shared)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("home", "db", "sites_dir", "config"):
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        apply_config(args)
        return int(args.run(args) or 0)
    except (CliError, ArchiveUnavailable, BadURL, BlobMissing, NotFound, ConfigError) as exc:
        return _fail(str(exc))
    except SiteBusy as exc:
        return _fail(f"{exc}; try again later, or use --wait", code=EX_TEMPFAIL)
    except _crawler_errors() as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # e.g. `newsarchive query | head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", code=130)


def apply_config(args: argparse.Namespace) -> None:
    """Fill what neither the command line nor the environment gave from the config file."""
    config = find_config(args.config)
    args.configuration = config
    for name, env in (("home", "NEWSARCHIVE_HOME"), ("db", "NEWSARCHIVE_DB"),
                      ("sites_dir", "NEWSARCHIVE_SITES_DIR")):
        if getattr(args, name) is None and not os.environ.get(env):
            setattr(args, name, getattr(config, name))


def _crawler_errors() -> tuple[type[Exception], ...]:
    from crawler.run import CrawlFailed
    from crawler.sites import BadSiteConfig, UnknownSite
    from crawler.sites.browser import BrowserUnavailable

    return (UnknownSite, BadSiteConfig, CrawlFailed, BrowserUnavailable)


def _fail(message: str, code: int = 1) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"newsarchive: error: {message}\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
