"""Dates, titles and labels as Chinese news and government pages print them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.cleaning import patterns
from archive.cleaning.metadata import (
    Published,
    byline_value,
    dates_in,
    extract_metadata,
    label_value,
    parse_date,
    title_without_site,
    url_dates,
    with_time_of_day,
)
from archive.cleaning.text import parse_html

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("line", "raw", "expected"),
    [
        (
            "2023-06-24 19:04:19 來源:搜狐號",
            "2023-06-24 19:04:19",
            datetime(2023, 6, 24, 19, 4, 19),
        ),
        ("2020年03月19日08:27   来源:宿迁市", "2020年03月19日08:27", datetime(2020, 3, 19, 8, 27)),
        ("發表時間:2018-3-6 發布者:海瀛", "2018-3-6", datetime(2018, 3, 6)),
        ("日期：2024/07/24", "2024/07/24", datetime(2024, 7, 24)),
        (
            "發布時間: 2024-07-24 10:33  關注度:675",
            "2024-07-24 10:33",
            datetime(2024, 7, 24, 10, 33),
        ),
        ("2024年7月24日 10时33分", "2024年7月24日 10时33", datetime(2024, 7, 24, 10, 33)),
        ("來源:宿遷經信網2016-11-14 我要評論", "2016-11-14", datetime(2016, 11, 14)),
    ],
)
def test_printed_dates(line: str, raw: str, expected: datetime) -> None:
    found = next(dates_in([line]))

    assert found.raw == raw
    assert found.value == expected.replace(tzinfo=CST)


def test_a_labelled_date_beats_an_earlier_unlabelled_one() -> None:
    bar = ["今天是 2024-07-25 星期四", "发布时间：2024-07-24 10:33"]

    assert next(dates_in(bar)).raw == "2024-07-24 10:33"


def test_times_in_a_notice_are_no_publication_label() -> None:
    assert list(dates_in(["报名时间：2024-08-01至2024-08-15"], labelled_only=True)) == []


def test_impossible_dates_are_skipped() -> None:
    assert [d.raw for d in dates_in(["2023-02-30 发布", "2023-03-01"])] == ["2023-03-01"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-24 10:33", datetime(2024, 7, 24, 10, 33, tzinfo=CST)),
        ("2024-07-24T10:33:00+00:00", datetime(2024, 7, 24, 10, 33, tzinfo=UTC)),
        ("2024-07-24T02:33:00Z", datetime(2024, 7, 24, 10, 33, tzinfo=CST)),
        ("2024年07月24日 10:33", datetime(2024, 7, 24, 10, 33, tzinfo=CST)),
    ],
)
def test_meta_dates_keep_their_offset_or_default_to_shanghai(text: str, expected: datetime) -> None:
    found = parse_date(text)

    assert found is not None
    assert found.value == expected
    assert found.value.tzinfo is not None
    assert found.raw == text


@pytest.mark.parametrize(
    ("url", "raw", "expected"),
    [
        (
            "https://gxt.jiangsu.gov.cn/art/2024/7/24/art_6278_11290000.html",
            "2024/7/24",
            (2024, 7, 24),
        ),
        ("http://www.sq.gov.cn/xwzx/202407/t20240724_123456.html", "t20240724", (2024, 7, 24)),
        ("http://www.xinhuanet.com/local/2024-07/24/c_1130000.htm", "2024-07/24", (2024, 7, 24)),
        ("http://news.example.cn/20240724/n123.shtml", "20240724", (2024, 7, 24)),
    ],
)
def test_url_dates(url: str, raw: str, expected: tuple[int, int, int]) -> None:
    found = next(url_dates(url))

    assert found.raw == raw
    assert found.value == datetime(*expected, tzinfo=CST)


def test_url_without_a_date() -> None:
    assert list(url_dates("http://www.example.cn/news/show.asp?id=2024")) == []


@pytest.mark.parametrize(
    ("page_title", "expected"),
    [
        (
            "市委市政府舉行2024年第二次重特大產業項目攻堅拉練_淮安新聞_淮安114網",
            "市委市政府舉行2024年第二次重特大產業項目攻堅拉練",
        ),
        (
            "关于开展2024年度专精特新企业申报工作的通知 - 江苏省工业和信息化厅",
            "关于开展2024年度专精特新企业申报工作的通知",
        ),
        ("宿迁新闻网｜宿迁召开激光产业园建设第九次会办会", "宿迁召开激光产业园建设第九次会办会"),
        ("全区工业发展大会召开 | 海瀛", "全区工业发展大会召开"),
        ("无分隔符的标题", "无分隔符的标题"),
        ("", None),
    ],
)
def test_site_name_is_removed_from_title(page_title: str, expected: str | None) -> None:
    assert title_without_site(page_title) == expected


def test_site_name_meta_decides_between_parts() -> None:
    assert (
        title_without_site("通知公告 - 江苏省工业和信息化厅", "江苏省工业和信息化厅") == "通知公告"
    )


def test_logo_h1_not_in_title_is_not_the_headline() -> None:
    root = parse_html(
        "<html><head><title>全区工业发展大会召开_亭湖新闻网</title></head>"
        "<body><h1>亭湖新闻网</h1><h1>全区工业发展大会召开</h1></body></html>"
    )
    assert root is not None

    assert extract_metadata(root, "http://x/").title == "全区工业发展大会召开"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("來源:宿遷經信網2016-11-14 我要評論(0 )", "宿遷經信網"),
        (
            "发布时间：2024-07-24 信息来源：江苏省工业和信息化厅 字号：大 中 小",
            "江苏省工业和信息化厅",
        ),
        ("稿源: 新华日报 作者: 张三", "新华日报"),
        ("發布者:海瀛產發集團 瀏覽次數:120 |", "海瀛產發集團"),
        ("稿件来源：宿城区融媒体中心", "宿城区融媒体中心"),
        ("资金来源:省级专项资金", None),  # 来源 inside a word is no label
    ],
)
def test_source_label(line: str, expected: str | None) -> None:
    assert label_value(patterns.SOURCE, [line]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("作者:张乃川 ,张晔 孙安 谢卫 王铭", "张乃川,张晔 孙安 谢卫 王铭"),
        ("记者：王铭  通讯员：李四", "王铭"),
        ("来源：宿迁日报 作者：张三 编辑：李四", "张三"),
        ("来源:激光制造网2024-09-03 作者:许涛 我要评论(2 )", "许涛"),  # a widget runs on
        ("作者:许涛 阅读", "许涛"),
        ("记者：您怎么看待今年的工业经济形势？", None),  # an interview question, not a byline
    ],
)
def test_author_label(line: str, expected: str | None) -> None:
    assert label_value(patterns.AUTHOR, [line], names=True) == expected


def test_author_meta_naming_the_site_is_no_author() -> None:
    root = parse_html(
        "<html><head><title>标题</title><meta name='SiteName' content='宿迁市工业和信息化局'>"
        "<meta name='Author' content='宿迁市工业和信息化局'>"
        "<meta name='ContentSource' content='宿迁日报'></head><body><h1>标题</h1></body></html>"
    )
    assert root is not None

    meta = extract_metadata(root, "http://x/")

    assert (meta.source, meta.author) == ("宿迁日报", None)


def test_author_meta_that_is_no_name_gives_way_to_the_byline() -> None:
    root = parse_html(
        "<html><head><title>标题</title><meta name='author' content='Page published at "
        "2012-01-12 16:56:29 by loyaa system v4.0 www.loyaa.com'></head>"
        "<body><h1>标题</h1><div>来源：光明日报 作者：詹媛</div></body></html>"
    )
    assert root is not None

    meta = extract_metadata(root, "http://x/")

    assert (meta.source, meta.author) == ("光明日报", "詹媛")


# --- Info bars as the crawled sites print them ------------------------------------------------

TITLE = "洪泽区召开2024年上半年工业经济运行分析会"
TEXT = (
    "7月23日下午，洪泽区召开2024年上半年工业经济运行分析会，"
    "总结上半年全区工业经济运行情况，部署下半年重点工作。"
)


def _page(bar: str, after: str = "") -> str:
    return (
        f"<html><head><title>{TITLE}_某某网</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> <a href='/news/'>新闻中心</a></div>"
        f"<h1>{TITLE}</h1><div class='info'>{bar}</div>"
        f"<div class='text'><p>{TEXT}</p><p>{after}</p></div></body></html>"
    )


@pytest.mark.parametrize(
    ("bar", "raw", "source"),
    [
        ("发布日期：2024-07-24 信息来源：洪泽区工信局", "2024-07-24", "洪泽区工信局"),
        ("發布時間: 2024-07-24 10:33&nbsp;&nbsp;關注度:675", "2024-07-24 10:33", None),
        ("2020年03月19日08:27 来源:西楚网", "2020年03月19日08:27", "西楚网"),
        ("發表時間:2018-3-6 發布者:海瀛產發集團 瀏覽次數:120", "2018-3-6", "海瀛產發集團"),
        ("来源:宿迁经信网2016-11-14", "2016-11-14", "宿迁经信网"),
        ("发布时间：2024-07-24 10:33 来源：淮安日报", "2024-07-24 10:33", "淮安日报"),
        (
            "<span>发布时间：2024-07-24 10:33</span><span>来源：淮安日报</span>",
            "2024-07-24 10:33",
            "淮安日报",
        ),
    ],
)
def test_info_bars_of_the_crawled_sites(bar: str, raw: str, source: str | None) -> None:
    root = parse_html(_page(bar))
    assert root is not None

    meta = extract_metadata(root, "http://x/")

    assert meta.published is not None
    assert (meta.published.raw, meta.source, meta.author) == (raw, source, None)


@pytest.mark.parametrize(
    "line", ["作者:王喆", "記者 王喆", "本报记者 王喆", "（记者 王喆 通讯员 李堃）"]
)
def test_trailing_reporter_line_is_the_author(line: str) -> None:
    root = parse_html(_page("发布时间：2024-07-24 10:33", after=line))
    assert root is not None

    assert extract_metadata(root, "http://x/").author == "王喆"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("記者 王喆", "王喆"),
        ("记者：王喆", "王喆"),
        ("本報記者王喆 李堃", "王喆 李堃"),
        ("（记者 王喆 通讯员 李堃）", "王喆"),
        ("■融媒體記者 葉 列 唐筱葳,通 訊 員 華明剛", "葉 列 唐筱葳"),
        ("记者 买买提·艾力", "买买提·艾力"),
        ("记者从市工信局获悉", None),  # the opening of a sentence
        ("记者节", None),
        ("记者王铭:“人勤春来早,奋斗正当时。”", None),
        ("文字记者 王喆", None),  # only whole credits; 文字记者 is no label we know
    ],
)
def test_byline_without_colon(line: str, expected: str | None) -> None:
    assert byline_value([line]) == expected


def _published(raw: str) -> Published:
    found = parse_date(raw)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("day", "other", "expected"),
    [
        ("2024-07-24", "2024-07-24 10:33", "2024-07-24 10:33"),  # same day, with the minute
        ("2024-07-24", "2024-07-23 10:33", "2024-07-24"),  # another day: keep the hint
        ("2024-07-24 09:00", "2024-07-24 10:33", "2024-07-24 09:00"),  # already has a time
        ("2024-07-24", "2024-07-24", "2024-07-24"),
    ],
)
def test_a_day_takes_the_time_of_the_same_day(day: str, other: str, expected: str) -> None:
    assert with_time_of_day(_published(day), _published(other)).raw == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("江苏省人民政府 二〇二三年六月十九日", (2023, 6, 19)),
        ("二零一九年十二月三十一日", (2019, 12, 31)),
        ("二〇二〇年十月十日", (2020, 10, 10)),
        ("二○二一年一月二十日", (2021, 1, 20)),
        ("发布日期：二〇二三年十一月九号", (2023, 11, 9)),
    ],
)
def test_dates_in_chinese_numerals(line: str, expected: tuple[int, int, int]) -> None:
    found = next(dates_in([line]))

    assert found.value == datetime(*expected, tzinfo=CST)
    assert found.precision == "day"
    assert found.raw in line


def test_impossible_chinese_numeral_date_is_skipped() -> None:
    assert list(dates_in(["二〇二三年二月三十日"])) == []


@pytest.mark.parametrize(
    ("raw", "precision"),
    [
        ("2023-06-24 19:04:19", "second"),
        ("2020年03月19日08:27", "minute"),
        ("2024年7月24日 10时33分05秒", "second"),
        ("2018-3-6", "day"),
        ("二〇二三年六月十九日", "day"),
        ("2024-07-24T10:33:00+08:00", "second"),
    ],
)
def test_precision_is_what_the_page_printed(raw: str, precision: str) -> None:
    found = parse_date(raw)

    assert found is not None
    assert found.precision == precision


def test_chinese_numeral_date_after_the_fetch_is_passed_over() -> None:
    html = (
        "<html><head><title>关于印发某某办法的通知</title></head><body>"
        "<h1>关于印发某某办法的通知</h1><p>发布日期：二〇二五年一月一日</p>"
        "<p>各市、县人民政府：现将办法印发给你们，请认真贯彻执行。</p></body></html>"
    )
    root = parse_html(html)
    assert root is not None

    early = extract_metadata(root, "https://example.gov.cn/a.html", fetched_at=datetime(2024, 6, 1))
    late = extract_metadata(root, "https://example.gov.cn/a.html", fetched_at=datetime(2025, 6, 1))

    assert early.published is None
    assert late.published is not None
    assert late.published.raw == "二〇二五年一月一日"


def _bar_page(bar: str) -> str:
    return (
        "<html><head><title>某某大会召开 - 某某网</title></head><body><h1>某某大会召开</h1>"
        f"<p>2023-06-24 19:04:19</p><p>{bar}</p>"
        "<p>会议指出，要推动工业经济高质量发展，加快项目建设，全力以赴完成全年目标任务。</p>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("bar", "author", "editor", "source"),
    [
        ("作者：张三 责任编辑：李四", "张三", "李四", None),
        ("責任編輯：陳七 來源：人民網", None, "陳七", "人民網"),
        ("（编辑：周八）", None, "周八", None),
        ("记者 刘九 编辑 孙十", "刘九", "孙十", None),
        ("本报记者 王喆 通讯员 李堃 责任编辑 张敏", "王喆", "张敏", None),
        ("通讯员：赵六", "赵六", None, None),
        ("稿源：宿迁日报 作者：钱一", "钱一", None, "宿迁日报"),
        ("编辑部地址：南京市北京西路", None, None, None),
    ],
)
def test_editor_is_never_the_author(
    bar: str, author: str | None, editor: str | None, source: str | None
) -> None:
    root = parse_html(_bar_page(bar))
    assert root is not None

    meta = extract_metadata(root, "https://example.cn/a.html")

    assert (meta.author, meta.extras.get("editor"), meta.source) == (author, editor, source)


GOV_DISCLOSURE_PAGE = """<html><head><meta charset="utf-8">
<title>省政府关于推进制造业智能化改造的实施意见_江苏省人民政府</title></head><body>
<div class="nav">首页 &gt; 信息公开 &gt; 省政府文件</div>
<div class="xxgk-meta"><table>
<tr><th>索 引 号：</th><td>014000319/2023-00123</td>
<th>主题分类：</th><td>工业、交通\\其他</td></tr>
<tr><th>发布机构：</th><td>江苏省人民政府</td><th>发布日期：</th><td>2023-06-21</td></tr>
<tr><th>文　　号：</th><td>苏政发〔2023〕12号</td><th>成文日期：</th><td>2023-06-19</td></tr>
</table></div>
<h1>省政府关于推进制造业智能化改造的实施意见</h1>
<div id="zoom">
<p>各市、县（市、区）人民政府，省各委办厅局，省各直属单位：</p>
<p>为加快推进全省制造业智能化改造和数字化转型，推动制造业高质量发展，现提出如下意见。</p>
<p>一、总体要求。坚持市场主导、政府引导，分类推进，到2025年，全省规模以上工业企业智能化改造全覆盖。</p>
<p>江苏省人民政府</p><p>二〇二三年六月十九日</p>
</div></body></html>"""


def test_disclosure_table_fills_extras_and_leaves_the_body() -> None:
    from archive.cleaning.pipeline import clean

    article = clean(GOV_DISCLOSURE_PAGE.encode(), "https://www.jiangsu.gov.cn/art/2023/6/21/x.html")

    assert article.extras["index_no"] == "014000319/2023-00123"
    assert article.extras["doc_no"] == "苏政发〔2023〕12号"
    assert article.extras["issuer"] == "江苏省人民政府"
    assert article.extras["written_date"] == "2023-06-19"
    assert article.extras["published_date"] == "2023-06-21"
    assert article.extras["topic"] == "工业、交通\\其他"
    # 发布日期 beats 成文日期, which is printed first in reading order of the second column.
    assert article.published == datetime(2023, 6, 21, tzinfo=CST)
    assert article.extras["published_precision"] == "day"
    assert "索引号" not in article.body and "014000319" not in article.body
    assert article.body.startswith("各市、县（市、区）人民政府")
    assert "二〇二三年六月十九日" in article.body  # the signature date is text, not metadata


def test_disclosure_list_with_labels_in_spans() -> None:
    html = (
        "<html><head><title>关于2023年度预算的通知</title></head><body><ul class='meta'>"
        "<li><span>索引号：</span>K1234-2023-0001</li><li><span>文号：</span>宿政发〔2023〕5号</li>"
        "<li><span>成文日期：</span>二〇二三年六月十九日</li></ul><h1>关于2023年度预算的通知</h1>"
        "<p>各县、区人民政府：现将2023年度预算安排通知如下，请认真贯彻执行。</p></body></html>"
    )
    root = parse_html(html)
    assert root is not None

    meta = extract_metadata(root, "https://www.suqian.gov.cn/a.html")

    assert meta.extras == {
        "index_no": "K1234-2023-0001",
        "doc_no": "宿政发〔2023〕5号",
        "written_date": "二〇二三年六月十九日",
    }
    assert meta.published is not None
    assert meta.published.value == datetime(2023, 6, 19, tzinfo=CST)  # no 发布日期: 成文日期
    assert [element.tag for element in meta.furniture] == ["ul"]


def test_a_news_info_bar_is_no_disclosure_table() -> None:
    html = (
        "<html><head><title>全区工业发展大会召开</title></head><body><h1>全区工业发展大会召开</h1>"
        "<p><span>发布日期：2024-07-24</span> <span>分类：要闻</span></p>"
        "<p>3月3日上午，全区工业发展大会召开。区委书记李东成讲话，要求分类推进项目建设。</p>"
        "</body></html>"
    )
    root = parse_html(html)
    assert root is not None

    meta = extract_metadata(root, "https://example.cn/a.html")

    assert meta.extras == {}
    assert meta.furniture == ()


def test_json_ld_gives_date_and_authors_and_survives_broken_scripts() -> None:
    from archive.cleaning.metadata import read_json_ld

    html = (
        "<html><head><script type='application/ld+json'>{broken</script>"
        '<script type=\'application/ld+json\'>[{"@type": "NewsArticle", '
        '"datePublished": "2024-03-05T08:30:00+08:00", '
        '"author": [{"name": "张乃川"}, {"name": "张晔"}]}]</script></head><body></body></html>'
    )
    root = parse_html(html)
    assert root is not None

    assert read_json_ld(root) == {
        "datepublished": "2024-03-05T08:30:00+08:00",
        "author": "张乃川,张晔",
    }
