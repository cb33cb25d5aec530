"""``newsarchive sites``: configured sites and what the archive holds for each."""

from __future__ import annotations

import argparse

from crawler.cli.common import open_from, print_table, when


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("sites", parents=[shared], help="list sites and their last run")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.sites import load_sites

    configured = load_sites(args.sites_dir)
    with open_from(args) as arc:
        archived = {site.key: site for site in arc.sites()}
    rows = []
    for key in sorted(set(configured) | set(archived)):
        config, record = configured.get(key), archived.get(key)
        name = (config.name if config else None) or (record.name if record else None) or ""
        last = record.last_run if record else None
        rows.append((
            key,
            name,
            "config" if config else "ad hoc",
            record.documents if record else 0,
            f"{when(last.started_at)} {last.status}" if last else "never",
        ))
    print_table(("SITE", "NAME", "KIND", "DOCUMENTS", "LAST RUN"), rows)
    return 0
