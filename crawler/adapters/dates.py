"""Dates as list pages, feeds and sitemaps print them, read into aware datetimes."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

# 2024-07-24, 2024/7/24, 2024.07.24, 2024年7月24日, each optionally followed by 10:33[:05].
FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)
# [07-24], 07/24, 7月24日: the year then comes from the link's URL.
MONTH_DAY = re.compile(r"(?<![\d\-/.])(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d\-/.])\s*日?")
# A year followed by month and day somewhere in a URL (/2024/7/24/, /2024-07/24/, t20240724_).
URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2]|[1-9](?=/))[-/_]?(0[1-9]|[12]\d|3[01]|[1-9](?=/))"
)


def make(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
         second: int = 0) -> datetime | None:
    """An aware Asia/Shanghai datetime, or None when the numbers are not a date."""
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)
    except ValueError:
        return None


def date_in_text(text: str, url: str | None = None) -> datetime | None:
    """The first date printed in ``text`` (a list item beside its link).

    A month-day without a year (``[07-24]``) counts only when ``url`` carries a date with
    the same month and day, which supplies the year."""
    if not text:
        return None
    match = FULL_DATE.search(text)
    if match is not None:
        y, mo, d, h, mi, s = match.groups()
        return make(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    if url is None:
        return None
    short = MONTH_DAY.search(text)
    if short is None:
        return None
    in_url = URL_DATE.search(url)
    if in_url is None:
        return None
    month, day = int(short.group(1)), int(short.group(2))
    if (int(in_url.group(2)), int(in_url.group(3))) != (month, day):
        return None
    return make(int(in_url.group(1)), month, day)


def parse_w3c(text: str) -> datetime | None:
    """W3C/ISO 8601 datetime (sitemap lastmod, Atom updated); naive means Asia/Shanghai."""
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return date_in_text(text)
    return shanghai(value)


def parse_rfc822(text: str) -> datetime | None:
    """RSS pubDate (RFC 822); many Chinese feeds print ISO dates there instead."""
    text = text.strip()
    if not text:
        return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return parse_w3c(text)
    return shanghai(value)


def shanghai(value: datetime) -> datetime:
    """Aware and shown in Asia/Shanghai; a naive value is Shanghai wall time already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=SHANGHAI)
    return value.astimezone(SHANGHAI)
