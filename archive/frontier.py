"""The crawl frontier: every URL a site's crawls discovered, and the state each one is in.

It lives in the archive database, not in a crawler's memory or JOBDIR, so a hard kill loses
nothing: URLs still ``queued`` (never requested, or in flight when the process died) are what
the next run resumes.  A fetch that produced a capture settles its URL in the capture's own
transaction (:func:`settle` called from ``write.record_fetch``), so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.orm import Session

from archive.db import insert_ignoring_conflicts
from archive.models import FRONTIER_KINDS, FRONTIER_STATES, FrontierEntry
from archive.timeutil import now
from archive.urls import canonicalize

# A page that stays the same is looked at less and less often, up to this many times the
# site's revisit interval.
MAX_REVISIT_FACTOR = 16


@dataclass(frozen=True)
class Discovery:
    """A URL found by a crawl: ``queued`` to be fetched, or ``skipped`` with a reason."""

    url: str
    kind: str
    found_on: str | None = None
    state: str = "queued"
    reason: str | None = None


@dataclass(frozen=True)
class Visit:
    """How a fetched URL is filed in the frontier, written with its capture.

    ``revisit_after`` None means the page is not revisited on a timer (list pages are re-read
    from the site's start URLs on every run)."""

    url: str  # as requested
    kind: str
    revisit_after: timedelta | None = None


@dataclass(frozen=True)
class KnownURL:
    url: str  # canonical
    kind: str
    state: str
    reason: str | None
    fetched_at: datetime | None
    next_visit_at: datetime | None
    etag: str | None
    last_modified: str | None
    failures: int


_KNOWN_COLUMNS = (FrontierEntry.url, FrontierEntry.kind, FrontierEntry.state,
                  FrontierEntry.reason, FrontierEntry.fetched_at, FrontierEntry.next_visit_at,
                  FrontierEntry.etag, FrontierEntry.last_modified, FrontierEntry.failures)


def snapshot(session: Session, site_id: int) -> dict[str, KnownURL]:
    """Every URL known for the site, by canonical URL."""
    rows = session.execute(select(*_KNOWN_COLUMNS).where(FrontierEntry.site_id == site_id))
    return {row.url: KnownURL(*row) for row in rows}


def entries(session: Session, site_id: int, state: str | None = None,
            limit: int | None = None) -> list[KnownURL]:
    """The site's URLs, most recently settled first, optionally in one state."""
    query = select(*_KNOWN_COLUMNS).where(FrontierEntry.site_id == site_id)
    if state is not None:
        _check("page", state)
        query = query.where(FrontierEntry.state == state)
    query = query.order_by(FrontierEntry.updated_at.desc(), FrontierEntry.id.desc()).limit(limit)
    return [KnownURL(*row) for row in session.execute(query)]


def discover(session: Session | Connection, site_id: int, found: Iterable[Discovery],
             run_id: int | None) -> None:
    """Add URLs not known yet; a known URL keeps its state (a crawl decides on revisits)."""
    at = now()
    rows = []
    for item in found:
        _check(item.kind, item.state)
        rows.append(dict(
            site_id=site_id, url=canonicalize(item.url), kind=item.kind, state=item.state,
            reason=item.reason, found_on=item.found_on, discovered_at=at,
            discovered_run_id=run_id, last_run_id=run_id, updated_at=at, failures=0,
        ))
    if rows:
        conn = _connection(session)
        conn.execute(insert_ignoring_conflicts(conn.dialect.name, FrontierEntry), rows)


# Built once (values bound at execution): settle() runs once per fetched page.
_frontier = FrontierEntry.metadata.tables["frontier"]
_this_entry = (_frontier.c.site_id == bindparam("b_site")) & (_frontier.c.url == bindparam("b_url"))
LOCK_ENTRY = select(_frontier.c.revisit_seconds).where(_this_entry).with_for_update()
UPDATE_ENTRY = update(_frontier).where(_this_entry)
COUNT_FAILURE = UPDATE_ENTRY.values(failures=_frontier.c.failures + 1)


def settle(
    session: Session | Connection,
    site_id: int,
    url: str,
    kind: str,
    state: str,
    *,
    reason: str | None = None,
    run_id: int | None = None,
    fetched_at: datetime | None = None,
    headers: Sequence[tuple[str, str]] = (),
    document_id: int | None = None,
    revisit_after: timedelta | None = None,
) -> None:
    """Record what became of ``url`` in this run (creating its row if it was never queued).
    Core statements: this runs once per fetched page (see write.record_fetch)."""
    _check(kind, state)
    key = canonicalize(url)
    discover(session, site_id, [Discovery(key, kind, state=state)], run_id)
    conn = _connection(session)
    where = {"b_site": site_id, "b_url": key}
    entry = conn.execute(LOCK_ENTRY, where).one()
    values: dict[str, Any] = {"state": state, "reason": reason, "last_run_id": run_id,
                              "updated_at": now()}
    if state in ("archived", "unchanged"):
        values["failures"] = 0
    if fetched_at is not None:
        values["fetched_at"] = fetched_at
        for name, column in (("etag", "etag"), ("last-modified", "last_modified")):
            if (value := _header(headers, name)) is not None:
                values[column] = value
        if revisit_after is not None:
            seconds = int(revisit_after.total_seconds())
            if state == "unchanged" and entry.revisit_seconds:
                seconds = min(entry.revisit_seconds * 2, seconds * MAX_REVISIT_FACTOR) or seconds
            values["revisit_seconds"] = seconds
            values["next_visit_at"] = fetched_at + timedelta(seconds=seconds)
    if document_id is not None:
        values["document_id"] = document_id
    conn.execute(COUNT_FAILURE if state == "failed" else UPDATE_ENTRY, {**where, **values})


def counts(session: Session, site_id: int, run_id: int | None = None) -> dict[str, int]:
    """URLs per state for the site, or only those a given run settled or discovered."""
    query = select(FrontierEntry.state, func.count()).where(FrontierEntry.site_id == site_id)
    if run_id is not None:
        query = query.where(FrontierEntry.last_run_id == run_id)
    found = {state: n for state, n in session.execute(query.group_by(FrontierEntry.state))}
    return {state: int(found.get(state, 0)) for state in FRONTIER_STATES}


def requeue(session: Session, site_id: int, urls: Iterable[str], run_id: int | None) -> None:
    """Mark known URLs queued again (a revisit this run is about to make)."""
    keys = [canonicalize(u) for u in urls]
    for start in range(0, len(keys), 500):
        session.execute(
            update(FrontierEntry)
            .where(FrontierEntry.site_id == site_id, FrontierEntry.url.in_(keys[start:start + 500]))
            .values(state="queued", reason=None, last_run_id=run_id, updated_at=now())
        )


def _connection(db: Session | Connection) -> Connection:
    return db.connection() if isinstance(db, Session) else db


def _check(kind: str, state: str) -> None:
    if kind not in FRONTIER_KINDS:
        raise ValueError(f"frontier kind must be one of {', '.join(FRONTIER_KINDS)}, not {kind!r}")
    if state not in FRONTIER_STATES:
        raise ValueError(f"frontier state must be one of {', '.join(FRONTIER_STATES)}, "
                         f"not {state!r}")


def _header(headers: Sequence[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in headers if key.lower() == name), None)
