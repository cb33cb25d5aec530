"""The Archive: opens the store (database + blob directory) and is the one door to it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from archive import feed, frontier, health, locks, migrations, query, reclean, runs
from archive.blobs import BlobStore
from archive.cleaning import Article, clean
from archive.db import make_engine, write_engine
from archive.models import Capture, Site
from archive.records import (
    Change,
    DocumentDetail,
    DocumentRecord,
    Fetch,
    RunRecord,
    SiteRecord,
    WriteResult,
)
from archive.timeutil import now
from archive.urls import host_of
from archive.write import ensure_site, record_fetch

DEFAULT_HOME = "newsarchive-data"


class ArchiveUnavailable(RuntimeError):
    """The database cannot be opened or reached."""


def resolve_location(home: str | os.PathLike[str] | None, db: str | None) -> tuple[Path, str]:
    """``--home``/``NEWSARCHIVE_HOME`` and ``--db``/``NEWSARCHIVE_DB``, with their defaults."""
    home_path = Path(home or os.environ.get("NEWSARCHIVE_HOME") or DEFAULT_HOME)
    db_url = db or os.environ.get("NEWSARCHIVE_DB") or f"sqlite:///{home_path / 'archive.sqlite3'}"
    return home_path, db_url


class Archive:
    """Open with :func:`open_archive`; use as a context manager or call :meth:`close`."""

    def __init__(self, home: Path, db_url: str) -> None:
        self.home = home
        self.db_url = db_url
        try:
            home.mkdir(parents=True, exist_ok=True)
            self.engine = make_engine(db_url)
            self._writer = write_engine(self.engine)
            migrations.upgrade(self._writer)
        except (OSError, SQLAlchemyError, ArgumentError) as exc:
            shown = _safe_url(db_url)
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ArchiveUnavailable(f"cannot open archive database {shown}: {reason}") from None
        self.blobs = BlobStore(home / "blobs")
        self._site_ids: dict[str, int] = {}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: tuple[type[BaseException], BaseException, TracebackType]) -> None:
        self.close()

    def _read(self) -> Session:
        return Session(self.engine)

    # -- writing ---------------------------------------------------------------------------

    def record(
        self,
        fetch: Fetch,
        article: Article | None = None,
        *,
        site: str | None = None,
        site_name: str | None = None,
        run_id: int | None = None,
        visit: frontier.Visit | None = None,
    ) -> WriteResult:
        """Archive one response: raw blob first, then every row in one transaction.

        ``article`` defaults to the standard cleaner's reading of the response; ``site``
        defaults to the URL's host.  ``visit`` files the fetched URL in the site's frontier
        in the same transaction."""
        url = fetch.final_url or fetch.url
        site_key = site or host_of(url)
        if article is None:
            article = clean(fetch.body, url, fetch.headers, fetched_at=fetch.fetched_at)
        blob = self.blobs.put(fetch.body)
        site_id = self._site_id(site_key, site_name)
        with self._writer.begin() as conn:
            return record_fetch(conn, fetch, article, blob, site_id=site_id, run_id=run_id,
                                visit=visit)

    def _site_id(self, key: str, name: str | None) -> int:
        """The site's row id, created if needed in a transaction of its own and then
        remembered: a crawl records thousands of pages of one site."""
        site_id = self._site_ids.get(key)
        if site_id is None:
            with Session(self._writer) as session, session.begin():
                site_id = ensure_site(session, key, name)
            self._site_ids[key] = site_id
        return site_id

    def start_run(self, site: str | None, trigger: str, site_name: str | None = None,
                  log_path: str | None = None) -> int:
        with Session(self._writer) as session, session.begin():
            site_id = ensure_site(session, site, site_name) if site else None
            return runs.start(session, site_id, trigger, log_path)

    def finish_run(
        self,
        run_id: int,
        status: str,
        reason: str | None = None,
        errors: int = 0,
        stats: dict[str, Any] | None = None,
        *,
        requests: int = 0,
        responses: Mapping[str, int] | None = None,
        health: Mapping[str, int] | None = None,
    ) -> None:
        end = runs.RunEnd(status, reason, errors, requests, responses, health, stats)
        with Session(self._writer) as session, session.begin():
            runs.finish(session, run_id, end)

    def record_skipped_run(self, site: str, trigger: str, reason: str,
                           site_name: str | None = None) -> int:
        """Record a run that did not happen (the site was busy, the daemon was down)."""
        with Session(self._writer) as session, session.begin():
            return runs.skipped(session, ensure_site(session, site, site_name), trigger, reason)

    # -- site locks and health -------------------------------------------------------------

    def acquire_site_lock(self, site: str, site_name: str | None = None,
                          stale_after: timedelta = locks.STALE_AFTER) -> locks.LockHolder | None:
        """Take the site's crawl lock for this process: None when taken, else who holds it.

        A lock left by a dead process is taken over, and that site's runs still marked
        ``running`` are closed as ``interrupted``."""
        with Session(self._writer) as session, session.begin():
            site_id = ensure_site(session, site, site_name)
            return locks.acquire(session, site_id, site, locks.current_process(), now(),
                                 stale_after)

    def release_site_lock(self, site: str) -> None:
        with Session(self._writer) as session, session.begin():
            locks.release(session, ensure_site(session, site), locks.current_process())

    def heartbeat_site_locks(self, sites: Iterable[str]) -> None:
        with Session(self._writer) as session, session.begin():
            ids = [ensure_site(session, site) for site in sites]
            locks.heartbeat(session, ids, locks.current_process(), now())

    def assess_run(self, run_id: int, history: int = 10) -> health.HealthRecord | None:
        """Judge a finished run against the site's last ``history`` runs; store the health."""
        with Session(self._writer) as session, session.begin():
            return runs.assess(session, run_id, history)

    def site_health(self) -> dict[str, health.HealthRecord]:
        with self._read() as session:
            return runs.site_health(session)

    def notification_due(self, site: str, repeat_after: timedelta,
                         ) -> tuple[str, health.HealthRecord] | None:
        """``(unhealthy|repeat|recovered, health)`` when the site's health should be sent."""
        with self._read() as session:
            site_id = session.execute(select(Site.id).where(Site.key == site)).scalar()
            if site_id is None:
                return None
            return runs.notification_due(session, site_id, now(), repeat_after)

    def mark_notified(self, site: str, record: health.HealthRecord) -> None:
        with Session(self._writer) as session, session.begin():
            runs.mark_notified(session, ensure_site(session, site), record, now())

    # -- re-cleaning -----------------------------------------------------------------------

    def reclean_targets(self, site: str | None = None) -> list[reclean.RecleanTarget]:
        """Each document's latest successful capture (what ``reclean`` cleans again)."""
        with self._read() as session:
            return list(reclean.targets(session, site))

    def record_reclean(self, target: reclean.RecleanTarget, article: Article) -> str:
        """Write a re-cleaned article as a new version if it changed; one transaction."""
        with self._writer.begin() as conn:
            return reclean.record(conn, target, article)

    # -- the frontier ----------------------------------------------------------------------

    def known_urls(self, site: str) -> dict[str, frontier.KnownURL]:
        """Every URL the site's crawls discovered, by canonical URL."""
        with Session(self._writer) as session, session.begin():
            return frontier.snapshot(session, ensure_site(session, site))

    def discover(self, site: str, found: Iterable[frontier.Discovery],
                 run_id: int | None = None) -> None:
        """File newly found URLs (one transaction); URLs already known keep their state."""
        with Session(self._writer) as session, session.begin():
            frontier.discover(session, ensure_site(session, site), found, run_id)

    def requeue(self, site: str, urls: Iterable[str], run_id: int | None = None) -> None:
        """Mark known URLs queued again before a run revisits them."""
        with Session(self._writer) as session, session.begin():
            frontier.requeue(session, ensure_site(session, site), urls, run_id)

    def settle(self, site: str, url: str, kind: str, state: str, *, reason: str | None = None,
               run_id: int | None = None, fetched_at: datetime | None = None,
               revisit_after: timedelta | None = None) -> None:
        """File a URL that produced no capture: ``unchanged`` (304), ``failed``, ``skipped``."""
        with Session(self._writer) as session, session.begin():
            frontier.settle(session, ensure_site(session, site), url, kind, state, reason=reason,
                            run_id=run_id, fetched_at=fetched_at, revisit_after=revisit_after)

    def frontier(self, site: str, state: str | None = None,
                 limit: int | None = None) -> list[frontier.KnownURL]:
        """The site's frontier, most recently settled first (``state`` filters)."""
        with self._read() as session:
            site_id = session.execute(select(Site.id).where(Site.key == site)).scalar()
            return [] if site_id is None else frontier.entries(session, site_id, state, limit)

    def frontier_counts(self, site: str, run_id: int | None = None) -> dict[str, int]:
        """URLs per frontier state for the site (only those a run last touched, with run_id)."""
        with Session(self._writer) as session, session.begin():
            return frontier.counts(session, ensure_site(session, site), run_id)

    # -- reading ---------------------------------------------------------------------------

    def documents(self, **filters: Any) -> Iterator[DocumentRecord]:
        """Documents matching :class:`archive.query.DocumentFilter` keyword filters."""
        where = query.DocumentFilter(**filters)
        with self._read() as session:
            yield from query.documents(session, where)

    def document(self, document_id: int) -> DocumentDetail:
        with self._read() as session:
            return query.document_detail(session, document_id)

    def raw(self, blob_sha256: str) -> bytes:
        """The exact bytes the server sent for a capture (``CaptureRecord.blob_sha256``)."""
        return self.blobs.get(blob_sha256)

    def latest_raw(self, document_id: int) -> bytes:
        with self._read() as session:
            sha = session.execute(
                select(Capture.blob_sha256)
                .where(Capture.document_id == document_id)
                .order_by(Capture.fetched_at.desc(), Capture.id.desc())
                .limit(1)
            ).scalar_one_or_none()
        if sha is None:
            raise query.NotFound(f"no document with id {document_id}")
        return self.raw(sha)

    def changes(self, after: int = 0, limit: int | None = None) -> Iterator[Change]:
        with self._read() as session:
            yield from feed.changes(session, after=after, limit=limit)

    def runs(self, site: str | None = None, limit: int = 50) -> list[RunRecord]:
        with self._read() as session:
            return query.runs(session, site=site, limit=limit)

    def sites(self) -> list[SiteRecord]:
        with self._read() as session:
            return query.sites(session)


def open_archive(home: str | os.PathLike[str] | None = None, db: str | None = None) -> Archive:
    """Open (creating and migrating if needed) the archive at ``home`` or database URL ``db``."""
    home_path, db_url = resolve_location(home, db)
    return Archive(home_path, db_url)


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)
