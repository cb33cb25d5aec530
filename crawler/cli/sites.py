"""``newsarchive sites``: configured sites, what the archive holds for each, when each ran and
runs next, and its health.  ``--check`` is for monitors: exit status 2 when a site is
unhealthy or overdue."""

from __future__ import annotations

import argparse

from archive.timeutil import now
from crawler.cli.common import open_from, print_table, shorten, when
from crawler.config import Config

EXIT_UNHEALTHY = 2


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("sites", parents=[shared],
                              help="list sites: last run, next run, health")
    parser.add_argument("--check", action="store_true",
                        help="print only problems; exit 2 if any site is unhealthy or overdue "
                             "(for monitors), 0 otherwise")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.schedule.jobs import plan
    from crawler.sites import load_sites

    config: Config = args.configuration
    configured = load_sites(args.sites_dir)
    with open_from(args) as arc:
        archived = {site.key: site for site in arc.sites()}
        health = arc.site_health()
        plans = plan(configured, config, arc.engine)
    problems: list[tuple[str, str]] = []
    rows = []
    for key in sorted(set(configured) | set(archived)):
        config_of, record = configured.get(key), archived.get(key)
        name = (config_of.name if config_of else None) or (record.name if record else None) or ""
        last = record.last_run if record else None
        site_plan = plans.get(key)
        next_run = (site_plan.stored_next_run or site_plan.next_run) if site_plan else None
        state = health.get(key)
        site_problems = [p.text for p in state.problems] if state else []
        if site_plan and last is not None and last.status != "running":
            due = site_plan.trigger.get_next_fire_time(None, last.started_at)
            if due is not None and now() - due > config.misfire_grace:
                site_problems.append(f"overdue: due {when(due)}, no run since "
                                     f"{when(last.started_at)} (is the scheduler running?)")
        problems += [(key, text) for text in site_problems]
        rows.append((
            key, name, "config" if config_of else "ad hoc",
            record.documents if record else 0,
            f"{when(last.started_at)} {last.status}" if last else "never",
            (when(next_run) + (" (missed)" if next_run < now() else ""))
            if config_of and next_run else "-",
            _health(state is not None, site_problems),
        ))
    if args.check:
        for key, text in problems:
            print(f"{key}: {text}")
        if not problems:
            print(f"all {len(rows)} sites healthy")
        return EXIT_UNHEALTHY if problems else 0
    print_table(("SITE", "NAME", "KIND", "DOCUMENTS", "LAST RUN", "NEXT RUN", "HEALTH"), rows)
    return 0


def _health(assessed: bool, problems: list[str]) -> str:
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        return "UNHEALTHY: " + shorten(problems[0], 60) + more
    return "ok" if assessed else "-"
