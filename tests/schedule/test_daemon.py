"""`newsarchive schedule` as an operator runs it: a real daemon process, crawl children,
the replica on 127.0.0.1, and schedules in seconds."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, create_engine, func, select, update
from sqlalchemy.orm import Session

from archive import open_archive
from archive.models import Capture
from archive.timeutil import SHANGHAI
from crawler.replica import Replica
from crawler.schedule.jobs import JOBS_TABLE
from tests.crawler.truth import mismatches
from tests.schedule.helpers import Setup, finished, scheduled

pytestmark = pytest.mark.slow

# Slow enough that a crawl of hanews (17 requests) outlasts a 2-second schedule.
SLOW = {"DOWNLOAD_DELAY": 0.4, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    with Replica(sites=["hanews", "sqgxj"]) as served:
        yield served


def test_jobs_fire_per_site_never_overlap_and_a_manual_crawl_is_refused(
        tmp_path: Path, replica: Replica) -> None:
    setup = Setup(tmp_path, replica.base_urls, settings=SLOW)
    setup.site("hanews", "*/2 * * * * *")
    setup.site("sqgxj", "*/3 * * * * *")
    daemon = setup.start_daemon()
    try:
        running = setup.wait_for(
            "a scheduled hanews crawl", lambda: [r for r in setup.runs("hanews")
                                                 if r.status == "running"], daemon=daemon)[0]
        manual = setup.newsarchive("crawl", "hanews")
        assert manual.returncode == 75
        [line] = manual.stderr.splitlines()
        assert line.startswith(f"newsarchive: error: hanews is already being crawled "
                               f"(run {running.id}, pid ")
        assert line.endswith("; try again later, or use --wait")

        def both_sites_done() -> bool:
            return all(finished(setup, site) for site in ("hanews", "sqgxj"))

        setup.wait_for("a finished scheduled run of each site", both_sites_done, daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0
    hanews = setup.runs("hanews")
    skipped = [r for r in hanews if r.status == "skipped"]
    assert any(r.trigger == "manual" and "already running" in (r.finish_reason or "")
               for r in skipped)  # the refused manual crawl explains itself
    assert any(r.trigger == "scheduled" and "already running" in (r.finish_reason or "")
               for r in skipped)  # so do the firings that found the last crawl still going
    crawls = scheduled(hanews)
    for earlier, later in itertools.pairwise(crawls):
        assert earlier.finished_at is not None and earlier.finished_at <= later.started_at
    assert "scheduler stopped" in setup.log()


def test_sigterm_mid_crawl_interrupts_cleanly_and_the_next_run_resumes(
        tmp_path: Path, replica: Replica) -> None:
    setup = Setup(tmp_path, replica.base_urls, settings=SLOW)
    setup.site("hanews", "*/2 * * * * *")
    replica.clear_requests()
    daemon = setup.start_daemon()

    def mid_crawl() -> bool:
        runs = scheduled(setup.runs("hanews"))
        return bool(runs) and runs[-1].status == "running" and runs[-1].captures >= 5

    try:
        setup.wait_for("a crawl half done", mid_crawl, daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0
    [stopped] = scheduled(setup.runs("hanews"))
    assert stopped.status == "interrupted" and stopped.finish_reason == "shutdown"
    with open_archive(setup.home) as arc:
        assert arc.frontier_counts("hanews")["queued"] > 0
        assert arc.acquire_site_lock("hanews") is None  # released on the way out
        arc.release_site_lock("hanews")
        for run in arc.runs(site="hanews"):
            assert run.status != "running"

    daemon = setup.start_daemon()
    try:
        setup.wait_for("the next run to finish", lambda: finished(setup, "hanews"), daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0
    with open_archive(setup.home) as arc, Session(arc.engine) as session:
        assert mismatches(arc, replica.truth("hanews")) == []
        per_url = session.execute(
            select(Capture.canonical_url, func.count()).where(Capture.document_id.is_not(None))
            .group_by(Capture.canonical_url)).all()
        assert per_url and all(n == 1 for _, n in per_url)  # nothing archived was refetched
        for sha in session.execute(select(Capture.blob_sha256)).scalars():
            arc.raw(sha)  # every capture's bytes are there
    article_paths = [r.path for r in replica.requests if "/economy/20" in r.path]
    assert len(article_paths) == len(set(article_paths))


def move_next_run(setup: Setup, site: str, when: datetime) -> None:
    """What a daemon that was down since ``when`` finds in its job store (edited the way
    APScheduler's SQLAlchemyJobStore writes it: a pickled state and a timestamp column)."""
    engine = create_engine(f"sqlite:///{setup.home / 'archive.sqlite3'}")
    jobs = Table(JOBS_TABLE, MetaData(), autoload_with=engine)
    with engine.begin() as connection:
        state = pickle.loads(connection.execute(
            select(jobs.c.job_state).where(jobs.c.id == f"crawl:{site}")).scalar_one())
        state["next_run_time"] = when
        connection.execute(update(jobs).where(jobs.c.id == f"crawl:{site}").values(
            job_state=pickle.dumps(state), next_run_time=when.timestamp()))
    engine.dispose()


def register_jobs(setup: Setup) -> None:
    started = setup.log().count("scheduler running") if setup.daemon_log.exists() else 0
    daemon = setup.start_daemon()
    try:
        setup.wait_for("the scheduler to start",
                       lambda: setup.log().count("scheduler running") > started, daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0


def daemon_down(tmp_path: Path, replica: Replica, *, nights: int,
                grace: str) -> tuple[Setup, datetime]:
    """hanews is due at the time of day three hours ago; the daemon has been down since that
    time ``nights`` nights ago."""
    due = datetime.now(SHANGHAI) - timedelta(hours=3)
    setup = Setup(tmp_path, replica.base_urls, extra=f'[schedule]\nmisfire_grace = "{grace}"\n')
    setup.site("hanews", f"{due.minute} {due.hour} * * *")
    register_jobs(setup)
    move_next_run(setup, "hanews", due - timedelta(days=nights))
    return setup, due


def test_nights_missed_while_the_daemon_was_down_run_once(tmp_path: Path,
                                                          replica: Replica) -> None:
    setup, due = daemon_down(tmp_path, replica, nights=3, grace="7d")
    daemon = setup.start_daemon()
    try:
        setup.wait_for("the missed run", lambda: finished(setup, "hanews"), daemon=daemon)
        listing = setup.newsarchive("schedule", "--list")
    finally:
        assert setup.stop_daemon(daemon) == 0
    assert [r.status for r in setup.runs("hanews")] == ["finished"]  # one run, not four
    row = next(line for line in listing.stdout.splitlines() if line.startswith("hanews"))
    tomorrow = (due + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert row.split()[-2:] == tomorrow.split()  # and the next is tomorrow's


def test_a_run_missed_beyond_the_grace_time_is_recorded_as_skipped(tmp_path: Path,
                                                                   replica: Replica) -> None:
    setup, due = daemon_down(tmp_path, replica, nights=1, grace="1h")
    daemon = setup.start_daemon()
    try:
        [missed] = setup.wait_for("the skipped run", lambda: setup.runs("hanews"),
                                  daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0
    assert (missed.status, missed.trigger) == ("skipped", "scheduled")
    assert (missed.finish_reason or "").startswith(f"missed: due at {due:%Y-%m-%d %H:%M}")


def test_a_changed_schedule_is_picked_up_when_the_daemon_restarts(tmp_path: Path,
                                                                  replica: Replica) -> None:
    setup = Setup(tmp_path, replica.base_urls)
    setup.site("hanews", "0 3 * * *")
    register_jobs(setup)
    setup.site("hanews", "30 4 * * 1-5")

    def hanews_row() -> str:
        listing = setup.newsarchive("schedule", "--list").stdout
        return next(line for line in listing.splitlines() if line.startswith("hanews"))

    assert hanews_row().endswith("03:00 (config changed: restart the daemon)")
    register_jobs(setup)
    row = hanews_row()
    assert "30 4 * * 1-5" in row and row.endswith("04:30") and "changed" not in row


@pytest.mark.postgres
def test_the_daemon_keeps_its_jobs_and_runs_crawls_on_postgresql(
        tmp_path: Path, replica: Replica, pg_url: str) -> None:
    setup = Setup(tmp_path, replica.base_urls, db=pg_url)
    setup.site("hanews", "*/2 * * * * *")
    daemon = setup.start_daemon()
    try:
        setup.wait_for("a finished scheduled run", lambda: finished(setup, "hanews"), daemon=daemon)
    finally:
        assert setup.stop_daemon(daemon) == 0
    listing = setup.newsarchive("schedule", "--list").stdout
    row = next(line for line in listing.splitlines() if line.startswith("hanews"))
    assert "not registered" not in row  # the job is stored in PostgreSQL
    assert not (setup.home / "archive.sqlite3").exists()
