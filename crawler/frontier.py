"""A site crawl's view of the archive's frontier: what is known, what is due, what is new.

Loaded once when the crawl starts (one query), then kept in memory: deciding whether a link
is new or due must cost a dict lookup, not a database round trip (PERFORMANCE.md).  Writes go
to the archive in batches: one transaction per list page for the links it brought.
"""

from __future__ import annotations

from datetime import datetime

from archive import Archive, KnownURL
from archive.timeutil import now

# A URL that failed this many times in a row is left alone until a --full crawl.
MAX_FAILURES = 3


class CrawlFrontier:
    def __init__(self, archive: Archive, site: str, *, full: bool) -> None:
        self.archive = archive
        self.site = site
        self.full = full
        self.started = now()
        self.known: dict[str, KnownURL] = archive.known_urls(site)

    def is_new(self, key: str) -> bool:
        """Not known before this run began (found for the first time by this run)."""
        return key not in self.known

    def due(self, key: str, lastmod: datetime | None = None) -> bool:
        """Should this run fetch a URL it just found a link to?"""
        entry = self.known.get(key)
        if entry is None or self.full or entry.kind == "list":
            return True
        if entry.state == "queued":
            return True
        if entry.state == "skipped":
            return False
        if entry.state == "failed":
            return retryable(entry)
        if lastmod is not None and (entry.fetched_at is None or lastmod > entry.fetched_at):
            return True  # the site says it changed since we last looked
        return entry.next_visit_at is not None and entry.next_visit_at <= self.started

    def pending(self) -> list[KnownURL]:
        """Known pages this run should fetch without waiting to meet a link to them: what a
        previous run left queued (or in flight when it died), failures worth retrying, and
        articles whose revisit is due.  With ``full``, every known page that is not skipped."""
        return [
            entry for entry in self.known.values()
            # Sitemaps and feeds are configured; a later part only makes sense after part 1.
            if entry.kind not in ("sitemap", "feed", "part")
            and (entry.state != "skipped" if self.full else
                 entry.state == "queued"
                 or (entry.state == "failed" and retryable(entry))
                 or (entry.kind == "article" and entry.state in ("archived", "unchanged")
                     and entry.next_visit_at is not None
                     and entry.next_visit_at <= self.started))
        ]

    def conditional_headers(self, key: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for a page fetched before (none with ``full``)."""
        entry = self.known.get(key)
        if entry is None or self.full or entry.state not in ("archived", "unchanged"):
            return {}
        headers = {}
        if entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        return headers


def retryable(entry: KnownURL) -> bool:
    """Network trouble and server errors are retried on later runs; 4xx answers are not."""
    reason = entry.reason or ""
    return entry.failures < MAX_FAILURES and not reason.startswith("HTTP 4")
