"""大汉 jcms: inline datastore records, the jpage parameters and the dataproxy.jsp reply."""

from __future__ import annotations

from datetime import datetime

from crawler.adapters import hanweb
from crawler.adapters.dates import SHANGHAI
from tests.crawler.adapters.pages import HONGZE_COL, SQGXJ_INDEX, page, raw

PROXY = "https://www.hongze.gov.cn/module/web/jpage/dataproxy.jsp"


def test_detects_a_jcms_column_page_and_nothing_else() -> None:
    assert hanweb.detect(page("hongze_col12187.html", HONGZE_COL))
    assert not hanweb.detect(page("sqgxj_gzdt_index.html", SQGXJ_INDEX))


def test_inline_records_become_links_with_the_date_of_their_record() -> None:
    links, _ = hanweb.datastore(page("hongze_col12187.html", HONGZE_COL), HONGZE_COL)
    assert len(links) == 10
    first = links[0]
    assert first.url == "https://www.hongze.gov.cn/art/2024/7/24/art_12187_3456901.html"
    assert first.text == "洪泽区召开2024年上半年工业经济运行分析会"
    assert first.published == datetime(2024, 7, 24, tzinfo=SHANGHAI)
    assert links[-1].published == datetime(2024, 6, 24, tzinfo=SHANGHAI)


def test_a_truncated_record_title_is_read_from_its_title_attribute() -> None:
    links, _ = hanweb.datastore(page("hongze_col12187.html", HONGZE_COL), HONGZE_COL)
    assert links[1].text == "区领导调研重点工业企业技改项目推进情况"  # shown as "…推进情..."


def test_proxy_parameters_come_from_nextgroup_and_the_jpage_call() -> None:
    _, params = hanweb.datastore(page("hongze_col12187.html", HONGZE_COL), HONGZE_COL)
    assert params == hanweb.ProxyParams(
        proxy_url=PROXY,
        fields={
            "col": "1", "appid": "1", "webid": "51", "path": "/", "columnid": "12187",
            "sourceContentType": "1", "unitid": "3456789", "webname": "洪泽区人民政府",
            "permissiontype": "0",
        },
        per_page=10,
        total_records=17,
        inline_records=10,
    )


def test_proxy_call_asks_for_the_next_records_by_post_form() -> None:
    _, params = hanweb.datastore(page("hongze_col12187.html", HONGZE_COL), HONGZE_COL)
    assert params is not None
    url, form = hanweb.proxy_call(params, 11)
    assert url == f"{PROXY}?startrecord=11&endrecord=20&perpage=10"
    assert list(form) == [
        "col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname",
        "permissiontype",
    ]
    assert hanweb.proxy_starts(params) == [11]


def test_proxy_starts_cover_every_remaining_page_or_probe_the_next_one() -> None:
    params = hanweb.ProxyParams(PROXY, {}, per_page=15, total_records=100, inline_records=45)
    assert hanweb.proxy_starts(params) == [46, 61, 76, 91]
    unknown = hanweb.ProxyParams(PROXY, {}, per_page=15, total_records=None, inline_records=45)
    assert hanweb.proxy_starts(unknown) == [46]


def test_proxy_reply_gives_its_links_and_the_total() -> None:
    text = raw("hongze_dataproxy.xml").decode("utf-8")
    links, total = hanweb.parse_proxy_reply(text, PROXY)
    assert total == 17
    assert len(links) == 7
    assert links[0].url == "https://www.hongze.gov.cn/art/2024/6/20/art_12187_3456488.html"
    assert links[0].published == datetime(2024, 6, 20, tzinfo=SHANGHAI)
    assert links[-1].text == "洪泽区举办“专精特新”企业培育政策宣讲会"


def test_records_in_table_rows_pick_the_title_link_not_the_column_link() -> None:
    reply = """<datastore><recordset>
<record><![CDATA[<table><tr><td><a href="/col/col12187/index.html">[工业经济]</a>
<a href='http://www.hongze.gov.cn/art/2024/7/24/art_12187_3456901.html' target='_blank'
 title='洪泽区召开2024年上半年工业经济运行分析会'>洪泽区召开2024年上半年工业经济运行分析会</a>
</td><td>[2024-07-24]</td></tr></table>]]></record>
</recordset></datastore>"""
    links, total = hanweb.parse_proxy_reply(reply, PROXY)
    assert total is None
    assert [link.url for link in links] == [
        "http://www.hongze.gov.cn/art/2024/7/24/art_12187_3456901.html"
    ]
    assert links[0].published == datetime(2024, 7, 24, tzinfo=SHANGHAI)


def test_garbage_reply_gives_nothing() -> None:
    assert hanweb.parse_proxy_reply("<html><body>系统繁忙</body></html>", PROXY) == ([], None)
