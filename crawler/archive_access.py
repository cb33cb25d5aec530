"""One open Archive per crawl, shared by the components that write to it (the archive
pipeline, the spider's frontier bookkeeping); closed when the engine stops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import signals

from archive import Archive, open_archive

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_ATTRIBUTE = "_newsarchive_archive"


def crawl_archive(crawler: Crawler) -> Archive:
    archive: Archive | None = getattr(crawler, _ATTRIBUTE, None)
    if archive is None:
        settings = crawler.settings
        archive = open_archive(settings.get("ARCHIVE_HOME") or None,
                               settings.get("ARCHIVE_DB") or None)
        setattr(crawler, _ATTRIBUTE, archive)

        def close() -> None:
            archive.close()
            setattr(crawler, _ATTRIBUTE, None)

        crawler.signals.connect(close, signal=signals.engine_stopped, weak=False)
    return archive
