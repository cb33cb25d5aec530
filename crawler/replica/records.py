"""The replica's public records: the ground truth of an article and the log of requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ArticleTruth:
    """What a perfect crawl and cleaner produce for one article, in the page's own script."""

    site: str
    url: str  # real URL of the article (its first part when split over pages)
    title: str  # without the site-name suffix of <title>
    published: datetime  # aware, Asia/Shanghai, cut to ``precision``
    precision: str  # "day" | "minute" | "second": what the page prints
    source: str
    author: str | None
    body: str  # paragraphs joined by "\n" (haiying: by ""), no lead, no furniture, no pinyin
    copy_of: str | None  # URL of the original of a syndicated copy
    parts: tuple[str, ...]  # every URL of the article, in reading order


@dataclass(frozen=True)
class RequestRecord:
    """One request the replica answered."""

    site: str
    method: str
    path: str  # includes ?query as sent
    headers: dict[str, str]
    status: int
    at: float  # time.time() when answered
