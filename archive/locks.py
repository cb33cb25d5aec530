"""One lock per site, in the archive database, shared by scheduled and manual crawls.

A row in ``site_locks`` per site; taking the lock is setting its ``owner`` inside a write
transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row is read FOR UPDATE), so it works
across processes and hosts on either database.  A holder that died without releasing is
recognised and its lock taken over: on the same host when its pid no longer runs the same
process (start time compared, so a reused pid does not count), elsewhere when its heartbeat is
older than ``stale_after``.  Whoever takes a site's lock also closes that site's runs still
marked ``running`` as ``interrupted``: nobody else can be running them.
"""

from __future__ import annotations

import functools
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive.db import insert_ignoring_conflicts
from archive.models import Run, SiteLock
from archive.timeutil import local

HEARTBEAT_EVERY = timedelta(seconds=60)
STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class ProcessId:
    """The calling process as a lock owner: host, pid and the pid's start time."""

    host: str
    pid: int
    started: str

    @property
    def owner(self) -> str:
        return f"{self.host}:{self.pid}:{self.started}"


@functools.cache
def _identity(pid: int) -> ProcessId:
    return ProcessId(socket.gethostname(), pid, process_started(pid) or "")


def current_process() -> ProcessId:
    return _identity(os.getpid())  # keyed by pid: a forked child is someone else


def process_started(pid: int) -> str | None:
    """The boot and start-time ticks of a running pid (Linux), None if it is not running."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None if not _pid_exists(pid) else "?"
    # Field 22 (starttime) counted after the parenthesised command name, which may hold spaces.
    return f"{boot[:8]}-{stat.rsplit(')', 1)[1].split()[19]}"


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class LockHolder:
    site: str
    host: str
    pid: int
    run_id: int | None
    acquired_at: datetime
    heartbeat_at: datetime

    def describe(self) -> str:
        run = f"run {self.run_id}, " if self.run_id else ""
        started = local(self.acquired_at)
        assert started is not None
        return f"{run}pid {self.pid} on {self.host}, since {started:%Y-%m-%d %H:%M:%S}"


class SiteBusy(RuntimeError):
    """The site is being crawled by someone else; ``holder`` says who."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(f"{holder.site} is already being crawled ({holder.describe()})")
        self.holder = holder


def acquire(session: Session, site_id: int, site: str, me: ProcessId, now: datetime,
            stale_after: timedelta = STALE_AFTER) -> LockHolder | None:
    """Take the site's lock for ``me``: None when taken, else the live holder."""
    dialect = session.get_bind().dialect.name
    session.execute(insert_ignoring_conflicts(dialect, SiteLock), {"site_id": site_id})
    row = session.execute(
        select(SiteLock).where(SiteLock.site_id == site_id).with_for_update()
    ).scalar_one()
    if row.owner is not None and row.owner != me.owner and _alive(row, me, now, stale_after):
        assert row.host is not None and row.pid is not None
        return LockHolder(site, row.host, row.pid, row.run_id,
                          row.acquired_at or now, row.heartbeat_at or now)
    dead = _holder_gone(row) if row.owner is not None and row.owner != me.owner else None
    session.execute(
        update(Run)
        .where(Run.site_id == site_id, Run.status == "running")
        .values(status="interrupted", finished_at=now,
                finish_reason=dead or "process ended without closing the run")
    )
    row.owner, row.host, row.pid, row.pid_started = me.owner, me.host, me.pid, me.started
    row.run_id, row.acquired_at, row.heartbeat_at = None, now, now
    return None


def _alive(row: SiteLock, me: ProcessId, now: datetime, stale_after: timedelta) -> bool:
    if row.host == me.host and row.pid is not None:
        started = process_started(row.pid)
        return started is not None and (started == row.pid_started or started == "?")
    return row.heartbeat_at is not None and now - row.heartbeat_at < stale_after


def _holder_gone(row: SiteLock) -> str:
    return f"process died (pid {row.pid} on {row.host}); its lock was recovered"


def release(session: Session, site_id: int, me: ProcessId) -> None:
    session.execute(
        update(SiteLock).where(SiteLock.site_id == site_id, SiteLock.owner == me.owner)
        .values(owner=None, run_id=None)
    )


def heartbeat(session: Session, site_ids: list[int], me: ProcessId, now: datetime) -> None:
    session.execute(
        update(SiteLock).where(SiteLock.site_id.in_(site_ids), SiteLock.owner == me.owner)
        .values(heartbeat_at=now)
    )


def attach_run(session: Session, site_id: int, me: ProcessId, run_id: int) -> None:
    """Name the run a lock holder is making, so a refused crawl can say which it is."""
    session.execute(
        update(SiteLock).where(SiteLock.site_id == site_id, SiteLock.owner == me.owner)
        .values(run_id=run_id)
    )
