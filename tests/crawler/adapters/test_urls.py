"""What a URL alone says: article, list page, or crawler trap."""

from __future__ import annotations

import pytest

from crawler.adapters.generic import article_url_score, looks_like_list_url, trap_reason

ARTICLES = [
    "https://www.hongze.gov.cn/art/2024/7/24/art_12187_3456901.html",
    "https://www.xichu.net/2024-07/24/content_7231.htm",
    "http://gxj.suqian.gov.cn/sqgxj/gzdt/202407/t20240724_123456.html",
    "./202407/t20240724_123456.html",
    "https://www.laserfair.com/news/201611/15/61234.html",
    "http://www.d7760.cn/news/huaian/2024/0724/183456.html",
    "http://www.hychanfa.com/news/show.asp?id=128",
    "http://www.example.gov.cn/detail/4f2a9c",
    "http://www.example.cn/a/12345678.html",
    "http://www.example.cn/html/2024/07/24/zhengce.html",
    "http://www.example.cn/2024/07/24/some-title/",
    "http://www.example.cn/info.jsp?newsid=18833",
]
NOT_ARTICLES = [
    "https://www.hongze.gov.cn/",
    "https://www.hongze.gov.cn/index.html",
    "https://www.hongze.gov.cn/col/col12187/index.html",
    "https://www.hongze.gov.cn/col/col12187/",
    "http://gxj.suqian.gov.cn/sqgxj/gzdt/index_2.html",
    "https://www.laserfair.com/news/list_12_2.html",
    "http://www.hanews.cn/economy/?page=2",
    "http://www.hychanfa.com/news/list.asp?classid=3&page=2",
    "http://www.example.cn/uploads/2024/07/24/20240724153012.jpg",
    "http://www.example.cn/files/2024/t20240724_9.pdf",
    "http://www.example.cn/attach/2024-07/24/content_1.docx",
    "javascript:void(0)",
    "mailto:gxj@suqian.gov.cn",
    "http://www.example.cn/about/123.html",
    "http://www.example.cn/search.jsp?q=2024",
    "http://www.example.cn/news/guanyu.html",
]
LISTS = [
    "http://gxj.suqian.gov.cn/sqgxj/gzdt/index_2.html",
    "https://www.laserfair.com/news/list_12_2.html",
    "http://www.hychanfa.com/news/list.asp?classid=3&page=2",
    "http://www.hanews.cn/economy/?page=2",
    "https://www.hongze.gov.cn/col/col12187/index.html",
    "https://www.hongze.gov.cn/col/col12187/index.html?uid=3456789&pageNum=2",
    "http://www.d7760.cn/news/huaian/",
    "https://www.xichu.net/jj/index.html",
]


@pytest.mark.parametrize("url", ARTICLES)
def test_article_urls_score_above_zero(url: str) -> None:
    assert article_url_score(url) > 0
    assert not looks_like_list_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLES)
def test_other_urls_score_zero_or_below(url: str) -> None:
    assert article_url_score(url) <= 0


@pytest.mark.parametrize("url", LISTS)
def test_list_urls(url: str) -> None:
    assert looks_like_list_url(url)


def test_a_paged_article_is_not_a_list() -> None:
    assert not looks_like_list_url("http://www.hychanfa.com/news/show.asp?id=130&page=2")
    assert article_url_score("http://www.hychanfa.com/news/show.asp?id=130&page=2") > 0


@pytest.mark.parametrize(("url", "reason"), [
    ("http://www.example.cn/news/" + "x" * 520 + ".html", "too long"),
    ("http://www.example.cn/list.php?a=1&b=2&c=3&d=4&e=5&f=6&g=7", "too many query parameters"),
    ("http://www.example.cn/news/gongye/news/gongye/61234.html", "repeating path segments"),
    ("http://www.example.cn/a/images/b/images/c/images/1.jpg", "repeating path segments"),
    ("http://www.example.cn/" + "/".join(f"d{n}" for n in range(13)) + "/x.html", "too deep"),
    ("http://www.example.cn/cal.php?year=1850&month=1", "calendar"),
    ("http://www.example.cn/news/list.php?date=2999-12-31", "calendar"),
    ("http://www.example.cn/event/calendar/2024/07/", "calendar"),
])
def test_traps(url: str, reason: str) -> None:
    assert trap_reason(url) == reason


@pytest.mark.parametrize("url", [
    "https://www.hongze.gov.cn/art/2011/11/11/art_12187_1111.html",  # 11 three times: a date
    "http://www.hychanfa.com/news/list.asp?classid=3&page=200",
    "http://www.example.cn/news/news/2024/0724/183456.html",
    "http://www.example.cn/search.php?date=2024-07-24",
    "http://www.example.cn/show.php?id=20240724",
])
def test_ordinary_urls_are_not_traps(url: str) -> None:
    assert trap_reason(url) is None
