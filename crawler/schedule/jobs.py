"""Which sites run when: one APScheduler cron job per site, stored in the archive database.

The job store is APScheduler's ``SQLAlchemyJobStore`` on the archive's own engine (table
``apscheduler_jobs``), so a restarted daemon still knows when each site last fell due and
runs a night it missed, once.  Jobs call :func:`crawler.schedule.daemon.run_site` by its
textual reference (that is what the store saves), with the site key as the only argument.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine, MetaData, Table, select
from sqlalchemy.exc import SQLAlchemyError

from archive.timeutil import now
from crawler.config import Config
from crawler.schedule.triggers import cron_trigger, staggered
from crawler.sites import SiteConfig

JOBS_TABLE = "apscheduler_jobs"
JOB_FUNCTION = "crawler.schedule.daemon:run_site"


def job_id(site: str) -> str:
    return f"crawl:{site}"


@dataclass(frozen=True)
class SitePlan:
    """A site's schedule as configured, and as the daemon last stored it."""

    site: str
    cron: str
    own_schedule: bool  # False: the staggered nightly default
    trigger: CronTrigger
    next_run: datetime | None  # from the configured cron
    stored_next_run: datetime | None = None  # what the daemon's job store says
    stored_trigger: str | None = None

    @property
    def registered(self) -> bool:
        return self.stored_trigger is not None

    @property
    def changed(self) -> bool:
        """The configuration differs from what the running daemon uses (until it restarts)."""
        return self.registered and self.stored_trigger != repr(self.trigger)


def plan(sites: Mapping[str, SiteConfig], config: Config,
         engine: Engine | None = None) -> dict[str, SitePlan]:
    stored = stored_jobs(engine) if engine is not None else {}
    plans = {}
    for key in sorted(sites):
        cron = sites[key].schedule or staggered(key, config.window)
        trigger = cron_trigger(cron, config.tz)
        job = stored.get(job_id(key), {})
        plans[key] = SitePlan(
            site=key, cron=cron, own_schedule=sites[key].schedule is not None,
            trigger=trigger, next_run=trigger.get_next_fire_time(None, now()),
            stored_next_run=job.get("next_run_time"),
            stored_trigger=repr(job["trigger"]) if "trigger" in job else None,
        )
    return plans


def stored_jobs(engine: Engine) -> dict[str, dict[str, Any]]:
    """The daemon's stored jobs by id (empty if it never ran on this database)."""
    try:
        table = Table(JOBS_TABLE, MetaData(), autoload_with=engine)
        with engine.connect() as connection:
            rows = connection.execute(select(table.c.id, table.c.job_state)).all()
    except SQLAlchemyError:
        return {}
    # The job state is APScheduler's own pickle, written by our daemon into our database.
    return {row.id: pickle.loads(row.job_state) for row in rows}
