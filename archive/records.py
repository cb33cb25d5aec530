"""Plain records the archive API returns (never ORM rows) and the fetch it is given."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from archive.timeutil import local


@dataclass(frozen=True)
class Fetch:
    """One HTTP response as the crawler received it; ``body`` is the exact entity body."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    final_url: str | None = None


@dataclass(frozen=True)
class WriteResult:
    capture_id: int
    outcome: str  # new | unchanged | new_version | duplicate | not_article
    document_id: int | None
    version: int | None
    duplicate_of: int | None
    blob_sha256: str

    def describe(self) -> str:
        if self.outcome == "duplicate":
            return f"duplicate of {self.duplicate_of}"
        if self.outcome == "new_version":
            return f"new version {self.version}"
        return self.outcome.replace("_", " ")


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return local(value).isoformat()  # type: ignore[union-attr]
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


class _Record:
    def as_json(self) -> dict[str, Any]:
        """JSON-ready dict; datetimes in ISO 8601, Asia/Shanghai."""
        return {k: jsonable(v) for k, v in asdict(self).items()}  # type: ignore[call-overload]


@dataclass(frozen=True)
class DocumentRecord(_Record):
    id: int
    url: str
    canonical_url: str
    site: str
    title: str | None
    published: datetime | None
    published_raw: str | None
    source: str | None
    author: str | None
    body: str
    content_hash: str | None
    duplicate_of: int | None
    versions: int
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class VersionRecord(_Record):
    number: int
    seq: int
    title: str | None
    published: datetime | None
    published_raw: str | None
    source: str | None
    author: str | None
    body: str
    content_hash: str
    capture_id: int
    created_at: datetime


@dataclass(frozen=True)
class CaptureRecord(_Record):
    id: int
    run_id: int | None
    requested_url: str
    final_url: str
    status: int
    headers: list[tuple[str, str]]
    fetched_at: datetime
    blob_sha256: str
    declared_encoding: str | None
    used_encoding: str | None
    outcome: str


@dataclass(frozen=True)
class DocumentDetail(_Record):
    document: DocumentRecord
    versions: list[VersionRecord] = field(default_factory=list)
    captures: list[CaptureRecord] = field(default_factory=list)


@dataclass(frozen=True)
class Change(_Record):
    """One entry of the change feed: a new document, a new version, or a new duplicate."""

    seq: int
    kind: str  # new | version | duplicate
    document_id: int
    version: int
    url: str
    site: str
    title: str | None
    content_hash: str
    at: datetime


@dataclass(frozen=True)
class RunRecord(_Record):
    id: int
    site: str | None
    trigger: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    finish_reason: str | None
    captures: int
    new_documents: int
    new_versions: int
    unchanged: int
    duplicates: int
    errors: int
    bytes_received: int
    requests: int = 0
    responses: dict[str, int] = field(default_factory=dict)  # by HTTP status
    log_path: str | None = None

    @property
    def seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


@dataclass(frozen=True)
class SiteRecord(_Record):
    key: str
    name: str | None
    documents: int
    last_run: RunRecord | None
