"""Builders for archive tests: a fetch and the article a cleaner would have made of it."""

from __future__ import annotations

from datetime import datetime, timedelta

from archive import Article, Fetch
from archive.timeutil import SHANGHAI

T0 = datetime(2024, 7, 24, 10, 33, tzinfo=SHANGHAI)


def fetch(url: str, html: str | bytes, minutes: int = 0, status: int = 200) -> Fetch:
    body = html.encode("utf-8") if isinstance(html, str) else html
    return Fetch(
        url=url,
        status=status,
        headers=[("Content-Type", "text/html; charset=utf-8"), ("Server", "test")],
        body=body,
        fetched_at=T0 + timedelta(minutes=minutes),
    )


def article(url: str, body: str, title: str = "洪泽区召开工业经济会议") -> Article:
    return Article(
        url=url,
        title=title,
        published=datetime(2024, 7, 24, 9, 0, tzinfo=SHANGHAI),
        published_raw="2024-07-24 09:00",
        source="洪泽区人民政府",
        author="张三",
        body=body,
        encoding="utf-8",
    )


BODY = "6月19日，区委书记主持召开区工业经济发展工作委员会会议。\n会议指出，要树牢项目为王理念。"
BODY_CHANGED = BODY + "\n会议还部署了下半年招商引资重点工作。"
