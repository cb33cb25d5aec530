"""SQLAlchemy 2.0 models: sites, runs, site locks and health, blobs, captures, contents,
documents, versions, frontier."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware in and out; stored as UTC (SQLite keeps no zone, so we attach it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the archive; pass a timezone-aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Timestamp = Annotated[datetime, mapped_column(UTCDateTime())]
Digest = Annotated[str, mapped_column(String(64))]
Id = Annotated[int, mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)]
RefId = BigInteger().with_variant(Integer, "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, list[Any]: JSON}


class Site(Base):
    __tablename__ = "sites"
    id: Mapped[Id]
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[Timestamp]


class Run(Base):
    """One crawl run: a scheduled or manual crawl of a site, or a one-off ``add``."""

    __tablename__ = "runs"
    id: Mapped[Id]
    site_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("sites.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(20))  # manual | scheduled | add
    # running | finished | failed | interrupted | skipped (the site was busy: nothing fetched)
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[Timestamp]
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finish_reason: Mapped[str | None] = mapped_column(String(200))
    captures: Mapped[int] = mapped_column(default=0)
    new_documents: Mapped[int] = mapped_column(default=0)
    new_versions: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    duplicates: Mapped[int] = mapped_column(default=0)
    errors: Mapped[int] = mapped_column(default=0)
    bytes_received: Mapped[int] = mapped_column(BigInteger, default=0)
    requests: Mapped[int] = mapped_column(default=0)
    # Responses by HTTP status, e.g. {"200": 180, "304": 12, "404": 1}.
    responses: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # What the health check reads: list pages parsed, article links on them, article pages.
    health: Mapped[dict[str, Any]] = mapped_column(default=dict)
    log_path: Mapped[str | None] = mapped_column(Text)
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None]
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SiteLock(Base):
    """Who is crawling a site right now; one row per site ever locked, ``owner`` None when free.

    Shared by scheduled and manual crawls on every host that uses the database.  ``host``,
    ``pid`` and ``pid_started`` identify the holding process (``pid_started`` guards against a
    reused pid); ``heartbeat_at`` is refreshed while it runs, for holders on other hosts."""

    __tablename__ = "site_locks"
    site_id: Mapped[int] = mapped_column(RefId, ForeignKey("sites.id"), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(300))
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None]
    pid_started: Mapped[str | None] = mapped_column(String(40))
    run_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("runs.id"))
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SiteHealth(Base):
    """A site's health as of its last assessed run, and what was last notified about it."""

    __tablename__ = "site_health"
    site_id: Mapped[int] = mapped_column(RefId, ForeignKey("sites.id"), primary_key=True)
    healthy: Mapped[bool]
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    run_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("runs.id"))
    checked_at: Mapped[Timestamp]
    notified_healthy: Mapped[bool | None]
    notified_reasons: Mapped[list[Any] | None] = mapped_column(JSON)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Blob(Base):
    """Raw response bodies, one row per sha256; the bytes live in the blob store."""

    __tablename__ = "blobs"
    sha256: Mapped[Digest] = mapped_column(primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    stored_size: Mapped[int] = mapped_column(BigInteger)
    compression: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[Timestamp]


class Content(Base):
    """A cleaned body, stored once per content_hash; ``document_id`` is its first owner."""

    __tablename__ = "contents"
    content_hash: Mapped[Digest] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(RefId, ForeignKey("documents.id"))
    body: Mapped[str] = mapped_column(Text)
    # A traditional-script body in simplified characters (None for simplified text), so a
    # search in simplified Chinese finds traditional pages.
    body_simplified: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[Timestamp]


class Document(Base):
    """One canonical article URL.  Title, dates and hash mirror the latest version."""

    __tablename__ = "documents"
    id: Mapped[Id]
    canonical_url: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[str] = mapped_column(Text)
    site_id: Mapped[int] = mapped_column(RefId, ForeignKey("sites.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    published_raw: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    # Mirrors the latest version's hash (which has the foreign key); none here, so that
    # documents and contents do not reference each other in a cycle.
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    duplicate_of: Mapped[int | None] = mapped_column(RefId, ForeignKey("documents.id"))
    version_count: Mapped[int] = mapped_column(default=0)
    first_seen: Mapped[Timestamp] = mapped_column(index=True)
    last_seen: Mapped[Timestamp]


class Version(Base):
    """Every distinct cleaned state of a document; ``seq`` orders the change feed."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[Id]
    document_id: Mapped[int] = mapped_column(RefId, ForeignKey("documents.id"))
    number: Mapped[int]
    seq: Mapped[int] = mapped_column(RefId, unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # new | version | duplicate, as the feed says
    content_hash: Mapped[str] = mapped_column(String(64), ForeignKey("contents.content_hash"))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_raw: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    extras: Mapped[dict[str, Any]] = mapped_column(default=dict)
    capture_id: Mapped[int] = mapped_column(RefId, ForeignKey("captures.id"))
    created_at: Mapped[Timestamp]


class Capture(Base):
    """One HTTP response as received."""

    __tablename__ = "captures"
    id: Mapped[Id]
    run_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("runs.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("sites.id"))
    document_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("documents.id"))
    requested_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text, index=True)
    status: Mapped[int]
    headers: Mapped[list[Any]] = mapped_column(default=list)
    fetched_at: Mapped[Timestamp]
    blob_sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"))
    declared_encoding: Mapped[str | None] = mapped_column(String(40))
    used_encoding: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20))


class FeedCounter(Base):
    """A single row handing out change-feed sequence numbers in commit order."""

    __tablename__ = "feed_counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(RefId)


class FrontierEntry(Base):
    """A URL a site's crawls have discovered, and where it stands.

    ``state`` is one of FRONTIER_STATES: ``queued`` until a crawl settles it, then
    ``archived`` (fetched and captured), ``unchanged`` (fetched, or 304, and the same as
    before), ``failed`` or ``skipped`` with a ``reason``.  ``last_run_id`` is the run that set
    the state, so a run's outcome per URL can be read back.  Revisits of known pages are
    planned with ``next_visit_at`` (doubling ``revisit_seconds`` while a page stays the same)
    and made conditional with ``etag`` / ``last_modified``."""

    __tablename__ = "frontier"
    __table_args__ = (UniqueConstraint("site_id", "url"),)
    id: Mapped[Id]
    site_id: Mapped[int] = mapped_column(RefId, ForeignKey("sites.id"))
    url: Mapped[str] = mapped_column(Text)  # canonical
    kind: Mapped[str] = mapped_column(String(20))  # FRONTIER_KINDS
    state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    found_on: Mapped[str | None] = mapped_column(Text)
    discovered_at: Mapped[Timestamp]
    discovered_run_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("runs.id"))
    last_run_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("runs.id"), index=True)
    updated_at: Mapped[Timestamp]
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revisit_seconds: Mapped[int | None]
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(default=0)
    document_id: Mapped[int | None] = mapped_column(RefId, ForeignKey("documents.id"))


FRONTIER_STATES = ("queued", "archived", "unchanged", "failed", "skipped")
FRONTIER_KINDS = ("list", "article", "part", "sitemap", "feed", "page")

Index("ix_frontier_site_state", FrontierEntry.site_id, FrontierEntry.state)
Index("ix_captures_document_fetched", Capture.document_id, Capture.fetched_at)
Index("ix_versions_document", Version.document_id)
