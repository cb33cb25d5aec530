"""The change feed: every new document or version in sequence order, resumable by cursor."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.models import Document, Site, Version
from archive.records import Change


def changes(session: Session, after: int = 0, limit: int | None = None) -> Iterator[Change]:
    """Changes with ``seq > after`` in order.  Save the last ``seq`` you processed and pass it
    back as ``after`` to resume; sequence numbers commit in order, so none is ever skipped."""
    stmt = (
        select(Version, Document.url, Site.key)
        .join(Document, Document.id == Version.document_id)
        .join(Site, Site.id == Document.site_id)
        .where(Version.seq > after)
        .order_by(Version.seq)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    for version, url, site in session.execute(stmt.execution_options(yield_per=500)):
        yield Change(
            seq=version.seq,
            kind=version.kind,
            document_id=version.document_id,
            version=version.number,
            url=url,
            site=site,
            title=version.title,
            content_hash=version.content_hash,
            at=version.created_at,
        )
