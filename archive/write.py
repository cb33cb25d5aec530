"""One fetch, one transaction: capture, blob row, and the document/version/duplicate decision."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BigInteger, Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from archive import frontier
from archive.blobs import StoredBlob
from archive.cleaning import Article
from archive.db import insert_ignoring_conflicts
from archive.models import Base, Site
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
    session.execute(insert_ignoring_conflicts(dialect, Site),
                    {"key": key, "name": name, "created_at": now()})
    return session.execute(select(Site.id).where(Site.key == key)).scalar_one()


# The once-per-page statements, built once: Core on tables, values bound at execution.  Building
# statements per call, or going through the ORM, cost ~10 ms a page against ~1 ms of SQLite
# work (bench/costs.py).  Parameters named ``b_*`` are WHERE values; the others are SET columns.
_tables = Base.metadata.tables
_blobs, _captures, _contents = _tables["blobs"], _tables["captures"], _tables["contents"]
_documents, _versions, _runs = _tables["documents"], _tables["versions"], _tables["runs"]
_feed_counter = _tables["feed_counter"]
INSERT_CAPTURE = insert(_captures).returning(_captures.c.id)
INSERT_VERSION = insert(_versions)
LOCK_DOCUMENT = (
    select(_documents.c.id, _documents.c.content_hash, _documents.c.version_count,
           _documents.c.duplicate_of, _documents.c.first_seen, _documents.c.last_seen)
    .where(_documents.c.canonical_url == bindparam("b_url"))
    .with_for_update()
)
CONTENT_OWNER = select(_contents.c.document_id).where(
    _contents.c.content_hash == bindparam("b_hash"))
UPDATE_DOCUMENT = update(_documents).where(_documents.c.id == bindparam("b_id"))
NEXT_SEQ = (
    update(_feed_counter)
    .where(_feed_counter.c.id == 1)
    .values(last_seq=_feed_counter.c.last_seq + 1)
    .returning(_feed_counter.c.last_seq)
)
COUNT_CAPTURE = {
    outcome: update(_runs).where(_runs.c.id == bindparam("b_id")).values(
        captures=_runs.c.captures + 1,
        bytes_received=_runs.c.bytes_received + bindparam("b_size", type_=BigInteger()),
        **({RUN_COUNTERS[outcome]: _runs.c[RUN_COUNTERS[outcome]] + 1}
           if outcome in RUN_COUNTERS else {}),
    )
    for outcome in (*RUN_COUNTERS, "not_article")
}


def record_fetch(
    conn: Connection,
    fetch: Fetch,
    article: Article | None,
    blob: StoredBlob,
    *,
    site_id: int,
    run_id: int | None = None,
    visit: frontier.Visit | None = None,
) -> WriteResult:
    """Write every row of one fetch, and settle its URL in the frontier when ``visit`` says
    how.  The caller owns the transaction (``conn`` is inside it) and the blob is already
    durable in the blob store (blob before row).

    Core statements, not ORM objects: this runs once per page, and the unit of work cost
    ~10 ms a page against ~1 ms of SQLite (bench/costs.py)."""
    dialect = conn.dialect.name
    conn.execute(insert_ignoring_conflicts(dialect, _blobs), {
        "sha256": blob.sha256, "size": blob.size, "stored_size": blob.stored_size,
        "compression": "zstd", "created_at": fetch.fetched_at,
    })
    final_url = fetch.final_url or fetch.url
    canonical = canonicalize(final_url)
    decision: Decision | None = None
    if article is not None and article.is_article and 200 <= fetch.status < 300:
        decision = decide_document(conn, article, canonical, final_url, fetch.fetched_at,
                           site_id=site_id)
    outcome = decision.outcome if decision else "not_article"
    capture_id = conn.execute(INSERT_CAPTURE, {
        "run_id": run_id,
        "site_id": site_id,
        "document_id": decision.document_id if decision else None,
        "requested_url": fetch.url,
        "final_url": final_url,
        "canonical_url": canonical,
        "status": fetch.status,
        "headers": [list(pair) for pair in fetch.headers],
        "fetched_at": fetch.fetched_at,
        "blob_sha256": blob.sha256,
        "declared_encoding": article.declared_encoding if article else None,
        "used_encoding": article.encoding if article else None,
        "outcome": outcome,
    }).scalar_one()
    result = WriteResult(capture_id, outcome, None, None, None, blob.sha256)
    if decision is not None and article is not None:
        write_document(conn, decision, article, capture_id, fetch.fetched_at)
        result = WriteResult(capture_id, outcome, decision.document_id, decision.version,
                             decision.duplicate_of, blob.sha256)
    if run_id is not None:
        _count(conn, run_id, outcome, len(fetch.body))
    if visit is not None:
        _settle_visit(conn, fetch, result, visit, site_id=site_id, run_id=run_id)
    return result


@dataclass(frozen=True)
class Decision:
    document_id: int
    outcome: str  # new | unchanged | new_version | duplicate
    content_hash: str
    version: int
    duplicate_of: int | None
    first_seen: datetime
    last_seen: datetime


def decide_document(conn: Connection, article: Article, canonical: str, url: str,
                    fetched_at: datetime, *, site_id: int) -> Decision:
    """Which document this is, and whether its content is new, changed, the same, or a copy."""
    dialect = conn.dialect.name
    conn.execute(insert_ignoring_conflicts(dialect, _documents), {
        "canonical_url": canonical, "url": url, "site_id": site_id, "version_count": 0,
        "first_seen": fetched_at, "last_seen": fetched_at,
    })
    # Row lock (PostgreSQL) so concurrent fetches of one URL number their versions in turn.
    document = conn.execute(LOCK_DOCUMENT, {"b_url": canonical}).one()
    digest = content_hash(article.body)
    first_seen = min(document.first_seen, fetched_at)
    last_seen = max(document.last_seen, fetched_at)
    if document.content_hash == digest:
        return Decision(document.id, "unchanged", digest, document.version_count,
                         document.duplicate_of, first_seen, last_seen)
    conn.execute(insert_ignoring_conflicts(dialect, _contents), {
        "content_hash": digest, "document_id": document.id, "body": article.body,
        "body_simplified": article.simplified_body, "created_at": fetched_at,
    })
    owner = conn.execute(CONTENT_OWNER, {"b_hash": digest}).scalar_one()
    duplicate_of = owner if owner != document.id else None
    if document.version_count > 0:
        outcome = "new_version"
    elif duplicate_of is not None:
        outcome = "duplicate"
    else:
        outcome = "new"
    return Decision(document.id, outcome, digest, document.version_count + 1, duplicate_of,
                     first_seen, last_seen)


VERSION_KINDS = {"new": "new", "new_version": "version", "duplicate": "duplicate"}


def write_document(conn: Connection, decision: Decision, article: Article, capture_id: int,
                    created_at: datetime) -> None:
    seen = {"b_id": decision.document_id, "first_seen": decision.first_seen,
            "last_seen": decision.last_seen}
    if decision.outcome == "unchanged":
        conn.execute(UPDATE_DOCUMENT, seen)
        return
    fields = {
        "title": article.title,
        "published": article.published,
        "published_raw": article.published_raw,
        "source": article.source,
        "author": article.author,
    }
    conn.execute(UPDATE_DOCUMENT, {
        **seen, **fields, "version_count": decision.version,
        "content_hash": decision.content_hash, "duplicate_of": decision.duplicate_of,
    })
    conn.execute(INSERT_VERSION, {
        "document_id": decision.document_id,
        "number": decision.version,
        "seq": _next_seq(conn),
        "kind": VERSION_KINDS[decision.outcome],
        "content_hash": decision.content_hash,
        # The version keeps the script its text was detected in with the other extras.
        "extras": {**article.extras, **({"script": article.script} if article.script else {})},
        "capture_id": capture_id,
        "created_at": created_at,
        **fields,
    })


def _settle_visit(conn: Connection, fetch: Fetch, result: WriteResult, visit: frontier.Visit,
                  *, site_id: int, run_id: int | None) -> None:
    if fetch.status >= 400:
        state, reason = "failed", f"HTTP {fetch.status} (capture {result.capture_id})"
    elif result.outcome == "unchanged":
        state, reason = "unchanged", None
    else:
        state, reason = "archived", None
    frontier.settle(
        conn, site_id, visit.url, visit.kind, state, reason=reason, run_id=run_id,
        fetched_at=fetch.fetched_at, headers=fetch.headers, document_id=result.document_id,
        revisit_after=visit.revisit_after if state != "failed" else None,
    )


def _next_seq(conn: Connection) -> int:
    """Hand out the next change-feed number.  The counter row stays locked until commit, so
    numbers become visible in the order they were handed out (no gap a reader could skip)."""
    return conn.execute(NEXT_SEQ).scalar_one()


def _count(conn: Connection, run_id: int, outcome: str, size: int) -> None:
    conn.execute(COUNT_CAPTURE[outcome], {"b_id": run_id, "b_size": size})
