"""TRS WCM list pages: the createPageHTML pager."""

from __future__ import annotations

from crawler.adapters import trs
from tests.crawler.adapters.pages import (
    HANEWS_ECONOMY,
    HONGZE_COL,
    SQGXJ_ARTICLE,
    SQGXJ_INDEX,
    SQGXJ_INDEX_1,
    page,
)

GZDT = "http://gxj.suqian.gov.cn/sqgxj/gzdt/"


def test_detects_trs_list_and_article_pages_only() -> None:
    assert trs.detect(page("sqgxj_gzdt_index.html", SQGXJ_INDEX))
    assert trs.detect(page("sqgxj_t20240724_123460.html", SQGXJ_ARTICLE))  # TRS_Editor body
    assert not trs.detect(page("hongze_col12187.html", HONGZE_COL))
    assert not trs.detect(page("hanews_economy.html", HANEWS_ECONOMY))


def test_first_page_lists_the_other_pages_next_one_first() -> None:
    urls = trs.page_urls(page("sqgxj_gzdt_index.html", SQGXJ_INDEX), SQGXJ_INDEX)
    assert urls == [GZDT + "index_1.html", GZDT + "index_2.html"]


def test_page_count_and_current_page_given_as_variables() -> None:
    urls = trs.page_urls(page("sqgxj_gzdt_index_1.html", SQGXJ_INDEX_1), SQGXJ_INDEX_1)
    assert urls == [GZDT + "index_2.html", GZDT + "index.html"]


def test_newer_call_with_a_div_id_and_record_count() -> None:
    root = page("sqgxj_gzdt_index.html", SQGXJ_INDEX)
    script = root.find(".//div[@class='page']/script")
    script.text = "createPageHTML('page_div', 4, 3, 'index', 'shtml', 37);"
    assert trs.page_urls(root, GZDT) == [
        GZDT + "index.shtml", GZDT + "index_1.shtml", GZDT + "index_2.shtml"
    ]


def test_single_page_list_and_pages_without_a_pager_give_nothing() -> None:
    root = page("sqgxj_gzdt_index.html", SQGXJ_INDEX)
    root.find(".//div[@class='page']/script").text = 'createPageHTML(1, 0, "index", "html");'
    assert trs.page_urls(root, SQGXJ_INDEX) == []
    assert trs.page_urls(page("hanews_economy.html", HANEWS_ECONOMY), HANEWS_ECONOMY) == []
