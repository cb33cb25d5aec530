"""Reads for people and pipelines; every function returns plain records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from archive.cleaning.script import to_simplified
from archive.models import Capture, Content, Document, Run, Site, Version
from archive.records import (
    CaptureRecord,
    DocumentDetail,
    DocumentRecord,
    RunRecord,
    SiteRecord,
    VersionRecord,
)


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class DocumentFilter:
    """Filters for :func:`documents`; ranges are inclusive, datetimes timezone-aware."""

    site: str | None = None
    published_since: datetime | None = None
    published_until: datetime | None = None
    fetched_since: datetime | None = None
    fetched_until: datetime | None = None
    text: str | None = None
    include_duplicates: bool = True
    newest_first: bool = False
    limit: int | None = None


def _document_select() -> Select:  # type: ignore[type-arg]
    return (
        select(Document, Site.key, Content.body)
        .join(Site, Site.id == Document.site_id)
        .outerjoin(Content, Content.content_hash == Document.content_hash)
    )


def _document_record(document: Document, site: str, body: str | None) -> DocumentRecord:
    return DocumentRecord(
        id=document.id,
        url=document.url,
        canonical_url=document.canonical_url,
        site=site,
        title=document.title,
        published=document.published,
        published_raw=document.published_raw,
        source=document.source,
        author=document.author,
        body=body or "",
        content_hash=document.content_hash,
        duplicate_of=document.duplicate_of,
        versions=document.version_count,
        first_seen=document.first_seen,
        last_seen=document.last_seen,
    )


def documents(session: Session, where: DocumentFilter) -> Iterator[DocumentRecord]:
    stmt = _document_select()
    if where.site is not None:
        stmt = stmt.where(Site.key == where.site)
    if where.published_since is not None:
        stmt = stmt.where(Document.published >= where.published_since)
    if where.published_until is not None:
        stmt = stmt.where(Document.published <= where.published_until)
    if where.fetched_since is not None:
        stmt = stmt.where(Document.last_seen >= where.fetched_since)
    if where.fetched_until is not None:
        stmt = stmt.where(Document.first_seen <= where.fetched_until)
    if where.text:
        # Traditional pages are also searched in their simplified form (a query written in
        # traditional characters is simplified first).
        simplified = to_simplified(where.text)
        stmt = stmt.where(
            or_(Document.title.contains(where.text, autoescape=True),
                Content.body.contains(where.text, autoescape=True),
                Content.body_simplified.contains(simplified, autoescape=True))
        )
    if not where.include_duplicates:
        stmt = stmt.where(Document.duplicate_of.is_(None))
    if where.newest_first:
        stmt = stmt.order_by(Document.published.desc().nulls_last(), Document.id.desc())
    else:
        stmt = stmt.order_by(Document.id)
    if where.limit is not None:
        stmt = stmt.limit(where.limit)
    for document, site, body in session.execute(stmt.execution_options(yield_per=500)):
        yield _document_record(document, site, body)


def document_detail(session: Session, document_id: int) -> DocumentDetail:
    row = session.execute(_document_select().where(Document.id == document_id)).one_or_none()
    if row is None:
        raise NotFound(f"no document with id {document_id}")
    versions = [
        VersionRecord(
            number=v.number,
            seq=v.seq,
            title=v.title,
            published=v.published,
            published_raw=v.published_raw,
            source=v.source,
            author=v.author,
            body=body,
            content_hash=v.content_hash,
            capture_id=v.capture_id,
            created_at=v.created_at,
        )
        for v, body in session.execute(
            select(Version, Content.body)
            .join(Content, Content.content_hash == Version.content_hash)
            .where(Version.document_id == document_id)
            .order_by(Version.number)
        )
    ]
    captures = [
        capture_record(c)
        for c in session.scalars(
            select(Capture)
            .where(Capture.document_id == document_id)
            .order_by(Capture.fetched_at, Capture.id)
        )
    ]
    return DocumentDetail(_document_record(*row), versions, captures)


def capture_record(c: Capture) -> CaptureRecord:
    return CaptureRecord(
        id=c.id,
        run_id=c.run_id,
        requested_url=c.requested_url,
        final_url=c.final_url,
        status=c.status,
        headers=[(name, value) for name, value in c.headers],
        fetched_at=c.fetched_at,
        blob_sha256=c.blob_sha256,
        declared_encoding=c.declared_encoding,
        used_encoding=c.used_encoding,
        outcome=c.outcome,
    )


def run_record(run: Run, site: str | None) -> RunRecord:
    return RunRecord(
        id=run.id,
        site=site,
        trigger=run.trigger,
        status=run.status,
        started_at=run.started_at,
        finished_at=run.finished_at,
        finish_reason=run.finish_reason,
        captures=run.captures,
        new_documents=run.new_documents,
        new_versions=run.new_versions,
        unchanged=run.unchanged,
        duplicates=run.duplicates,
        errors=run.errors,
        bytes_received=run.bytes_received,
        requests=run.requests,
        responses=dict(run.responses or {}),
        log_path=run.log_path,
    )


def runs(session: Session, site: str | None = None, limit: int = 50) -> list[RunRecord]:
    stmt = select(Run, Site.key).outerjoin(Site, Site.id == Run.site_id)
    if site is not None:
        stmt = stmt.where(Site.key == site)
    stmt = stmt.order_by(Run.id.desc()).limit(limit)
    return [run_record(run, key) for run, key in session.execute(stmt)]


def sites(session: Session) -> list[SiteRecord]:
    counts = dict(
        session.execute(select(Document.site_id, func.count()).group_by(Document.site_id)).all()
    )
    last_run = aliased(Run)
    latest_ids = (
        select(func.max(last_run.id)).where(last_run.site_id == Site.id).scalar_subquery()
    )
    stmt = select(Site, Run).outerjoin(Run, Run.id == latest_ids).order_by(Site.key)
    return [
        SiteRecord(
            key=site.key,
            name=site.name,
            documents=counts.get(site.id, 0),
            last_run=run_record(run, site.key) if run is not None else None,
        )
        for site, run in session.execute(stmt)
    ]
