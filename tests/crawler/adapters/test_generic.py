"""The generic list adapter: article links and next pages on pages of several shapes."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.adapters.dates import SHANGHAI
from crawler.adapters.generic import article_links, next_page_urls
from tests.crawler.adapters.pages import (
    D7760_INDEX,
    HAIYING_LIST,
    HANEWS_ECONOMY,
    HONGZE_COL,
    LASERFAIR_LIST,
    PORTAL_BMDT,
    SQGXJ_INDEX,
    XICHU_JJ,
    page,
)


def test_plain_news_list_with_dates_in_a_meta_line() -> None:
    links = article_links(page("hanews_economy.html", HANEWS_ECONOMY), HANEWS_ECONOMY)
    assert [link.url for link in links] == [
        f"http://www.hanews.cn/2024-07/{day}/content_{id_}.htm"
        for day, id_ in [("24", 3912501), ("23", 3912488), ("23", 3912470), ("22", 3912455),
                         ("21", 3912431), ("20", 3912420)]
    ]
    assert links[0].text == "淮安上半年地区生产总值同比增长6.1%"
    assert links[0].published == datetime(2024, 7, 24, 10, 33, tzinfo=SHANGHAI)


def test_trs_list_with_relative_links() -> None:
    links = article_links(page("sqgxj_gzdt_index.html", SQGXJ_INDEX), SQGXJ_INDEX)
    assert len(links) == 10
    assert links[0].url == "http://gxj.suqian.gov.cn/sqgxj/gzdt/202407/t20240724_123456.html"
    assert links[0].published == datetime(2024, 7, 24, tzinfo=SHANGHAI)


def test_traditional_list_with_ruby_pinyin_and_the_date_before_the_link() -> None:
    links = article_links(page("d7760_huaian_index.html", D7760_INDEX), D7760_INDEX)
    assert len(links) == 6
    assert links[0].url == "http://www.d7760.cn/news/huaian/2024/0724/183456.html"
    assert links[0].text == "市委市政府舉行2024年第二次重特大產業項目攻堅拉練"  # no (chǎn)
    assert links[0].published == datetime(2024, 7, 24, tzinfo=SHANGHAI)


def test_table_list_keeps_sidebar_articles_and_reads_dates_from_the_next_cell() -> None:
    links = article_links(page("laserfair_list_12_1.html", LASERFAIR_LIST), LASERFAIR_LIST)
    urls = [link.url for link in links]
    assert urls[0] == "https://www.laserfair.com/news/201611/15/61234.html"
    assert "https://www.laserfair.com/news/201610/28/60911.html" in urls  # 热点排行
    assert len(urls) == 7
    assert links[3].text == "3D打印与激光熔覆技术研讨会在苏州举行"  # full title, not "…"
    assert links[3].published == datetime(2016, 11, 11, tzinfo=SHANGHAI)


def test_asp_list_with_query_links_and_short_dates() -> None:
    links = article_links(page("haiying_list.html", HAIYING_LIST), HAIYING_LIST)
    assert [link.url for link in links] == [
        f"http://www.hychanfa.com/news/show.asp?id={n}" for n in (128, 127, 125, 121)
    ]
    assert links[0].published == datetime(2018, 3, 6, tzinfo=SHANGHAI)


def test_nav_links_outnumber_articles_whose_urls_look_like_nothing() -> None:
    root = page("county_portal_bmdt.html", PORTAL_BMDT)
    assert len(root.findall(".//a")) > 80
    links = article_links(root, PORTAL_BMDT)
    assert [link.url.rpartition("/")[2] for link in links] == [
        f"news-{slug}.html" for slug in
        ("8f3a2c", "7b9e1d", "6c4f0a", "5d2b9e", "4e1c8f", "3f0d7a", "2a9e6b", "1b8f5c")
    ]  # not the departments, towns, friendly links, 指南, nor the 热点关注 sidebar
    assert links[7].published == datetime(2024, 7, 10, tzinfo=SHANGHAI)


def test_selector_takes_every_link_it_picks() -> None:
    root = page("county_portal_bmdt.html", PORTAL_BMDT)
    hot = article_links(root, PORTAL_BMDT, selector="div.hot li a")
    assert hot[0].text == "洪泽区第一季度经济运行情况新闻发布会召开"
    assert len(hot) == 3
    assert len(article_links(root, PORTAL_BMDT, selector="//ul[@class='list']")) == 8


def test_a_list_filled_by_javascript_has_no_links() -> None:
    root = page("xichu_jj_index.html", XICHU_JJ)
    assert article_links(root, XICHU_JJ) == []
    assert next_page_urls(root, XICHU_JJ) == []


def test_a_jcms_column_page_has_its_links_in_the_datastore_not_in_anchors() -> None:
    links = article_links(page("hongze_col12187.html", HONGZE_COL), HONGZE_COL)
    assert [link.text for link in links] == ["网站声明"]  # the footer's; see test_hanweb


def test_next_page_by_text_on_several_shapes() -> None:
    cases = [
        ("hanews_economy.html", HANEWS_ECONOMY, "http://www.hanews.cn/economy/?page=2"),
        ("d7760_huaian_index.html", D7760_INDEX, "http://www.d7760.cn/news/huaian/list_2.html"),
        ("laserfair_list_12_1.html", LASERFAIR_LIST,
         "https://www.laserfair.com/news/list_12_2.html"),
        ("haiying_list.html", HAIYING_LIST,
         "http://www.hychanfa.com/news/list.asp?classid=3&page=2"),
        ("county_portal_bmdt.html", PORTAL_BMDT,
         "https://www.hongze.gov.cn/xwzx/bmdt/index_2.html"),
    ]
    for name, url, expected in cases:
        assert next_page_urls(page(name, url), url) == [expected], name


def test_next_page_never_the_current_page_nor_javascript() -> None:
    html_page = page("hanews_economy.html", HANEWS_ECONOMY)
    pager = html_page.find(".//div[@class='pager']")
    for anchor in pager.findall("a"):
        anchor.set("href", "javascript:goPage(2)" if anchor.text == "下一页" else "#")
    last = page("laserfair_list_12_1.html", "https://www.laserfair.com/news/list_12_2.html")
    for anchor in last.findall(".//div[@class='page']/a"):
        anchor.set("href", "list_12_2.html")  # last page: 下一页 points at itself
    assert next_page_urls(html_page, HANEWS_ECONOMY) == []
    assert next_page_urls(last, "https://www.laserfair.com/news/list_12_2.html") == []


def test_numbered_sibling_is_the_next_page_without_any_next_text() -> None:
    root = page("laserfair_list_12_1.html", "https://www.laserfair.com/news/list_12_2.html")
    pager = root.find(".//div[@class='page']")
    for anchor in pager.findall("a"):
        if anchor.text in ("下一页", "尾页"):
            pager.remove(anchor)
    pager.find("a").set("href", "list_12_3.html")
    assert next_page_urls(root, "https://www.laserfair.com/news/list_12_2.html") == [
        "https://www.laserfair.com/news/list_12_3.html"
    ]


def test_next_page_symbols_and_rel_next() -> None:
    root = page("hanews_economy.html", "http://www.hanews.cn/economy/?page=2")
    pager = root.find(".//div[@class='pager']")
    for anchor in pager.findall("a"):
        pager.remove(anchor)
    pager.append(root.makeelement("a", {"href": "/economy/?page=9"}))
    pager[-1].text = "»"
    pager.append(root.makeelement("a", {"href": "/economy/?page=12"}))
    pager[-1].text = "»»"  # the last page
    head = root.find("head")
    head.append(root.makeelement("link", {"rel": "next", "href": "/economy/?page=3"}))
    assert next_page_urls(root, "http://www.hanews.cn/economy/?page=2") == [
        "http://www.hanews.cn/economy/?page=9", "http://www.hanews.cn/economy/?page=3"
    ]


def test_next_page_selector() -> None:
    root = page("haiying_list.html", HAIYING_LIST)
    assert next_page_urls(root, HAIYING_LIST, selector="a[href$='page=4']") == [
        "http://www.hychanfa.com/news/list.asp?classid=3&page=4"
    ]


@pytest.mark.parametrize(("text", "is_next"), [
    ("下一页", True), ("下页", True), ("下一頁", True), ("后页", True), ("後頁", True),
    (">", True), ("»", True), ("›", True), ("Next", True), ("next page", True),
    ("下一页>>", True), ("[下一页]", True), ("下一页 »", True),
    (">>", False), ("»»", False), ("下一篇", False), ("尾页", False), ("2", False),
])
def test_next_page_words(text: str, is_next: bool) -> None:
    root = page("hanews_economy.html", "http://www.hanews.cn/economy/?page=5")
    pager = root.find(".//div[@class='pager']")
    for anchor in pager.findall("a"):
        pager.remove(anchor)
    pager.append(root.makeelement("a", {"href": "/economy/?page=8"}))
    pager[-1].text = text
    expected = ["http://www.hanews.cn/economy/?page=8"] if is_next else []
    assert next_page_urls(root, "http://www.hanews.cn/economy/?page=5") == expected
