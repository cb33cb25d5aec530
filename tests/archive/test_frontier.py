"""The frontier: discovered URLs, their states, revisit planning; on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from archive import Archive, Discovery, Visit
from tests.archive.helpers import BODY, article, fetch

SITE = "hongze"
LIST = "https://www.hongze.gov.cn/col/col12187/index.html"
ART = "https://www.hongze.gov.cn/art/2024/7/24/art_12187_1.html"
WEEK = timedelta(days=7)


def test_discovered_urls_are_queued_once_and_keep_their_state(arc: Archive) -> None:
    run = arc.start_run(SITE, "manual")
    arc.discover(SITE, [Discovery(ART, "article", found_on=LIST)], run)
    arc.record(fetch(ART, "<p>x</p>"), article(ART, BODY), site=SITE, run_id=run,
               visit=Visit(ART, "article", WEEK))
    # Found again on another list page: still archived, not queued again.
    arc.discover(SITE, [Discovery(ART + "#top", "article", found_on=LIST)], run)

    known = arc.known_urls(SITE)
    assert list(known) == [ART]
    assert known[ART].state == "archived"
    assert arc.frontier_counts(SITE, run)["archived"] == 1


def test_capture_settles_state_validators_and_the_next_visit(arc: Archive) -> None:
    validators = [("ETag", '"abc"'), ("Last-Modified", "Wed, 24 Jul 2024 02:33:00 GMT")]
    page = replace(fetch(ART, "<p>x</p>"), headers=[("Content-Type", "text/html"), *validators])
    arc.record(page, article(ART, BODY), site=SITE, visit=Visit(ART, "article", WEEK))
    entry = arc.known_urls(SITE)[ART]
    assert (entry.etag, entry.last_modified) == ('"abc"', "Wed, 24 Jul 2024 02:33:00 GMT")
    assert entry.next_visit_at == page.fetched_at + WEEK

    # The same content again: unchanged, and the next look is twice as far off.
    again = replace(page, fetched_at=page.fetched_at + WEEK)
    arc.record(again, article(ART, BODY), site=SITE, visit=Visit(ART, "article", WEEK))
    entry = arc.known_urls(SITE)[ART]
    assert entry.state == "unchanged"
    assert entry.next_visit_at == again.fetched_at + 2 * WEEK


def test_error_pages_are_failed_with_the_status_and_count_failures(arc: Archive) -> None:
    arc.record(fetch(ART, "gone", status=404), site=SITE, visit=Visit(ART, "article", WEEK))
    arc.settle(SITE, ART, "article", "failed", reason="timed out")
    entry = arc.known_urls(SITE)[ART]
    assert (entry.state, entry.reason, entry.failures) == ("failed", "timed out", 2)


def test_skips_requeue_and_per_run_counts(arc: Archive) -> None:
    first = arc.start_run(SITE, "manual")
    arc.discover(SITE, [Discovery(LIST, "list"), Discovery(ART, "article")], first)
    arc.settle(SITE, "https://www.hongze.gov.cn/col/col12199/index.html", "list", "skipped",
               reason="refused by robots.txt", run_id=first)
    assert arc.frontier_counts(SITE, first) == {
        "queued": 2, "archived": 0, "unchanged": 0, "failed": 0, "skipped": 1}

    second = arc.start_run(SITE, "manual")
    arc.requeue(SITE, [ART], second)
    assert arc.frontier_counts(SITE, second)["queued"] == 1
    assert arc.frontier_counts(SITE)["queued"] == 2


def test_unknown_states_and_kinds_are_refused(arc: Archive) -> None:
    with pytest.raises(ValueError, match="frontier state"):
        arc.settle(SITE, ART, "article", "done")
    with pytest.raises(ValueError, match="frontier kind"):
        arc.discover(SITE, [Discovery(ART, "story")])
