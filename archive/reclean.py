"""Re-deriving cleaned versions from the raw archive, after the cleaner improved.

The unit is a document's latest successful capture: its raw bytes are cleaned again and, only
where the result differs from the document's current version (body, or title / time / 来源 /
作者), a new version is written that points at the same capture.  The feed reports it like any
other new version.  Cleaning happens outside (in worker processes); this module reads targets
and writes results, one transaction per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from archive.cleaning import Article
from archive.models import Capture, Document, Site, Version
from archive.timeutil import now
from archive.write import decide_document, write_document


@dataclass(frozen=True)
class RecleanTarget:
    document_id: int
    capture_id: int
    site: str
    url: str
    canonical_url: str
    blob_sha256: str
    headers: list[tuple[str, str]]
    fetched_at: datetime


def targets(session: Session, site: str | None = None) -> Iterator[RecleanTarget]:
    """Every document's latest 2xx capture, in document order."""
    latest = (
        select(func.max(Capture.id))
        .where(Capture.document_id.is_not(None), Capture.status.between(200, 299))
        .group_by(Capture.document_id)
    )
    stmt = (
        select(Capture, Site.key)
        .join(Site, Site.id == Capture.site_id)
        .where(Capture.id.in_(latest))
        .order_by(Capture.document_id)
    )
    if site is not None:
        stmt = stmt.where(Site.key == site)
    for capture, key in session.execute(stmt.execution_options(yield_per=500)):
        assert capture.document_id is not None
        yield RecleanTarget(
            document_id=capture.document_id, capture_id=capture.id, site=key,
            url=capture.final_url, canonical_url=capture.canonical_url,
            blob_sha256=capture.blob_sha256,
            headers=[(name, value) for name, value in capture.headers],
            fetched_at=capture.fetched_at,
        )


def record(conn: Connection, target: RecleanTarget, article: Article) -> str:
    """``new_version`` if the cleaned result changed, else ``unchanged``.  Left as they are:
    a page the new cleaner does not see as an article (``not_article``), and an article merged
    from several pages (``multi_page``: re-merging its parts is not done yet)."""
    if not article.is_article:
        return "not_article"
    latest = conn.execute(
        select(Version.extras).where(Version.document_id == target.document_id)
        .order_by(Version.number.desc()).limit(1)
    ).scalar_one_or_none() or {}
    if int(latest.get("parts", 1)) > 1:
        # Its text was merged from several pages; cleaning the first page alone would cut it.
        return "multi_page"
    current = conn.execute(
        select(Document.site_id, Document.title, Document.published, Document.source,
               Document.author).where(Document.id == target.document_id)
    ).one()
    decision = decide_document(conn, article, target.canonical_url, target.url,
                               target.fetched_at, site_id=current.site_id)
    if decision.outcome == "unchanged":
        fields = (article.title, article.published, article.source, article.author)
        if fields == (current.title, current.published, current.source, current.author):
            return "unchanged"
        decision = replace(decision, outcome="new_version", version=decision.version + 1)
    marked = replace(article, extras={**article.extras, "recleaned": "true"})
    write_document(conn, decision, marked, target.capture_id, now())
    return "new_version"
