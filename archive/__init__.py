"""newsarchive's store and its public API: open an archive, read documents, follow changes.

    from archive import open_archive
    with open_archive(home="newsarchive-data") as arc:
        for change in arc.changes(after=cursor): ...
"""

from __future__ import annotations

from archive.blobs import BlobMissing
from archive.cleaning import Article, clean
from archive.frontier import Discovery, KnownURL, Visit
from archive.query import DocumentFilter, NotFound
from archive.records import (
    CaptureRecord,
    Change,
    DocumentDetail,
    DocumentRecord,
    Fetch,
    RunRecord,
    SiteRecord,
    VersionRecord,
    WriteResult,
)
from archive.store import Archive, ArchiveUnavailable, open_archive
from archive.urls import BadURL, canonicalize
from archive.write import content_hash

__all__ = [
    "Archive",
    "ArchiveUnavailable",
    "Article",
    "BadURL",
    "BlobMissing",
    "CaptureRecord",
    "Change",
    "Discovery",
    "DocumentDetail",
    "DocumentFilter",
    "DocumentRecord",
    "Fetch",
    "KnownURL",
    "NotFound",
    "RunRecord",
    "SiteRecord",
    "VersionRecord",
    "Visit",
    "WriteResult",
    "canonicalize",
    "clean",
    "content_hash",
    "open_archive",
]
