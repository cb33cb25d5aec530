"""Site health: which runs make a site unhealthy, and when a notification is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from archive import Archive
from archive.health import RunFigures, assess, due

_ids = iter(range(1, 10_000))


def run(*, status: str = "finished", requests: int = 60, errors: int = 0, list_pages: int = 4,
        article_links: int = 80, article_pages: int = 20, articles: int = 20) -> RunFigures:
    return RunFigures(next(_ids), status, status, requests, errors, list_pages, article_links,
                      article_pages, articles)


NORMAL = [run() for _ in range(5)]


def codes(current: RunFigures, history: list[RunFigures] = NORMAL) -> list[str]:
    return [p.code for p in assess(current, history)]


def test_a_normal_run_and_a_quiet_incremental_night_are_healthy() -> None:
    assert codes(run()) == []
    # Nothing new and every list page answered 304: no list parsed, no article fetched.
    assert codes(run(requests=3, list_pages=0, article_links=0, article_pages=0,
                     articles=0)) == []


def test_list_pages_without_article_links_mean_the_layout_changed() -> None:
    [problem] = assess(run(article_links=0, article_pages=0, articles=0), NORMAL)
    assert problem.code == "no_article_links" and "4 list page(s)" in problem.text


def test_article_pages_without_articles_mean_the_article_layout_changed() -> None:
    assert codes(run(article_pages=20, articles=3)) == ["articles_not_extracted"]
    assert codes(run(article_pages=2, articles=0)) == []  # too few to judge


def test_a_failed_run_is_a_problem() -> None:
    assert "run_failed" in codes(run(status="failed", requests=12, errors=12, list_pages=0,
                                     article_links=0, article_pages=0, articles=0))


def test_error_rate_is_judged_against_the_sites_own_history() -> None:
    flaky = [run(errors=12) for _ in range(5)]  # this site always loses ~20%
    assert codes(run(errors=15), flaky) == []
    assert codes(run(errors=15), NORMAL) == ["error_rate"]
    assert codes(run(errors=5), NORMAL) == []  # 8%: under the floor
    assert codes(run(errors=20), []) == []  # 33% with no history: not yet
    assert codes(run(errors=40), []) == ["error_rate"]


def test_far_fewer_links_per_list_page_than_usual_is_a_problem() -> None:
    assert codes(run(article_links=12)) == ["article_links_dropped"]  # 3 a page, usually 20
    assert codes(run(article_links=60)) == []
    assert codes(run(article_links=12), NORMAL[:2]) == []  # not enough history


def test_interrupted_runs_are_not_history() -> None:
    history = [run(status="interrupted", article_links=400) for _ in range(5)]
    assert codes(run(article_links=12), history) == []


T0 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
DAY = timedelta(hours=24)


def test_notifications_are_sent_once_per_problem_then_repeated_then_recovered() -> None:
    assert due(True, [], None, None, None, T0, DAY) is None  # never ill: nothing to say
    assert due(False, ["no_article_links"], None, None, None, T0, DAY) == "unhealthy"
    reported = (False, ["no_article_links"], T0)
    assert due(False, ["no_article_links"], *reported, T0 + timedelta(hours=2), DAY) is None
    assert due(False, ["no_article_links"], *reported, T0 + DAY, DAY) == "repeat"
    assert due(False, ["no_article_links", "error_rate"], *reported,
               T0 + timedelta(hours=2), DAY) == "unhealthy"  # a new problem
    assert due(True, [], *reported, T0 + timedelta(hours=2), DAY) == "recovered"
    assert due(True, [], True, [], T0, T0 + timedelta(hours=2), DAY) is None


def test_assessed_health_is_stored_per_site_and_ignores_interrupted_runs(arc: Archive) -> None:
    figures = {"list_pages": 2, "article_links": 40, "article_pages": 10, "articles": 10}
    good = arc.start_run("d7760", "scheduled")
    arc.finish_run(good, "finished", "finished", requests=13, health=figures)
    assert arc.assess_run(good) is not None
    assert arc.site_health()["d7760"].healthy
    assert arc.notification_due("d7760", DAY) is None

    broken = arc.start_run("d7760", "scheduled")
    arc.finish_run(broken, "finished", "finished", requests=3,
                   health={"list_pages": 2, "article_links": 0})
    record = arc.assess_run(broken)
    assert record is not None and not record.healthy
    stored = arc.site_health()["d7760"]
    assert (stored.healthy, stored.run_id) == (False, broken)
    assert [p.code for p in stored.problems] == ["no_article_links"]

    kind, _ = arc.notification_due("d7760", DAY) or ("", None)
    assert kind == "unhealthy"
    arc.mark_notified("d7760", stored)
    assert arc.notification_due("d7760", DAY) is None
    assert arc.notification_due("d7760", timedelta(0)) is not None  # repeat window passed

    quiet = arc.start_run("d7760", "scheduled")  # every list answered 304: proves nothing
    arc.finish_run(quiet, "finished", "finished", requests=3, health={})
    assert arc.assess_run(quiet) is None
    assert not arc.site_health()["d7760"].healthy

    stopped = arc.start_run("d7760", "manual")
    arc.finish_run(stopped, "interrupted", "shutdown")
    assert arc.assess_run(stopped) is None
    assert arc.site_health()["d7760"].run_id == broken
