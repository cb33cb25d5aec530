"""One fetch, one transaction: capture, blob row, and the document/version/duplicate decision."""

from __future__ import annotations

import hashlib
import unicodedata

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive import frontier
from archive.blobs import StoredBlob
from archive.cleaning import Article
from archive.db import insert_ignoring_conflicts
from archive.models import Blob, Capture, Content, Document, FeedCounter, Run, Site, Version
from archive.records import Fetch, WriteResult
from archive.timeutil import now
from archive.urls import canonicalize

RUN_COUNTERS = {
    "new": "new_documents",
    "new_version": "new_versions",
    "unchanged": "unchanged",
    "duplicate": "duplicates",
}


def normalize_text(body: str) -> str:
    """The text whose sha256 is ``content_hash``: NFC, whitespace runs collapsed, no blank lines."""
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", body).splitlines())
    return "\n".join(line for line in lines if line)


def content_hash(body: str) -> str:
    return hashlib.sha256(normalize_text(body).encode("utf-8")).hexdigest()


def ensure_site(session: Session, key: str, name: str | None = None) -> int:
    dialect = session.get_bind().dialect.name
    session.execute(
        insert_ignoring_conflicts(dialect, Site).values(key=key, name=name, created_at=now())
    )
    return session.execute(select(Site.id).where(Site.key == key)).scalar_one()


def record_fetch(
    session: Session,
    fetch: Fetch,
    article: Article | None,
    blob: StoredBlob,
    *,
    site_id: int,
    run_id: int | None = None,
    visit: frontier.Visit | None = None,
) -> WriteResult:
    """Write every row of one fetch, and settle its URL in the frontier when ``visit`` says
    how.  The caller owns the transaction and the blob is already durable in the blob store
    (blob before row)."""
    dialect = session.get_bind().dialect.name
    session.execute(
        insert_ignoring_conflicts(dialect, Blob).values(
            sha256=blob.sha256,
            size=blob.size,
            stored_size=blob.stored_size,
            compression="zstd",
            created_at=fetch.fetched_at,
        )
    )
    final_url = fetch.final_url or fetch.url
    canonical = canonicalize(final_url)
    capture = Capture(
        run_id=run_id,
        site_id=site_id,
        requested_url=fetch.url,
        final_url=final_url,
        canonical_url=canonical,
        status=fetch.status,
        headers=[list(pair) for pair in fetch.headers],
        fetched_at=fetch.fetched_at,
        blob_sha256=blob.sha256,
        declared_encoding=article.declared_encoding if article else None,
        used_encoding=article.encoding if article else None,
        outcome="not_article",
    )
    session.add(capture)
    session.flush()
    result = WriteResult(capture.id, "not_article", None, None, None, blob.sha256)
    if article is not None and article.is_article and 200 <= fetch.status < 300:
        result = _archive_article(session, capture, article, site_id=site_id, url=final_url)
        capture.outcome = result.outcome
        capture.document_id = result.document_id
    if run_id is not None:
        _count(session, run_id, result.outcome, len(fetch.body))
    if visit is not None:
        _settle_visit(session, fetch, result, visit, site_id=site_id, run_id=run_id)
    return result


def _settle_visit(session: Session, fetch: Fetch, result: WriteResult, visit: frontier.Visit,
                  *, site_id: int, run_id: int | None) -> None:
    if fetch.status >= 400:
        state, reason = "failed", f"HTTP {fetch.status} (capture {result.capture_id})"
    elif result.outcome == "unchanged":
        state, reason = "unchanged", None
    else:
        state, reason = "archived", None
    frontier.settle(
        session, site_id, visit.url, visit.kind, state, reason=reason, run_id=run_id,
        fetched_at=fetch.fetched_at, headers=fetch.headers, document_id=result.document_id,
        revisit_after=visit.revisit_after if state != "failed" else None,
    )


def _archive_article(
    session: Session, capture: Capture, article: Article, *, site_id: int, url: str
) -> WriteResult:
    dialect = session.get_bind().dialect.name
    fetched_at = capture.fetched_at
    session.execute(
        insert_ignoring_conflicts(dialect, Document).values(
            canonical_url=capture.canonical_url,
            url=url,
            site_id=site_id,
            version_count=0,
            first_seen=fetched_at,
            last_seen=fetched_at,
        )
    )
    # Row lock (PostgreSQL) so concurrent fetches of one URL number their versions in turn.
    document = session.execute(
        select(Document).where(Document.canonical_url == capture.canonical_url).with_for_update()
    ).scalar_one()
    digest = content_hash(article.body)
    document.last_seen = max(document.last_seen, fetched_at)
    document.first_seen = min(document.first_seen, fetched_at)
    if document.content_hash == digest:
        return WriteResult(capture.id, "unchanged", document.id, document.version_count,
                           document.duplicate_of, capture.blob_sha256)

    session.execute(
        insert_ignoring_conflicts(dialect, Content).values(
            content_hash=digest, document_id=document.id, body=article.body, created_at=fetched_at
        )
    )
    owner = session.execute(
        select(Content.document_id).where(Content.content_hash == digest)
    ).scalar_one()
    document.duplicate_of = owner if owner != document.id else None
    if document.version_count > 0:
        outcome, kind = "new_version", "version"
    elif document.duplicate_of is not None:
        outcome, kind = "duplicate", "duplicate"
    else:
        outcome, kind = "new", "new"
    document.version_count += 1
    document.content_hash = digest
    document.title = article.title
    document.published = article.published
    document.published_raw = article.published_raw
    document.source = article.source
    document.author = article.author
    session.add(
        Version(
            document_id=document.id,
            number=document.version_count,
            seq=_next_seq(session),
            kind=kind,
            content_hash=digest,
            title=article.title,
            published=article.published,
            published_raw=article.published_raw,
            source=article.source,
            author=article.author,
            extras=dict(article.extras),
            capture_id=capture.id,
            created_at=fetched_at,
        )
    )
    return WriteResult(capture.id, outcome, document.id, document.version_count,
                       document.duplicate_of, capture.blob_sha256)


def _next_seq(session: Session) -> int:
    """Hand out the next change-feed number.  The counter row stays locked until commit, so
    numbers become visible in the order they were handed out (no gap a reader could skip)."""
    return session.execute(
        update(FeedCounter)
        .where(FeedCounter.id == 1)
        .values(last_seq=FeedCounter.last_seq + 1)
        .returning(FeedCounter.last_seq)
    ).scalar_one()


def _count(session: Session, run_id: int, outcome: str, size: int) -> None:
    values = {"captures": Run.captures + 1, "bytes_received": Run.bytes_received + size}
    column = RUN_COUNTERS.get(outcome)
    if column is not None:
        values[column] = getattr(Run, column) + 1
    session.execute(update(Run).where(Run.id == run_id).values(**values))
