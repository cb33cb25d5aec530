"""Page furniture the replica sites really share: escaping, paging lists, related links."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import TypeVar

from crawler.replica.content import Article

T = TypeVar("T")
PER_PAGE = 10


def esc(text: str) -> str:
    return escape(text, quote=True)


def chunks(items: Sequence[T], size: int = PER_PAGE) -> list[Sequence[T]]:
    """Items cut into list pages; an empty list still has its (empty) first page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def related(articles: Sequence[Article], article: Article, count: int = 6) -> list[Article]:
    """Other articles to link from ``article``: its neighbours in date order, then the newest."""
    ordered = list(articles)
    index = next((i for i, a in enumerate(ordered) if a.id == article.id), 0)
    picks = ordered[max(index - count // 2, 0) : index] + ordered[index + 1 : index + 1 + count]
    picks += ordered[:count]
    unique: dict[str, Article] = {}
    for other in picks:
        if other.id != article.id:
            unique.setdefault(other.id, other)
    return list(unique.values())[:count]


def stable_number(seed: str, low: int, high: int) -> int:
    """A number in [low, high) fixed by ``seed`` (view counts that must not change)."""
    digest = hashlib.sha256(seed.encode()).digest()
    return low + int.from_bytes(digest[:4], "big") % (high - low)


def newest(articles: Sequence[Article]) -> datetime | None:
    return max((a.published for a in articles), default=None)
