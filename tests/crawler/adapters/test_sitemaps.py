"""sitemap.xml: urlset with lastmod, sitemap index, gzip, Google News, robots.txt."""

from __future__ import annotations

import gzip
from datetime import datetime

from crawler.adapters import Link
from crawler.adapters.dates import SHANGHAI
from crawler.adapters.sitemaps import parse_sitemap, sitemaps_in_robots
from tests.crawler.adapters.pages import raw

SITEMAP = "https://www.laserfair.com/sitemap.xml"


def test_urlset_entries_carry_lastmod_as_published() -> None:
    links, children = parse_sitemap(raw("laserfair_sitemap.xml"), SITEMAP)
    assert children == []
    assert [link.url for link in links] == [
        "https://www.laserfair.com/",
        "https://www.laserfair.com/news/201611/15/61234.html",
        "https://www.laserfair.com/news/201611/14/61220.html",
        "https://www.laserfair.com/news/201611/14/61215.html",  # <loc> padded with whitespace
        "https://www.laserfair.com/news/201611/11/61187.html",
    ]
    assert links[1].published == datetime(2016, 11, 15, tzinfo=SHANGHAI)  # date only
    assert links[2].published == datetime(2016, 11, 14, 9, 30, tzinfo=SHANGHAI)
    assert links[3].published == datetime(2016, 11, 20, 10, 15, tzinfo=SHANGHAI)  # from UTC
    assert links[3].published.tzinfo is SHANGHAI
    assert links[4].published is None


def test_sitemap_index_lists_its_child_sitemaps() -> None:
    assert parse_sitemap(raw("sitemap_index.xml"), SITEMAP) == ([], [
        "https://www.laserfair.com/sitemap_news.xml",
        "https://www.laserfair.com/sitemap_2016.xml.gz",
    ])


def test_gzipped_sitemap_reads_like_the_plain_one() -> None:
    body = raw("laserfair_sitemap.xml")
    assert parse_sitemap(gzip.compress(body), SITEMAP + ".gz") == parse_sitemap(body, SITEMAP)


def test_google_news_entries_give_title_and_publication_date() -> None:
    links, _ = parse_sitemap(raw("news_sitemap.xml"), "http://www.hanews.cn/sitemap_news.xml")
    assert links == [Link(
        "http://www.hanews.cn/2024-07/24/content_3912501.htm",
        "淮安上半年地区生产总值同比增长6.1%",
        datetime(2024, 7, 24, 10, 33, tzinfo=SHANGHAI),
    )]


def test_plain_text_sitemap() -> None:
    body = b"https://www.laserfair.com/news/201611/15/61234.html\r\n" \
           b"https://www.laserfair.com/news/201611/14/61220.html\r\n"
    links, _ = parse_sitemap(body, SITEMAP)
    assert [link.url for link in links] == [
        "https://www.laserfair.com/news/201611/15/61234.html",
        "https://www.laserfair.com/news/201611/14/61220.html",
    ]


def test_malformed_sitemaps_give_nothing() -> None:
    truncated = raw("laserfair_sitemap.xml")[:300]
    assert parse_sitemap(truncated, SITEMAP) == ([], [])
    assert parse_sitemap(b"<html><body>404 Not Found</body></html>", SITEMAP) == ([], [])
    assert parse_sitemap(b"\x1f\x8b\x08\x00garbage", SITEMAP) == ([], [])
    assert parse_sitemap(b"", SITEMAP) == ([], [])


def test_entities_are_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "http://x.cn/aaaaaaaaaa">]>'
            b"<urlset><url><loc>&a;</loc></url></urlset>")
    links, _ = parse_sitemap(bomb, SITEMAP)
    assert all("aaaaaaaaaa" not in link.url for link in links)


def test_robots_txt_sitemap_lines_in_order_once_each() -> None:
    text = raw("laserfair_robots.txt").decode("utf-8")
    assert sitemaps_in_robots(text) == [
        "https://www.laserfair.com/sitemap.xml",
        "https://www.laserfair.com/sitemap_news.xml",
    ]
    assert sitemaps_in_robots("User-agent: *\nDisallow: /col/col12199/\n") == []
