"""Entry point: global options, verb dispatch, and the one-line error contract."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from archive import ArchiveUnavailable, BadURL, BlobMissing, NotFound
from crawler.cli import (
    add,
    clean,
    crawl,
    demo,
    frontier,
    query,
    reclean,
    runs,
    show,
    sites,
)
from crawler.cli.common import CliError

VERBS = (add, crawl, sites, runs, frontier, query, show, clean, reclean, demo)


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
    for name in ("home", "db", "sites_dir"):
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        return int(args.run(args) or 0)
    except (CliError, ArchiveUnavailable, BadURL, BlobMissing, NotFound) as exc:
        return _fail(str(exc))
    except _crawler_errors() as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # e.g. `newsarchive query | head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", code=130)


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
