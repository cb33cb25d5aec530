"""The scored metadata set: each field right on at least MIN_SHARE of the pages.

`python -m tests.cleaning.test_metadata_set` prints the shares and the misses.
"""

from __future__ import annotations

from datetime import datetime

from archive.cleaning.article import Article
from archive.cleaning.metadata import SHANGHAI
from archive.cleaning.pipeline import clean
from tests.cleaning.metadata_set import CASES, FETCHED_AT, Case

# A floor, never lowered silently: the set scores 100% on every field today.
MIN_SHARE = 0.9
FIELDS = ("published", "source", "author")


def _expected_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)


def _clean(case: Case) -> Article:
    return clean(case.html.encode("utf-8"), case.url, fetched_at=FETCHED_AT)


def _right(case: Case, article: Article, name: str) -> bool:
    if name == "published":
        return article.published == _expected_time(case.published)
    return bool(getattr(article, name) == getattr(case, name))


def field_scores() -> tuple[dict[str, float], list[str]]:
    """The share of cases each field is right on, and the misses as `case: field`."""
    misses: list[str] = []
    right = dict.fromkeys(FIELDS, 0)
    for case in CASES:
        article = _clean(case)
        for name in FIELDS:
            if _right(case, article, name):
                right[name] += 1
            else:
                misses.append(f"{case.name}: {name}")
    return {name: count / len(CASES) for name, count in right.items()}, misses


def test_the_set_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


def test_every_field_scores_at_least_the_floor() -> None:
    shares, misses = field_scores()

    assert all(share >= MIN_SHARE for share in shares.values()), (shares, misses)


if __name__ == "__main__":
    scores, missed = field_scores()
    print({name: f"{share:.0%}" for name, share in scores.items()}, missed)
