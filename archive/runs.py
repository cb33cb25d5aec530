"""Run records beyond what each page write counts: start, finish, skipped runs, site health."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive import health, locks
from archive.db import insert_ignoring_conflicts
from archive.models import Run, Site, SiteHealth
from archive.timeutil import now


@dataclass(frozen=True)
class RunEnd:
    """What a crawl reports when its run ends (the page counters are kept per write)."""

    status: str
    reason: str | None = None
    errors: int = 0
    requests: int = 0
    responses: Mapping[str, int] | None = None
    health: Mapping[str, int] | None = None
    stats: Mapping[str, Any] | None = None


def start(session: Session, site_id: int | None, trigger: str, log_path: str | None) -> int:
    me = locks.current_process()
    run = Run(site_id=site_id, trigger=trigger, status="running", started_at=now(), stats={},
              responses={}, health={}, log_path=log_path, host=me.host, pid=me.pid)
    session.add(run)
    session.flush()
    if site_id is not None:
        locks.attach_run(session, site_id, me, run.id)
    return run.id


def finish(session: Session, run_id: int, end: RunEnd) -> None:
    session.execute(
        update(Run).where(Run.id == run_id).values(
            status=end.status, finish_reason=end.reason, finished_at=now(),
            errors=Run.errors + end.errors, requests=end.requests,
            responses=dict(end.responses or {}), health=dict(end.health or {}),
            stats=dict(end.stats or {}),
        )
    )


def skipped(session: Session, site_id: int, trigger: str, reason: str) -> int:
    """A run that did not happen because the site was busy (or the daemon was down)."""
    at = now()
    me = locks.current_process()
    run = Run(site_id=site_id, trigger=trigger, status="skipped", started_at=at,
              finished_at=at, finish_reason=reason, stats={}, responses={}, health={},
              host=me.host, pid=me.pid)
    session.add(run)
    session.flush()
    return run.id


def figures(run: Run) -> health.RunFigures:
    return health.RunFigures.of(run.id, run.status, run.finish_reason, run.requests, run.errors,
                                run.health or {})


def assess(session: Session, run_id: int, history: int) -> health.HealthRecord | None:
    """Judge a finished run against the site's previous runs and store the site's health.

    Interrupted and skipped runs, one-off ``add`` runs, and runs that parsed no page (every
    list answered 304) leave the health as it was."""
    run = session.get(Run, run_id)
    if run is None or run.site_id is None or not health.judgeable(figures(run)):
        return None
    past = session.execute(
        select(Run).where(Run.site_id == run.site_id, Run.id < run.id,
                          Run.status.in_(health.ASSESSED_STATUSES), Run.trigger != "add")
        .order_by(Run.id.desc()).limit(history)
    ).scalars()
    problems = health.assess(figures(run), [figures(r) for r in past])
    at = now()
    dialect = session.get_bind().dialect.name
    session.execute(insert_ignoring_conflicts(dialect, SiteHealth),
                    {"site_id": run.site_id, "healthy": True, "reasons": [], "checked_at": at})
    session.execute(
        update(SiteHealth).where(SiteHealth.site_id == run.site_id).values(
            healthy=not problems, reasons=[p.as_json() for p in problems], run_id=run.id,
            checked_at=at)
    )
    key = session.execute(select(Site.key).where(Site.id == run.site_id)).scalar_one()
    return health.HealthRecord(key, not problems, problems, run.id, at)


def site_health(session: Session) -> dict[str, health.HealthRecord]:
    rows = session.execute(select(Site.key, SiteHealth).join(SiteHealth,
                                                             SiteHealth.site_id == Site.id))
    return {key: _record(key, row) for key, row in rows}


def _record(key: str, row: SiteHealth) -> health.HealthRecord:
    problems = [health.Problem(p["code"], p["text"]) for p in row.reasons or []]
    return health.HealthRecord(key, row.healthy, problems, row.run_id, row.checked_at)


def notification_due(session: Session, site_id: int, at: datetime,
                     repeat_after: Any) -> tuple[str, health.HealthRecord] | None:
    row = session.get(SiteHealth, site_id)
    if row is None:
        return None
    codes = [p["code"] for p in row.reasons or []]
    kind = health.due(row.healthy, codes, row.notified_healthy, row.notified_reasons,
                      row.notified_at, at, repeat_after)
    if kind is None:
        return None
    key = session.execute(select(Site.key).where(Site.id == site_id)).scalar_one()
    return kind, _record(key, row)


def mark_notified(session: Session, site_id: int, record: health.HealthRecord,
                  at: datetime) -> None:
    session.execute(
        update(SiteHealth).where(SiteHealth.site_id == site_id).values(
            notified_healthy=record.healthy,
            notified_reasons=[p.code for p in record.problems], notified_at=at)
    )
