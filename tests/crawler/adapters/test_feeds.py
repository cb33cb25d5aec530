"""RSS 2.0 and Atom feeds, and telling a feed from a page."""

from __future__ import annotations

from datetime import datetime

from crawler.adapters.dates import SHANGHAI
from crawler.adapters.feeds import is_feed, parse_feed
from tests.crawler.adapters.pages import raw

RSS = "https://www.laserfair.com/rss.xml"
ATOM = "http://www.hanews.cn/economy/atom.xml"


def test_rss_items_with_pubdate() -> None:
    links = parse_feed(raw("laserfair_rss.xml"), RSS)
    assert links[0].url == "https://www.laserfair.com/news/201611/15/61234.html"
    assert links[0].text == "宿迁召开激光产业园建设第九次会办会"
    assert links[0].published == datetime(2016, 11, 15, 9, 30, tzinfo=SHANGHAI)


def test_rss_declared_gb2312_with_gbk_bytes_and_html_entities() -> None:
    # 堃 is not in GB2312; &nbsp; is not an XML entity: both are common in Chinese feeds.
    links = parse_feed(raw("laserfair_rss.xml"), RSS)
    assert links[1].text == "大族激光与宿迁堃元科技签署战略合作协议"


def test_rss_relative_link_chinese_date_guid_and_dc_date() -> None:
    links = parse_feed(raw("laserfair_rss.xml"), RSS)
    assert links[1].url == "https://www.laserfair.com/news/201611/14/61220.html"
    assert links[1].published == datetime(2016, 11, 14, 10, 0, tzinfo=SHANGHAI)  # no zone
    assert links[2].url == "https://www.laserfair.com/news/201611/14/61215.html"  # from guid
    assert links[2].published == datetime(2016, 11, 14, 8, 0, tzinfo=SHANGHAI)  # dc:date
    assert len(links) == 3


def test_atom_entries_use_the_alternate_link_and_updated_before_published() -> None:
    links = parse_feed(raw("atom.xml"), ATOM)
    assert [link.url for link in links] == [
        "http://www.hanews.cn/2024-07/24/content_3912501.htm",
        "http://www.hanews.cn/2024-07/23/content_3912488.htm",
    ]
    assert links[0].text == "淮安上半年地区生产总值同比增长6.1%"  # type="html" tags removed
    assert links[0].published == datetime(2024, 7, 24, 11, 5, tzinfo=SHANGHAI)
    assert links[1].published == datetime(2024, 7, 24, 2, 5, tzinfo=SHANGHAI)  # 18:05Z


def test_malformed_feeds_give_nothing() -> None:
    assert parse_feed(raw("laserfair_rss.xml")[:400], RSS) == []
    assert parse_feed(b"<html><head><title>RSS</title></head></html>", RSS) == []
    assert parse_feed(b"", RSS) == []


def test_is_feed_by_content_type_or_by_first_element() -> None:
    rss, atom = raw("laserfair_rss.xml"), raw("atom.xml")
    assert is_feed(b"", "application/rss+xml; charset=utf-8")
    assert is_feed(rss, "text/xml")
    assert is_feed(rss, None)
    assert is_feed(rss, "text/html")  # servers mislabel feeds
    assert is_feed(atom, "application/xml")
    assert not is_feed(raw("laserfair_sitemap.xml"), "text/xml")
    assert not is_feed(b"<!DOCTYPE html><html><body>rss</body></html>", "text/html")
    assert not is_feed(rss, "image/png")
