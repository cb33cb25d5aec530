"""The archive pipeline: one run per crawl, one ``Archive.record`` (one transaction) per page.

The run starts when the spider opens and is finished on ``spider_closed``, the one hook that
carries Scrapy's finish reason.  What the run's status and error count mean:

- status: ``finished`` (the crawl ran out of work or hit a CLOSESPIDER_* budget),
  ``interrupted`` (reason ``shutdown``: Ctrl-C / SIGTERM, or ``closespider_timeout``: the
  run's wall-clock limit), ``failed`` (any other reason, or a
  run that archived nothing and had errors, e.g. the site was down);
- errors: requests that got no response after retries, 5xx responses after retries, spider
  callback exceptions and failed archive writes.  Not errors: robots.txt refusals (our
  policy) and 4xx pages (facts about the site, archived as captures).

Writes are synchronous on the reactor thread: at the politeness rates we crawl at (about a
page a second per site) the few milliseconds of cleaning and commit per page are not the limit.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy import Spider, signals

from archive import Archive, clean
from crawler.archive_access import crawl_archive
from crawler.items import Page

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

TRIGGERS = ("manual", "scheduled", "add")
SITE_BUSY = "archive/site_busy"  # why the run was skipped: another process crawls the site
ERROR_STATS = (
    "crawl/failed_requests",
    "crawl/server_errors",
    "spider_exceptions/count",
    "archive/write_errors",
)


class ArchivePipeline:
    def __init__(self, crawler: Crawler, *, trigger: str) -> None:
        self.crawler = crawler
        self.trigger = trigger
        # Opened in open_spider, not here: building the pipeline must not touch the database.
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.locked_site: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        trigger = settings.get("ARCHIVE_TRIGGER") or "manual"
        if trigger not in TRIGGERS:
            raise ValueError(f"ARCHIVE_TRIGGER must be one of {', '.join(TRIGGERS)}, "
                             f"not {trigger!r}")
        pipeline = cls(crawler, trigger=trigger)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.archive = crawl_archive(self.crawler)
        site = getattr(spider, "site_key", None)
        site_name = getattr(spider, "site_name", None)
        if site and getattr(spider, "uses_frontier", False):
            # Re-entrant: `newsarchive crawl` already holds it; `scrapy crawl` takes it here,
            # and a busy site makes the spider start nothing (SiteSpider.start).
            holder = self.archive.acquire_site_lock(site, site_name)
            if holder is None:
                self.locked_site = site
            else:
                self._stats().set_value(SITE_BUSY, f"already running ({holder.describe()})")
        self.run_id = self.archive.start_run(
            site, self.trigger, site_name, log_path=self.crawler.settings.get("LOG_FILE") or None)
        self._stats().set_value("archive/run_id", self.run_id)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page) or self.archive is None:
            return item
        stats = self._stats()
        article = item.article
        hints = getattr(self.crawler.spider, "extraction_hints", None)
        if article is None and hints is not None:
            fetch = item.fetch
            article = clean(fetch.body, fetch.final_url or fetch.url, fetch.headers,
                            fetched_at=fetch.fetched_at, hints=hints)
        try:
            item.result = self.archive.record(
                item.fetch, article, site=item.site, site_name=item.site_name,
                run_id=self.run_id, visit=item.visit,
            )
        except Exception:
            stats.inc_value("archive/write_errors")
            raise  # Scrapy logs it with the traceback and sends item_error
        stats.inc_value("archive/captures")
        stats.inc_value(f"archive/outcome/{item.result.outcome}")
        if item.visit is not None and item.visit.kind == "article" \
                and 200 <= item.fetch.status < 300:
            stats.inc_value("health/article_pages")
            if item.result.outcome != "not_article":
                stats.inc_value("health/articles")
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.archive is None or self.run_id is None:
            return
        stats = self._stats()
        errors = error_count(stats.get_stats())
        status = run_status(reason, captures=stats.get_value("archive/captures", 0),
                            errors=errors)
        if stats.get_value(SITE_BUSY):
            status, reason = "skipped", stats.get_value(SITE_BUSY)
        stats.set_value("archive/errors", errors)
        stats.set_value("archive/run_status", status)
        site = getattr(spider, "site_key", None)
        if site and getattr(spider, "uses_frontier", False):
            for state, count in self.archive.frontier_counts(site, self.run_id).items():
                stats.set_value(f"archive/frontier/{state}", count)
        figures = stats.get_stats()
        self.archive.finish_run(
            self.run_id, status, reason, errors=errors, stats=jsonable_stats(figures),
            requests=int(figures.get("downloader/request_count", 0)),
            responses=counts_under(figures, "downloader/response_status_count/"),
            health=counts_under(figures, "health/"),
        )
        if self.locked_site is not None:
            self.archive.release_site_lock(self.locked_site)
        health = self.archive.assess_run(
            self.run_id, self.crawler.settings.getint("ARCHIVE_HEALTH_HISTORY", 10))
        if health is not None:
            stats.set_value("archive/health_problems", [p.text for p in health.problems])
            for problem in health.problems:
                spider.logger.warning("site unhealthy: %s", problem.text)
        self.archive = None

    def _stats(self) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats


def error_count(stats: dict[str, Any]) -> int:
    return sum(int(stats.get(key, 0)) for key in ERROR_STATS)


def counts_under(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix):]: int(value) for key, value in stats.items()
            if key.startswith(prefix)}


def run_status(reason: str, *, captures: int, errors: int) -> str:
    if reason in ("shutdown", "closespider_timeout"):
        # Stopped before running out of work (Ctrl-C, SIGTERM, the wall-clock limit); the
        # frontier keeps what is left for the next run.
        return "interrupted"
    if reason != "finished" and not reason.startswith("closespider_"):
        return "failed"
    return "failed" if captures == 0 and errors > 0 else "finished"


def jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """Scrapy's stats as JSON can store them: datetimes as ISO 8601, anything else odd as str."""
    out: dict[str, Any] = {}
    for key, value in stats.items():
        if isinstance(value, datetime):
            value = value.isoformat()
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            value = str(value)
        out[str(key)] = value
    return out
