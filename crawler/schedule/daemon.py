"""``newsarchive schedule``: the foreground daemon that crawls every site on its cron.

- APScheduler 3 ``BackgroundScheduler`` with the job store in the archive database
  (:mod:`crawler.schedule.jobs`): ``coalesce`` (nights missed while the daemon was down run
  once, not once per night), ``max_instances=1`` (a site still crawling is not started
  again: that firing is recorded as a skipped run), ``misfire_grace_time`` from the config (a
  run missed by more is recorded as skipped, so the history explains every missing night).
- Each crawl is a child process (``newsarchive crawl SITE --trigger scheduled``): Twisted's
  reactor cannot restart in one process, and browser sessions leak over long runs.  The
  child takes the site's lock like a manual crawl does; a wall-clock limit stops it
  (gracefully first).
- SIGTERM/SIGINT: no new crawls start, running children get SIGTERM (Scrapy finishes the
  requests in hand and the run is recorded ``interrupted``; the frontier keeps the rest for the
  next run), then the daemon exits 0.
- Each crawl reports its site's health itself (its output, relayed into the daemon's log,
  and webhooks / e-mail when configured; see :mod:`crawler.schedule.report`).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from datetime import timedelta
from types import FrameType

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobEvent,
    JobExecutionEvent,
    JobSubmissionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from archive import Archive
from archive.db import write_engine
from archive.timeutil import local
from crawler.config import Config
from crawler.schedule.jobs import JOB_FUNCTION, JOBS_TABLE, SitePlan, job_id, plan
from crawler.sites import SiteConfig

log = logging.getLogger("newsarchive.schedule")

# After SIGTERM a crawl finishes the requests in flight (each at most DOWNLOAD_TIMEOUT, 30 s,
# plus its page write); past this it is killed and the next run resumes from the frontier.
CHILD_GRACE = timedelta(seconds=90)
# The child stops itself at the time limit (CLOSESPIDER_TIMEOUT); the daemon steps in only if
# it has not ended this long after.
LIMIT_SLACK = timedelta(minutes=5)

_daemon: Daemon | None = None


def run_site(site: str) -> None:
    """The job function the store refers to (``crawler.schedule.daemon:run_site``)."""
    if _daemon is None:
        raise RuntimeError("run_site is called by the newsarchive schedule daemon only")
    _daemon.crawl(site)


class Daemon:
    def __init__(self, arc: Archive, config: Config, sites: Mapping[str, SiteConfig],
                 child_env: Mapping[str, str]) -> None:
        self.arc = arc
        self.config = config
        self.sites = dict(sites)
        self.child_env = dict(child_env)
        self.stopping = threading.Event()
        self._children: dict[str, subprocess.Popen[bytes]] = {}
        self._lock = threading.Lock()
        self.scheduler = BackgroundScheduler(
            # Writes begin IMMEDIATE on SQLite, as the archive's own do (see archive.db).
            jobstores={"default": SQLAlchemyJobStore(engine=write_engine(arc.engine),
                                                     tablename=JOBS_TABLE)},
            executors={"default": ThreadPoolExecutor(config.max_parallel)},
            job_defaults={"coalesce": True, "max_instances": 1,
                          "misfire_grace_time": int(config.misfire_grace.total_seconds())},
            timezone=config.tz,
        )
        self.scheduler.add_listener(self._job_event,
                                    EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED | EVENT_JOB_ERROR)

    # -- the daemon's life -----------------------------------------------------------------

    def serve(self) -> int:
        global _daemon
        _daemon = self
        self._recover_stale_locks()
        self.scheduler.start(paused=True)
        try:
            plans = self.sync_jobs()
            for site_plan in plans.values():
                job = self.scheduler.get_job(job_id(site_plan.site))
                next_run = local(job.next_run_time) if job and job.next_run_time else None
                log.info("%s: %s%s, next run %s", site_plan.site, site_plan.cron,
                         "" if site_plan.own_schedule else " (nightly default)",
                         f"{next_run:%Y-%m-%d %H:%M:%S %Z}" if next_run else "none")
            previous = {sig: signal.signal(sig, self._on_signal)
                        for sig in (signal.SIGTERM, signal.SIGINT)}
            self.scheduler.resume()
            log.info("scheduler running: %d site(s), at most %d crawl(s) at once",
                     len(plans), self.config.max_parallel)
            while not self.stopping.wait(1.0):
                pass
            log.info("stopping: letting running crawls finish the pages in hand")
            self.scheduler.pause()
            self._stop_children()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        finally:
            self.scheduler.shutdown(wait=True)
            _daemon = None
        log.info("scheduler stopped")
        return 0

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.stopping.is_set():
            log.warning("second %s: stopping crawls now", signal.Signals(signum).name)
            self._signal_children(signal.SIGKILL)
        self.stopping.set()

    def sync_jobs(self) -> dict[str, SitePlan]:
        """Make the stored jobs match the site configs: add new sites, reschedule changed
        crons, drop removed sites.  An unchanged job keeps its stored next run time, so a
        run missed while the daemon was down is still due."""
        plans = plan(self.sites, self.config)
        wanted = {job_id(key): p for key, p in plans.items()}
        for job in self.scheduler.get_jobs():
            if job.id not in wanted:
                log.info("%s: no longer configured; its job is removed", job.id)
                job.remove()
        for jid, site_plan in wanted.items():
            job = self.scheduler.get_job(jid)
            if job is None:
                self.scheduler.add_job(JOB_FUNCTION, site_plan.trigger, args=[site_plan.site],
                                       id=jid, name=f"crawl {site_plan.site}")
            elif repr(job.trigger) != repr(site_plan.trigger) or job.func_ref != JOB_FUNCTION:
                log.info("%s: schedule changed to %s", site_plan.site, site_plan.cron)
                self.scheduler.remove_job(jid)
                self.scheduler.add_job(JOB_FUNCTION, site_plan.trigger, args=[site_plan.site],
                                       id=jid, name=f"crawl {site_plan.site}")
        return plans

    def _recover_stale_locks(self) -> None:
        """Close what a killed daemon left behind: taking and dropping each free site's lock
        recovers locks of dead crawls and marks their runs interrupted."""
        for key, site in self.sites.items():
            if self.arc.acquire_site_lock(key, site.name) is None:
                self.arc.release_site_lock(key)

    # -- one crawl ---------------------------------------------------------------------------

    def crawl(self, site: str) -> None:
        if self.stopping.is_set():
            return
        command = [sys.executable, "-m", "crawler.cli.main", "crawl", site,
                   "--trigger", "scheduled", "--progress", "off"]
        limit = self.config.time_limit + LIMIT_SLACK
        log.info("%s: crawl starting", site)
        child = subprocess.Popen(command, env=self.child_env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, start_new_session=True)
        with self._lock:
            self._children[site] = child
        if self.stopping.is_set():  # the stop came between the check above and the start
            child.send_signal(signal.SIGTERM)
        reader = threading.Thread(target=_relay, args=(site, child), daemon=True)
        reader.start()
        try:
            code = child.wait(limit.total_seconds())
        except subprocess.TimeoutExpired:
            log.warning("%s: still running after %s: stopping it", site, limit)
            code = _terminate(child)
        finally:
            with self._lock:
                self._children.pop(site, None)
        reader.join(5)
        log.info("%s: crawl ended (exit status %s)", site, code)

    def _stop_children(self) -> None:
        self._signal_children(signal.SIGTERM)
        with self._lock:
            children = list(self._children.values())
        deadline = time.monotonic() + CHILD_GRACE.total_seconds()
        for child in children:
            try:
                child.wait(max(deadline - time.monotonic(), 0))
            except subprocess.TimeoutExpired:
                log.warning("crawl pid %d did not stop in %s: killing it", child.pid,
                            CHILD_GRACE)
                child.kill()

    def _signal_children(self, sig: int) -> None:
        with self._lock:
            for child in self._children.values():
                if child.poll() is None:
                    child.send_signal(sig)

    # -- runs that did not happen ------------------------------------------------------------

    def _job_event(self, event: JobEvent) -> None:
        site = event.job_id.removeprefix("crawl:")
        if event.code == EVENT_JOB_ERROR:
            assert isinstance(event, JobExecutionEvent)
            log.error("%s: job failed: %s", site, event.exception)
            return
        if site not in self.sites:
            return
        if event.code == EVENT_JOB_MAX_INSTANCES:
            assert isinstance(event, JobSubmissionEvent)
            reason = "already running (the previous scheduled crawl of this site is not done)"
        else:
            assert isinstance(event, JobExecutionEvent)
            due = local(event.scheduled_run_time)
            reason = (f"missed: due at {due:%Y-%m-%d %H:%M} while the scheduler was not "
                      f"running (more than misfire_grace {self.config.misfire_grace} ago)")
        log.warning("%s: scheduled run skipped: %s", site, reason)
        try:
            self.arc.record_skipped_run(site, "scheduled", reason, self.sites[site].name)
        except Exception as exc:  # the listener runs in the scheduler's thread: never raise
            log.error("%s: could not record the skipped run: %s", site, exc)


def _relay(site: str, child: subprocess.Popen[bytes]) -> None:
    """The child's own output (summary, one-line errors) into the daemon's log."""
    assert child.stdout is not None
    for raw in child.stdout:
        line = raw.decode("utf-8", "replace").rstrip()
        if line:
            bad = line.lstrip().startswith(("unhealthy:", "newsarchive: "))
            log.log(logging.WARNING if bad else logging.INFO, "%s: %s", site, line.strip())


def _terminate(child: subprocess.Popen[bytes]) -> int:
    child.send_signal(signal.SIGTERM)
    try:
        return child.wait(CHILD_GRACE.total_seconds())
    except subprocess.TimeoutExpired:
        child.kill()
        return child.wait()


def child_environment(home: str, db: str, sites_dir: str | None,
                      config_path: str | None) -> dict[str, str]:
    """What a crawl child needs to open the same archive and read the same config; the
    database URL goes in the environment, not the command line (``ps`` shows that)."""
    env = dict(os.environ)
    env["NEWSARCHIVE_HOME"] = home
    env["NEWSARCHIVE_DB"] = db
    if sites_dir:
        env["NEWSARCHIVE_SITES_DIR"] = sites_dir
    if config_path:
        env["NEWSARCHIVE_CONFIG"] = config_path
    return env
