"""The product end to end on the offline replica: `newsarchive demo` twice, config-only sites,
revisits with conditional requests, and a crawl killed hard and resumed.

Crawls run in child processes (the reactor cannot restart); the replica serves from this
process except where `newsarchive demo` starts its own."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive import canonicalize, open_archive
from archive.models import Capture, Content, Document, FrontierEntry, Run
from crawler.demo import DEMO_SITES
from crawler.replica import Replica
from tests.crawler.truth import mismatches

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXTRA_SITES = ROOT / "crawler" / "replica" / "extra_sites"
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 4}


def newsarchive(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler.cli.main", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def crawl_code(site: str, home: Path, base_urls: dict[str, str], sites_dir: Path | None = None,
               **settings: Any) -> str:
    return textwrap.dedent(f"""
        from crawler.run import crawl_site
        summary = crawl_site({site!r}, home={str(home)!r}, base_urls={base_urls!r},
                             sites_dir={str(sites_dir) if sites_dir else None!r},
                             settings={ {**FAST, "LOG_LEVEL": "WARNING", **settings}!r})
        print(summary.describe())
    """)


def crawl(site: str, home: Path, replica: Replica, sites_dir: Path | None = None,
          **settings: Any) -> str:
    proc = subprocess.run([sys.executable, "-c", crawl_code(site, home, replica.base_urls,
                                                             sites_dir, **settings)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def run_stats(home: Path) -> list[tuple[str, dict[str, Any], Run]]:
    with open_archive(home) as arc, Session(arc.engine) as session:
        rows = session.execute(select(Run).order_by(Run.id)).scalars().all()
        keys = {site.key: site for site in arc.sites()}
        by_id = {}
        for key in keys:
            for record in arc.runs(site=key):
                by_id[record.id] = key
        return [(by_id.get(run.id, ""), run.stats, run) for run in rows]


# -- newsarchive demo, twice -----------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    home = tmp_path_factory.mktemp("demo") / "home"
    first = newsarchive("demo", "--home", str(home))
    assert first.returncode == 0, first.stderr[-3000:]
    second = newsarchive("demo", "--home", str(home))
    assert second.returncode == 0, second.stderr[-3000:]
    yield home, first.stdout, second.stdout


def test_demo_archives_every_article_of_the_five_sites_as_the_replica_wrote_it(
        demo: tuple[Path, str, str]) -> None:
    home, first, _ = demo
    for site in DEMO_SITES:
        assert site in first
    assert "Sample query" in first
    replica = Replica(epoch=1, sites=DEMO_SITES)  # the state the second run saw
    truths = [truth for site in DEMO_SITES for truth in replica.truth(site)]
    assert len(truths) >= 5 * 30
    with open_archive(home) as arc:
        assert mismatches(arc, truths) == []


def test_the_syndicated_story_is_stored_once_and_linked(demo: tuple[Path, str, str]) -> None:
    home, _, _ = demo
    [copy] = [t for t in Replica(sites=DEMO_SITES).truth() if t.copy_of]
    with open_archive(home) as arc, Session(arc.engine) as session:
        docs = {d.canonical_url: d for d in session.execute(select(Document)).scalars()}
        original, duplicate = docs[canonicalize(copy.copy_of)], docs[canonicalize(copy.url)]
        assert original.content_hash == duplicate.content_hash
        # Whichever was archived first owns the text; the other points at it.
        assert {original.duplicate_of, duplicate.duplicate_of} in (
            {None, original.id}, {None, duplicate.id})
        bodies = session.execute(select(func.count()).select_from(Content)
                                 .where(Content.content_hash == original.content_hash))
        assert bodies.scalar_one() == 1


def test_robots_txt_is_respected_and_recorded(demo: tuple[Path, str, str]) -> None:
    home, _, _ = demo
    hidden = {canonicalize(url) for url in Replica(sites=DEMO_SITES).hidden_urls()}
    assert hidden
    with open_archive(home) as arc, Session(arc.engine) as session:
        captured = set(session.execute(select(Capture.canonical_url)).scalars())
        assert not captured & hidden
        refused = dict(session.execute(
            select(FrontierEntry.url, FrontierEntry.reason).where(FrontierEntry.state == "skipped")
        ).all())
    assert any(refused.get(url) == "refused by robots.txt" for url in hidden)
    shown = newsarchive("--home", str(home), "frontier", "hongze", "--state", "skipped")
    assert shown.returncode == 0, shown.stderr
    assert "skipped 1" in shown.stdout.splitlines()[0]
    assert "refused by robots.txt" in shown.stdout


def test_the_second_demo_run_is_incremental(demo: tuple[Path, str, str]) -> None:
    home, _, second = demo
    assert "replica day 2" in second
    runs = run_stats(home)
    assert len(runs) == 2 * len(DEMO_SITES)
    first_runs, second_runs = runs[:len(DEMO_SITES)], runs[len(DEMO_SITES):]
    requests = [sum(stats["downloader/request_count"] for _, stats, _ in batch)
                for batch in (first_runs, second_runs)]
    assert requests[1] < 0.2 * requests[0], requests
    assert [(run.new_documents, run.duplicates) for _, _, run in second_runs] == [(0, 0)] * 5
    assert {key: run.new_versions for key, _, run in second_runs if run.new_versions} == {
        "laserfair": 1}
    [corrected] = [t for t in Replica(epoch=1, sites=["laserfair"]).truth("laserfair")
                   if t.body != _by_url(Replica(epoch=0, sites=["laserfair"]), t.url).body]
    with open_archive(home) as arc:
        [doc] = [d for d in arc.documents(site="laserfair")
                 if d.canonical_url == canonicalize(corrected.url)]
        assert doc.versions == 2


def test_the_javascript_list_was_rendered_by_chromium_and_its_pages_closed(
        demo: tuple[Path, str, str]) -> None:
    home, _, _ = demo
    [(_, stats, _)] = [r for r in run_stats(home)[:5] if r[0] == "xichu"]
    assert stats["playwright/page_count"] >= 2
    assert stats["playwright/page_count/closed"] == stats["playwright/page_count"]


def _by_url(replica: Replica, url: str) -> Any:
    return next(t for t in replica.truth() if t.url == url)


# -- a site added as one config file -----------------------------------------------------------

@pytest.mark.parametrize("site", ["sqgxj", "hanews"])
def test_a_site_added_as_one_config_file_is_crawled_without_code(site: str,
                                                                 tmp_path: Path) -> None:
    sites_dir = tmp_path / "my-sites"
    sites_dir.mkdir()
    shutil.copy(EXTRA_SITES / f"{site}.toml", sites_dir)
    home = tmp_path / "home"
    with Replica(sites=[site]) as replica:
        base = replica.base_urls
        [host] = base
        done = newsarchive("--home", str(home), "--sites-dir", str(sites_dir), "crawl", site,
                           "--base-url", base[host])
        assert done.returncode == 0, done.stderr[-3000:]
        with open_archive(home) as arc:
            assert mismatches(arc, replica.truth(site)) == []


# -- revisits: conditional requests, a view counter, --full ------------------------------------

def test_due_revisits_are_conditional_and_a_view_counter_makes_no_version(tmp_path: Path) -> None:
    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    config = (ROOT / "crawler" / "sites" / "d7760.toml").read_text(encoding="utf-8")
    (sites_dir / "d7760.toml").write_text('revisit_after = "0s"\n' + config, encoding="utf-8")
    home = tmp_path / "home"
    with Replica(sites=["d7760"]) as replica:
        crawl("d7760", home, replica, sites_dir)
        articles = {urlsplit(t.url).path for t in replica.truth("d7760")}
        replica.set_epoch(1)  # the next day: one view counter went up
        replica.clear_requests()
        second = crawl("d7760", home, replica, sites_dir)
        revisits = [r for r in replica.requests if r.path in articles]
        assert len(revisits) == len(articles)
        assert all("If-None-Match" in r.headers for r in revisits)
        assert sorted(r.status for r in revisits) == [200] + [304] * (len(articles) - 1)
        assert "0 new, 0 new versions, 1 unchanged" in second

        replica.clear_requests()
        full = crawl("d7760", home, replica, sites_dir, CRAWL_FULL=True)
        assert [r.path for r in replica.requests if "If-None-Match" in r.headers] == []
        assert f"0 new, 0 new versions, {len(articles)} unchanged" in full


# -- a crawl killed hard resumes from the frontier ---------------------------------------------

def test_a_crawl_killed_hard_resumes_without_refetching_what_was_archived(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Replica(sites=["haiying"]) as replica:
        code = crawl_code("haiying", home, replica.base_urls, DOWNLOAD_DELAY=0.1,
                          CONCURRENT_REQUESTS_PER_DOMAIN=1)
        child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for_captures(home, 12, child)
            os.kill(child.pid, signal.SIGKILL)  # no chance to clean up
        finally:
            child.wait(timeout=30)
        with open_archive(home) as arc:
            assert arc.frontier_counts("haiying")["queued"] > 0

        crawl("haiying", home, replica)
        with open_archive(home) as arc, Session(arc.engine) as session:
            assert mismatches(arc, replica.truth("haiying")) == []
            per_url = session.execute(
                select(Capture.canonical_url, func.count()).where(Capture.document_id.is_not(None))
                .group_by(Capture.canonical_url)).all()
            assert per_url and all(n == 1 for _, n in per_url)  # no article fetched twice
            assert arc.frontier_counts("haiying")["queued"] == 0
            killed, resumed = sorted(arc.runs(site="haiying"), key=lambda r: r.id)
        # The killed crawl's lock was recovered and its run closed, not left "running".
        assert killed.status == "interrupted"
        assert f"process died (pid {child.pid}" in (killed.finish_reason or "")
        assert resumed.status == "finished"


def _wait_for_captures(home: Path, count: int, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    database = home / "archive.sqlite3"
    while time.monotonic() < deadline:
        assert child.poll() is None, "the crawl ended before it could be killed"
        if database.exists():
            with open_archive(home) as arc, Session(arc.engine) as session:
                n = session.execute(select(func.count()).select_from(Capture)).scalar_one()
            if n >= count:
                return
        time.sleep(0.1)
    raise AssertionError(json.dumps({"captures": "never reached", "wanted": count}))


def test_scrapy_crawl_runs_the_same_site_spider(tmp_path: Path) -> None:
    sites_dir = tmp_path / "my-sites"
    sites_dir.mkdir()
    shutil.copy(EXTRA_SITES / "hanews.toml", sites_dir)
    home = tmp_path / "home"
    with Replica(sites=["hanews"]) as replica:
        done = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "hanews",
             "-s", f"CRAWL_BASE_URLS={json.dumps(replica.base_urls)}",
             "-s", f"ARCHIVE_HOME={home}", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=0"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
            env={**os.environ, "NEWSARCHIVE_SITES_DIR": str(sites_dir)})
        assert done.returncode == 0, done.stderr[-3000:]
        with open_archive(home) as arc:
            assert mismatches(arc, replica.truth("hanews")) == []


def test_sitemaps_named_in_robots_txt_find_a_correction_without_configuration(
        tmp_path: Path) -> None:
    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    config = (ROOT / "crawler" / "sites" / "laserfair.toml").read_text(encoding="utf-8")
    bare = "\n".join(line for line in config.splitlines()
                     if not line.startswith(("sitemaps", "feeds")))
    (sites_dir / "laserfair.toml").write_text(bare + "\n", encoding="utf-8")
    home = tmp_path / "home"
    with Replica(sites=["laserfair"]) as replica:
        crawl("laserfair", home, replica, sites_dir)
        replica.set_epoch(1)
        replica.clear_requests()
        second = crawl("laserfair", home, replica, sites_dir)
        assert "/sitemap.xml" in {r.path for r in replica.requests}
    assert "0 new, 1 new versions" in second
