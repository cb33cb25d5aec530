"""Per-site crawl locks across processes, on SQLite and PostgreSQL: one holder at a time,
dead holders recovered (and their runs closed), skipped runs recorded."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from archive import Archive, open_archive
from archive.locks import current_process
from archive.models import SiteLock
from archive.timeutil import now

HOLD = textwrap.dedent("""
    import sys, time
    from archive import open_archive
    arc = open_archive(sys.argv[1], sys.argv[2])
    assert arc.acquire_site_lock("hongze") is None
    run = arc.start_run("hongze", "scheduled")
    print(run, flush=True)
    time.sleep(float(sys.argv[3]))
    if sys.argv[4] == "release":
        arc.release_site_lock("hongze")
""")


def holder(db_url: str, home: Path, seconds: float, release: bool = True) -> tuple[
        subprocess.Popen[str], int]:
    """Another process holding hongze's lock, with a run started; returns it and the run id."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(home), db_url, str(seconds),
         "release" if release else "keep"], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    return child, int(child.stdout.readline())


def test_a_site_has_one_holder_until_it_releases(arc: Archive, db_url: str,
                                                 tmp_path: Path) -> None:
    child, run_id = holder(db_url, tmp_path / "home", 30)
    try:
        busy = arc.acquire_site_lock("hongze")
        assert busy is not None and busy.pid == child.pid and busy.run_id == run_id
        assert f"run {run_id}, pid {child.pid}" in busy.describe()
        assert arc.acquire_site_lock("d7760") is None  # other sites are free
    finally:
        child.kill()
        child.wait()


def test_a_released_lock_is_free_and_reentrant_for_its_holder(arc: Archive) -> None:
    assert arc.acquire_site_lock("hongze") is None
    assert arc.acquire_site_lock("hongze") is None  # the same process again
    arc.release_site_lock("hongze")
    with open_archive(arc.home, arc.db_url) as other:
        assert other.acquire_site_lock("hongze") is None


def test_a_lock_left_by_a_killed_process_is_recovered_and_its_run_interrupted(
        arc: Archive, db_url: str, tmp_path: Path) -> None:
    child, run_id = holder(db_url, tmp_path / "home", 60, release=False)
    child.kill()  # SIGKILL: no chance to release or finish the run
    child.wait()
    assert [r.status for r in arc.runs(site="hongze")] == ["running"]
    assert arc.acquire_site_lock("hongze") is None
    [run] = arc.runs(site="hongze")
    assert (run.id, run.status) == (run_id, "interrupted")
    assert f"process died (pid {child.pid} on" in (run.finish_reason or "")


def test_a_holder_on_another_host_is_stale_only_when_its_heartbeat_is_old(arc: Archive) -> None:
    assert arc.acquire_site_lock("hongze") is None
    me = current_process()

    def as_other_host(heartbeat_age: timedelta) -> None:
        with arc.engine.begin() as connection:
            connection.execute(update(SiteLock).values(
                owner="crawler-2:4242:x", host="crawler-2", pid=4242,
                heartbeat_at=now() - heartbeat_age))

    as_other_host(timedelta(minutes=1))
    busy = arc.acquire_site_lock("hongze", stale_after=timedelta(hours=1))
    assert busy is not None and busy.host == "crawler-2"
    as_other_host(timedelta(minutes=30))
    assert arc.acquire_site_lock("hongze", stale_after=timedelta(minutes=10)) is None
    arc.heartbeat_site_locks(["hongze"])
    with arc.engine.connect() as connection:
        owner = connection.execute(SiteLock.__table__.select()).one().owner
    assert owner == me.owner


def test_a_refused_crawl_is_recorded_as_a_skipped_run(arc: Archive) -> None:
    run_id = arc.record_skipped_run("hongze", "scheduled", "already running (run 3)")
    [run] = arc.runs(site="hongze")
    assert (run.id, run.status, run.trigger) == (run_id, "skipped", "scheduled")
    assert run.finish_reason == "already running (run 3)" and run.seconds == 0
