"""The two entry points the CLI and the scheduler call: crawl one site, or capture given URLs.

Both block until their crawl ends.  They run Twisted's reactor, which cannot be restarted, so a
process may call one of them **once**; a second call raises RuntimeError.  Anything that runs
several crawls (the scheduler, tests) starts each in a child process.

Settings come from :mod:`crawler.settings` directly (``get_project_settings()`` would depend on
finding ``scrapy.cfg`` from the current directory), then the keyword arguments, then
``settings=`` overrides for anything else (e.g. ``{"DOWNLOAD_DELAY": 0}`` in tests).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.http import Response
from scrapy.settings import Settings

from archive import Archive, WriteResult, canonicalize, open_archive
from archive.locks import HEARTBEAT_EVERY, LockHolder, SiteBusy
from crawler.items import Page
from crawler.pipelines import TRIGGERS
from crawler.sites import BadSiteConfig, SiteConfig, load_site
from crawler.sites.browser import chromium_path
from crawler.spiders.add import ADD_INDEX, AddSpider
from crawler.spiders.site import SiteSpider

_reactor_used = False
ONE_CRAWL_PER_PROCESS = ("crawler.run: one crawl per process (Twisted's reactor cannot "
                         "restart); run each crawl in its own process")


class CrawlFailed(RuntimeError):
    """The crawl never got going (no run was recorded); the Scrapy log says why."""


@dataclass(frozen=True)
class RunSummary:
    """What one site crawl did, as recorded with its run."""

    run_id: int
    site: str
    status: str  # finished | interrupted | failed
    finish_reason: str | None  # Scrapy's: finished, shutdown, closespider_*, ...
    requests: int
    captures: int
    not_modified: int
    new_documents: int
    new_versions: int
    unchanged: int
    duplicates: int
    not_articles: int
    errors: int
    seconds: float
    frontier: dict[str, int] = field(default_factory=dict)  # URLs this run left in each state
    health_problems: tuple[str, ...] = ()  # why the site is unhealthy after this run
    log_path: str | None = None

    def describe(self) -> str:
        queued = self.frontier.get("queued", 0)
        return (
            f"run {self.run_id} ({self.site}): {self.status} in {self.seconds:.1f} s, "
            f"{self.requests} requests, {self.captures} pages captured"
            f"{f' ({self.not_modified} not modified)' if self.not_modified else ''}: "
            f"{self.new_documents} new, {self.new_versions} new versions, "
            f"{self.unchanged} unchanged, {self.duplicates} duplicates, "
            f"{self.not_articles} not articles; {self.errors} errors"
            f"{f'; {queued} URLs still queued' if queued else ''}"
            + "".join(f"\n  unhealthy: {problem}" for problem in self.health_problems)
            + (f"\n  log: {self.log_path}" if self.log_path else "")
        )


@dataclass(frozen=True)
class AddOutcome:
    """One given URL's fate: exactly one of ``result`` and ``error`` is set.

    An error page (4xx/5xx after retries) is still archived as a capture; it is reported as an
    error whose message names the capture."""

    url: str
    result: WriteResult | None = None
    error: str | None = None


def crawl_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(dict(overrides or {}), priority="cmdline")
    return settings


def crawl_site(
    site_key: str,
    *,
    home: str | os.PathLike[str] | None = None,
    db: str | None = None,
    sites_dir: str | os.PathLike[str] | None = None,
    trigger: str = "manual",
    full: bool = False,
    base_urls: Mapping[str, str] | None = None,
    settings: Mapping[str, Any] | None = None,
    wait: bool = False,
    on_wait: Callable[[LockHolder], None] | None = None,
) -> RunSummary:
    """Crawl one configured site into the archive; blocks; once per process.

    Raises UnknownSite / BadSiteConfig (before crawling), ArchiveUnavailable, SiteBusy (the
    site is being crawled and ``wait`` is false; recorded as a skipped run), CrawlFailed."""
    return crawl_sites([site_key], home=home, db=db, sites_dir=sites_dir, trigger=trigger,
                       full=full, base_urls=base_urls, settings=settings, wait=wait,
                       on_wait=on_wait)[0]


def crawl_sites(
    site_keys: Iterable[str],
    *,
    home: str | os.PathLike[str] | None = None,
    db: str | None = None,
    sites_dir: str | os.PathLike[str] | None = None,
    trigger: str = "manual",
    full: bool = False,
    base_urls: Mapping[str, str] | None = None,
    settings: Mapping[str, Any] | None = None,
    wait: bool = False,
    on_wait: Callable[[LockHolder], None] | None = None,
) -> list[RunSummary]:
    """Crawl several sites at once, one run each, in one reactor; blocks; once per process.

    ``base_urls`` maps real hosts to where their bytes are fetched from (the offline replica)
    while the archive records the real URLs.  ``full`` refetches every known page.  Each
    site's lock is held for the whole crawl (see :func:`holding_site_locks`)."""
    configs = [load_site(key, sites_dir) for key in site_keys]
    if trigger not in TRIGGERS:
        raise ValueError(f"trigger must be one of {', '.join(TRIGGERS)}, not {trigger!r}")
    if any(config.browser for config in configs):
        chromium_path()  # one clear line now rather than a browser launch failure later
    for config in configs:
        if config.hook:
            try:
                importlib.import_module(config.hook)
            except ImportError as exc:
                raise BadSiteConfig(f"{config.source or config.key}: hook {config.hook!r} "
                                    f"cannot be imported: {exc}") from None
    overrides = _location(settings, home, db)
    overrides["ARCHIVE_TRIGGER"] = trigger
    if full:
        overrides["CRAWL_FULL"] = True
    if base_urls:
        overrides["CRAWL_BASE_URLS"] = dict(base_urls)
    if sites_dir is not None:
        overrides["CRAWL_SITES_DIR"] = os.fspath(sites_dir)
    if _reactor_used:
        raise RuntimeError(ONE_CRAWL_PER_PROCESS)
    location = open_archive(overrides.get("ARCHIVE_HOME"), overrides.get("ARCHIVE_DB"))
    with location as arc, holding_site_locks(arc, configs, trigger, wait=wait, on_wait=on_wait):
        crawlers = _run([SiteSpider.for_site(config) for config in configs], overrides)
    return [_summary(crawler, config.key)
            for crawler, config in zip(crawlers, configs, strict=True)]


@contextmanager
def holding_site_locks(arc: Archive, configs: Sequence[SiteConfig], trigger: str, *,
                       wait: bool = False, on_wait: Callable[[LockHolder], None] | None = None,
                       poll_seconds: float = 2.0) -> Iterator[None]:
    """Hold every site's crawl lock while the body runs, with a heartbeat thread.

    A busy site is recorded as a ``skipped`` run and raises SiteBusy, unless ``wait``: then
    it polls until the holder is done (``on_wait`` is told who once)."""
    held: list[str] = []
    beat = threading.Event()

    def heartbeat() -> None:
        while not beat.wait(HEARTBEAT_EVERY.total_seconds()):
            try:
                arc.heartbeat_site_locks(held)
            except Exception as exc:  # a database hiccup must not kill the crawl
                logging.getLogger(__name__).warning("lock heartbeat failed: %s", exc)

    thread = threading.Thread(target=heartbeat, name="site-lock-heartbeat", daemon=True)
    try:
        for config in configs:
            told = False
            while (holder := arc.acquire_site_lock(config.key, config.name)) is not None:
                if not wait:
                    arc.record_skipped_run(config.key, trigger,
                                           f"already running ({holder.describe()})", config.name)
                    raise SiteBusy(holder)
                if on_wait is not None and not told:
                    on_wait(holder)
                    told = True
                time.sleep(poll_seconds)
            held.append(config.key)
        thread.start()
        yield
    finally:
        beat.set()
        for key in held:
            arc.release_site_lock(key)


def add_urls(
    urls: Iterable[str],
    *,
    home: str | os.PathLike[str] | None = None,
    db: str | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[AddOutcome]:
    """Capture each URL once (no site config); one AddOutcome per URL, in the given order.

    Blocks; once per process.  Raises archive.BadURL before crawling if any URL is not an
    absolute http(s) URL, ArchiveUnavailable if the archive cannot be opened."""
    given = list(urls)
    for url in given:
        canonicalize(url)
    if not given:
        return []
    overrides = _location(settings, home, db)
    overrides["ARCHIVE_TRIGGER"] = "add"
    collector = _AddCollector()
    crawler = _run([AddSpider], overrides, collector.connect, urls=given)[0]
    failures = getattr(crawler.spider, "failures", {})
    reason = (crawler.stats.get_value("finish_reason") if crawler.stats else None) or "unknown"
    return [collector.outcome(i, url, failures, reason) for i, url in enumerate(given)]


def _location(settings: Mapping[str, Any] | None, home: Any, db: str | None) -> dict[str, Any]:
    overrides = dict(settings or {})
    if home is not None:
        overrides["ARCHIVE_HOME"] = os.fspath(home)
    if db is not None:
        overrides["ARCHIVE_DB"] = db
    return overrides


def _run(spiderclasses: list[type[Spider]], overrides: dict[str, Any],
         before: Callable[[Crawler], None] | None = None, **spider_args: Any) -> list[Crawler]:
    global _reactor_used
    settings = crawl_settings(overrides)
    # Fail with the archive's one-line message now rather than inside the reactor.
    open_archive(settings.get("ARCHIVE_HOME") or None, settings.get("ARCHIVE_DB") or None).close()
    if _reactor_used:
        raise RuntimeError(ONE_CRAWL_PER_PROCESS)
    _reactor_used = True
    process = CrawlerProcess(settings)
    crawlers = []
    for spidercls in spiderclasses:
        crawler = process.create_crawler(spidercls)
        if before is not None:
            before(crawler)
        process.crawl(crawler, **spider_args)
        crawlers.append(crawler)
    process.start()
    return crawlers


def _summary(crawler: Crawler, site_key: str) -> RunSummary:
    stats = crawler.stats.get_stats() if crawler.stats else {}
    # Each crawl's own time: several sites crawl side by side in one reactor.
    seconds = float(stats.get("elapsed_time_seconds") or 0.0)
    run_id = stats.get("archive/run_id")
    if run_id is None:
        raise CrawlFailed(f"crawl of {site_key} did not start; see the log above")

    def outcome(name: str) -> int:
        return int(stats.get(f"archive/outcome/{name}", 0))

    return RunSummary(
        run_id=run_id,
        site=site_key,
        status=stats.get("archive/run_status", "failed"),
        finish_reason=stats.get("finish_reason"),
        requests=int(stats.get("downloader/request_count", 0)),
        captures=int(stats.get("archive/captures", 0)),
        not_modified=int(stats.get("crawl/not_modified", 0)),
        new_documents=outcome("new"),
        new_versions=outcome("new_version"),
        unchanged=outcome("unchanged"),
        duplicates=outcome("duplicate"),
        not_articles=outcome("not_article"),
        errors=int(stats.get("archive/errors", 0)),
        seconds=seconds,
        frontier={key.rsplit("/", 1)[1]: int(value) for key, value in stats.items()
                  if key.startswith("archive/frontier/")},
        health_problems=tuple(stats.get("archive/health_problems", ())),
        log_path=crawler.settings.get("LOG_FILE") or None,
    )


class _AddCollector:
    """Pages archived (``item_scraped``) and archive write failures (``item_error``), by index."""

    def __init__(self) -> None:
        self.pages: dict[int, Page] = {}
        self.write_errors: dict[int, str] = {}

    def connect(self, crawler: Crawler) -> None:
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    def item_scraped(self, item: Any, response: Response, **_: Any) -> None:
        if isinstance(item, Page) and ADD_INDEX in response.meta:
            self.pages[response.meta[ADD_INDEX]] = item

    def item_error(self, item: Any, response: Response, failure: Any, **_: Any) -> None:
        if ADD_INDEX in response.meta:
            text = str(failure.value).splitlines()[0] if str(failure.value) else ""
            self.write_errors[response.meta[ADD_INDEX]] = (
                f"archive write failed: {type(failure.value).__name__}: {text}"
            )

    def outcome(self, index: int, url: str, failures: dict[int, str], reason: str) -> AddOutcome:
        page = self.pages.get(index)
        if page is not None and page.result is not None:
            status = page.fetch.status
            if 200 <= status < 300:
                return AddOutcome(url, result=page.result)
            return AddOutcome(url, error=f"HTTP {status} {_phrase(status)} "
                                         f"(archived as capture {page.result.capture_id})")
        if index in self.write_errors:
            return AddOutcome(url, error=self.write_errors[index])
        if index in failures:
            return AddOutcome(url, error=failures[index])
        return AddOutcome(url, error=f"not fetched (crawl ended: {reason})")


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
