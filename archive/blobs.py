"""Content-addressed raw bodies: named by sha256, zstd-compressed, written temp+fsync+rename."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import zstandard

COMPRESSION = "zstd"
LEVEL = 3


class BlobMissing(LookupError):
    """A row points at a blob that is not in the store (should never happen; see verify)."""


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    stored_size: int


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Files under ``root/ab/cd/<sha256>.zst``; the name never derives from a URL."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.zst"

    def put(self, data: bytes) -> StoredBlob:
        """Store ``data`` durably before any row may point at it (blob before row)."""
        sha = digest(data)
        target = self.path(sha)
        if target.exists():
            return StoredBlob(sha, len(data), target.stat().st_size)
        compressed = zstandard.ZstdCompressor(level=LEVEL).compress(data)
        new_dirs = not target.parent.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".zst")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(compressed)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        if new_dirs:  # the new directory entries must survive a crash too
            _fsync_dir(target.parent.parent)
            _fsync_dir(self.root)
        return StoredBlob(sha, len(data), len(compressed))

    def get(self, sha256: str) -> bytes:
        try:
            compressed = self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise BlobMissing(f"raw body {sha256} is missing from {self.root}") from None
        data = zstandard.ZstdDecompressor().decompress(compressed)
        if digest(data) != sha256:
            raise BlobMissing(f"raw body {sha256} is corrupt (digest mismatch)")
        return data


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
