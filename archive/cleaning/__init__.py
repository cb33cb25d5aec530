"""The one cleaning entry point: raw bytes, URL and headers in, an Article out."""

from __future__ import annotations

from archive.cleaning.article import Article
from archive.cleaning.hints import ExtractionHints
from archive.cleaning.pipeline import clean

__all__ = ["Article", "ExtractionHints", "clean"]
