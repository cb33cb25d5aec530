"""Dates printed beside links, in feeds and in sitemaps."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.adapters.dates import SHANGHAI, date_in_text, parse_rfc822, parse_w3c


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-07-24", datetime(2024, 7, 24, tzinfo=SHANGHAI)),
    ("[2024/7/4]", datetime(2024, 7, 4, tzinfo=SHANGHAI)),
    ("2016.11.14", datetime(2016, 11, 14, tzinfo=SHANGHAI)),
    ("2020年03月19日08:27", datetime(2020, 3, 19, 8, 27, tzinfo=SHANGHAI)),
    ("发布时间：2024-07-24 10:33:05 来源：淮安日报",
     datetime(2024, 7, 24, 10, 33, 5, tzinfo=SHANGHAI)),
    ("發表時間:2018-3-6", datetime(2018, 3, 6, tzinfo=SHANGHAI)),
    ("2024-02-30", None),
    ("浏览次数：2024", None),
    ("", None),
])
def test_dates_printed_beside_links(text: str, expected: datetime | None) -> None:
    assert date_in_text(text) == expected


def test_month_and_day_take_the_year_from_the_link_url() -> None:
    url = "https://www.xichu.net/2024-07/24/content_7231.htm"
    assert date_in_text("[07-24]", url) == datetime(2024, 7, 24, tzinfo=SHANGHAI)
    assert date_in_text("7月24日", url) == datetime(2024, 7, 24, tzinfo=SHANGHAI)
    assert date_in_text("[07-23]", url) is None  # the URL says another day
    assert date_in_text("[07-24]", "http://www.hychanfa.com/news/show.asp?id=1") is None


def test_feed_and_sitemap_dates_are_shown_in_shanghai() -> None:
    assert parse_rfc822("Tue, 15 Nov 2016 01:30:00 GMT") == datetime(
        2016, 11, 15, 9, 30, tzinfo=SHANGHAI)
    assert parse_rfc822("2016-11-14 10:00:00") == datetime(2016, 11, 14, 10, tzinfo=SHANGHAI)
    assert parse_w3c("2024-07-24T10:33:00Z") == datetime(2024, 7, 24, 18, 33, tzinfo=SHANGHAI)
    assert parse_w3c("2024-07-24") == datetime(2024, 7, 24, tzinfo=SHANGHAI)
    assert parse_w3c("not a date") is None
    assert parse_rfc822("") is None
