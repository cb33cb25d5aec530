"""Site health: is a site still yielding articles the way it used to?

A changed layout is the usual way a crawler silently loses data: the crawl "finishes", but
the list selector matches nothing, or article pages no longer hold an article.  Each run stores
its figures (``runs.health``: list pages parsed, article links found on them, article pages
fetched, articles extracted); :func:`assess` compares a run with the site's recent runs.
Nightly runs of an unchanged site legitimately find *no new* articles, so the rules look at
links per list page and extraction rates, not at how much was new.

Notification bookkeeping (:func:`due`) keeps what was last notified, so a problem is sent once,
again when it changes or after ``repeat_after``, and its recovery once.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

ASSESSED_STATUSES = ("finished", "failed")  # interrupted and skipped runs say nothing


@dataclass(frozen=True)
class RunFigures:
    run_id: int
    status: str
    finish_reason: str | None
    requests: int
    errors: int
    list_pages: int = 0  # list/proxy pages parsed with a 2xx
    article_links: int = 0  # article links found on them (known or new)
    article_pages: int = 0  # article pages fetched with a 2xx
    articles: int = 0  # of those, pages the cleaner read as an article

    @classmethod
    def of(cls, run_id: int, status: str, finish_reason: str | None, requests: int,
           errors: int, health: Mapping[str, Any]) -> RunFigures:
        def figure(name: str) -> int:
            return int(health.get(name) or 0)

        return cls(run_id, status, finish_reason, requests, errors, figure("list_pages"),
                   figure("article_links"), figure("article_pages"), figure("articles"))

    @property
    def error_rate(self) -> float:
        return self.errors / self.requests if self.requests else 0.0

    @property
    def links_per_list(self) -> float | None:
        return self.article_links / self.list_pages if self.list_pages else None


@dataclass(frozen=True)
class Problem:
    code: str  # stable across runs (what notifications compare)
    text: str  # one line, for people

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "text": self.text}


# Thresholds: a problem has to be clear, not a dip.
MIN_REQUESTS_FOR_RATE = 10
ERROR_RATE_ALONE = 0.5  # without history, this many failed requests is a problem
ERROR_RATE_FLOOR = 0.2  # with history, never complain below this
LINKS_DROP = 0.3  # links per list page below this share of the usual
MIN_HISTORY = 3
MIN_ARTICLE_PAGES = 3
EXTRACTION_FLOOR = 0.5


def judgeable(run: RunFigures) -> bool:
    """Whether the run says anything about the site: a night on which every list answered
    304 parsed nothing, and proves neither a problem nor a recovery."""
    if run.status == "failed":
        return True
    return run.status in ASSESSED_STATUSES and bool(run.list_pages or run.article_pages)


def assess(run: RunFigures, history: Sequence[RunFigures]) -> list[Problem]:
    """What is wrong with ``run``, judged against the site's previous runs (newest first)."""
    problems: list[Problem] = []
    if run.status == "failed":
        problems.append(Problem("run_failed", f"run {run.run_id} failed "
                                              f"({run.finish_reason or 'no pages archived'})"))
    if run.list_pages and not run.article_links:
        problems.append(Problem(
            "no_article_links",
            f"no article links on {run.list_pages} list page(s): the list layout or the "
            "site's article_links selector / article_pattern no longer matches"))
    if run.article_pages >= MIN_ARTICLE_PAGES \
            and run.articles < EXTRACTION_FLOOR * run.article_pages:
        problems.append(Problem(
            "articles_not_extracted",
            f"only {run.articles} of {run.article_pages} article pages held an article: the "
            "article layout may have changed"))
    past = [r for r in history if r.status in ASSESSED_STATUSES]
    if (problem := _error_rate(run, past)) is not None:
        problems.append(problem)
    if (problem := _links_drop(run, past)) is not None and not any(
            p.code == "no_article_links" for p in problems):
        problems.append(problem)
    return problems


def _error_rate(run: RunFigures, past: Sequence[RunFigures]) -> Problem | None:
    if run.requests < MIN_REQUESTS_FOR_RATE:
        return None
    rates = [r.error_rate for r in past if r.requests >= MIN_REQUESTS_FOR_RATE]
    rate = run.error_rate
    if len(rates) >= MIN_HISTORY:
        usual = statistics.median(rates)
        if rate < ERROR_RATE_FLOOR or rate <= max(2 * usual, usual + 0.15):
            return None
        return Problem("error_rate", f"{run.errors} of {run.requests} requests failed "
                                     f"({rate:.0%}; usually {usual:.0%})")
    if rate < ERROR_RATE_ALONE:
        return None
    return Problem("error_rate", f"{run.errors} of {run.requests} requests failed ({rate:.0%})")


def _links_drop(run: RunFigures, past: Sequence[RunFigures]) -> Problem | None:
    current = run.links_per_list
    usual_values = [v for r in past if (v := r.links_per_list) is not None]
    if current is None or len(usual_values) < MIN_HISTORY:
        return None
    usual = statistics.median(usual_values)
    if usual < 3 or current >= LINKS_DROP * usual:
        return None
    return Problem("article_links_dropped",
                   f"{current:.1f} article links per list page (usually {usual:.1f})")


@dataclass(frozen=True)
class HealthRecord:
    site: str
    healthy: bool
    problems: list[Problem] = field(default_factory=list)
    run_id: int | None = None
    checked_at: datetime | None = None


def due(healthy: bool, codes: Sequence[str], notified_healthy: bool | None,
        notified_codes: Sequence[str] | None, notified_at: datetime | None, now: datetime,
        repeat_after: timedelta) -> str | None:
    """Which notification is due: ``unhealthy``, ``repeat``, ``recovered`` or None.

    A site never reported unhealthy gets no "recovered"; a problem already reported is sent
    again only when its set of problems changes or ``repeat_after`` has passed."""
    if healthy:
        return "recovered" if notified_healthy is False else None
    if notified_healthy is not False or sorted(codes) != sorted(notified_codes or []):
        return "unhealthy"
    if notified_at is None or now - notified_at >= repeat_after:
        return "repeat"
    return None
