"""Site health after real crawls of the replica (a redesign that breaks the article list),
notifications to a real webhook with repeat suppression, and crawls that wait for a busy
site."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import open_archive
from crawler.replica import Replica
from tests.robotserver import RobotServer
from tests.schedule.helpers import BUILT_IN_SITES, ROOT, Setup

pytestmark = pytest.mark.slow


@pytest.fixture
def robot() -> Iterator[RobotServer]:
    server = RobotServer()
    yield server
    server.stop()


def test_a_redesigned_list_makes_the_site_unhealthy_and_is_notified_once(
        tmp_path: Path, robot: RobotServer) -> None:
    with Replica(sites=["d7760"]) as replica:
        hook = robot.url("/hook")
        setup = Setup(tmp_path, replica.base_urls,
                      extra=f'[[notify.webhook]]\nkind = "json"\nurl = "{hook}"\n')
        setup.site("d7760", None, source=BUILT_IN_SITES)

        first = setup.newsarchive("crawl", "d7760")
        assert first.returncode == 0, first.stderr[-2000:]
        assert "d7760: done (finished) in " in first.stderr  # progress, as plain lines
        check = setup.newsarchive("sites", "--check")
        assert check.returncode == 0 and check.stdout.endswith("sites healthy\n")

        replica.redesign("d7760")  # the list's class changes; the selector finds nothing
        replica.set_epoch(1)  # the next day
        broken = setup.newsarchive("crawl", "d7760")
        assert "unhealthy: no article links on 2 list page(s)" in broken.stdout
        check = setup.newsarchive("sites", "--check")
        assert check.returncode == 2
        assert check.stdout.startswith("d7760: no article links on 2 list page(s)")
        listing = setup.newsarchive("sites").stdout
        assert "UNHEALTHY: no article links" in next(
            line for line in listing.splitlines() if line.startswith("d7760"))
        [alert] = [post.json() for post in robot.posts]
        assert (alert["event"], alert["site"], alert["healthy"]) == (
            "site_unhealthy", "d7760", False)
        assert "no article links" in alert["reasons"][0]

        setup.newsarchive("crawl", "d7760", "--full")  # still broken: no second message
        assert len(robot.posts) == 1
        assert setup.newsarchive("sites", "--check").returncode == 2

        replica.redesign("d7760", False)
        fixed = setup.newsarchive("crawl", "d7760", "--full")
        assert "unhealthy" not in fixed.stdout
        assert [post.json()["event"] for post in robot.posts] == [
            "site_unhealthy", "site_recovered"]
        assert setup.newsarchive("sites", "--check").returncode == 0


HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from archive import open_archive
    with open_archive(sys.argv[1]) as arc:
        assert arc.acquire_site_lock("hanews") is None
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
        arc.release_site_lock("hanews")
""")


def hold_lock(setup: Setup, seconds: float) -> subprocess.Popen[str]:
    """Another process holding hanews's lock for ``seconds``; returns once it holds it."""
    setup.home.mkdir(exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(setup.home), str(seconds)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_crawl_with_wait_starts_when_the_site_is_free(tmp_path: Path) -> None:
    with Replica(sites=["hanews"]) as replica:
        setup = Setup(tmp_path, replica.base_urls)
        setup.site("hanews", None)
        holder = hold_lock(setup, 4)
        started = time.monotonic()
        waited = setup.newsarchive("crawl", "hanews", "--wait", "--progress", "off")
        assert holder.wait(10) == 0
    assert waited.returncode == 0, waited.stderr[-2000:]
    assert time.monotonic() - started >= 3  # it did wait for the holder
    assert waited.stderr.startswith(f"newsarchive: hanews is being crawled (pid {holder.pid} ")
    assert "waiting for it to finish" in waited.stderr
    runs = json.loads("[" + ",".join(setup.newsarchive(
        "runs", "--format", "jsonl").stdout.splitlines()) + "]")
    assert [(r["status"], r["trigger"]) for r in runs] == [("finished", "manual")]
    assert runs[0]["requests"] > 0 and runs[0]["responses"]["200"] > 0
    assert Path(runs[0]["log_path"]).read_text().count("Spider closed (finished)") == 1


def test_scrapy_crawl_of_a_busy_site_fetches_nothing_and_is_recorded_skipped(
        tmp_path: Path) -> None:
    with Replica(sites=["hanews"]) as replica:
        setup = Setup(tmp_path, replica.base_urls)
        setup.site("hanews", None)
        holder = hold_lock(setup, 60)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "scrapy", "crawl", "hanews",
                 "-s", f"CRAWL_BASE_URLS={json.dumps(replica.base_urls)}",
                 "-s", f"ARCHIVE_HOME={setup.home}"],
                cwd=ROOT, capture_output=True, text=True, timeout=120,
                env={"NEWSARCHIVE_SITES_DIR": str(setup.sites_dir), "PATH": "/usr/bin:/bin"})
        finally:
            holder.kill()
            holder.wait()
        assert done.returncode == 0, done.stderr[-3000:]
        assert replica.requests == []
    [run] = setup.runs("hanews")
    assert run.status == "skipped" and run.requests == 0
    assert (run.finish_reason or "").startswith(f"already running (pid {holder.pid} on ")


def test_a_crawl_stops_at_its_time_limit_and_leaves_the_rest_queued(tmp_path: Path) -> None:
    with Replica(sites=["hanews"]) as replica:
        setup = Setup(tmp_path, replica.base_urls,
                      settings={"DOWNLOAD_DELAY": 0.5, "CONCURRENT_REQUESTS_PER_DOMAIN": 1})
        setup.site("hanews", None)
        stopped = setup.newsarchive("crawl", "hanews", "--time-limit", "3s")
    assert stopped.returncode == 1
    assert "interrupted in " in stopped.stdout
    assert "hanews: done (closespider_timeout)" in stopped.stderr  # the progress line
    [run] = setup.runs("hanews")
    assert (run.status, run.finish_reason) == ("interrupted", "closespider_timeout")
    with open_archive(setup.home) as arc:
        assert arc.frontier_counts("hanews")["queued"] > 0
