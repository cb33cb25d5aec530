"""``newsarchive migrate``: bring the archive's schema up to date (Alembic), and say where it
stands.  Opening an archive migrates it anyway; this is the explicit step for upgrades
(stop the scheduler, back up, install the new version, migrate, start)."""

from __future__ import annotations

import argparse

from crawler.cli.common import open_from


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("migrate", parents=[shared],
                              help="upgrade the archive database schema to this version")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from alembic.runtime.migration import MigrationContext

    with open_from(args) as arc, arc.engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        print(f"archive schema at revision {revision} ({arc.db_url.split('://', 1)[0]})")
    return 0
