"""clean() on whole pages rebuilt from the seeds: what a reader of the archive would notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.cleaning import Article, clean
from tests.cleaning import pages

CST = timezone(timedelta(hours=8))


def _lines(article: Article) -> list[str]:
    return article.body.split("\n")


def test_mirror_page_strips_pinyin_spam_title_and_page_furniture() -> None:
    article = clean(pages.mirror_page(), pages.MIRROR_URL)

    assert article.is_article
    # The spam <title> prefix is ignored: the <h1> it contains is the headline.
    assert article.title == "通訊!洪澤區工業經濟發展工作委員會召開第二次會議"
    assert article.published == datetime(2023, 6, 24, 19, 4, 19, tzinfo=CST)
    assert article.published_raw == "2023-06-24 19:04:19"
    assert article.source == "搜狐號-信息新報"
    lines = _lines(article)
    # Headline, info bar, caption and the headline printed again are not text; three
    # paragraphs are, one per line.
    assert len(lines) == 3
    assert lines[0].startswith("6月19日,區委書記張沖林")
    assert "(qū)" not in article.body and "(yè)" not in article.body
    for furniture in ("您的位置", "首頁", "關鍵詞", "參與評論", "ICP", "久久", "廣告"):
        assert furniture not in article.body


def test_gbk_bytes_declared_gb2312_decode_without_loss() -> None:
    body = pages.portal_page()
    with pytest.raises(UnicodeDecodeError):  # the premise: traditional script is not in GB2312
        body.decode("gb2312")

    article = clean(body, pages.PORTAL_URL, {"Content-Type": "text/html"})

    assert article.declared_encoding == "gb2312"
    assert article.encoding == "gb18030"
    assert article.replacement_chars == 0
    assert article.title == "市委市政府舉行2024年第二次重特大產業項目攻堅拉練"


def test_portal_page_drops_repeated_lead_info_bar_and_disclaimer() -> None:
    article = clean(pages.portal_page(), pages.PORTAL_URL)

    assert article.published == datetime(2024, 7, 24, 10, 33, tzinfo=CST)
    assert article.published_raw == "2024-07-24 10:33"
    # The 导读 summary repeats the first paragraph: the text starts once, with the paragraph.
    assert article.body.startswith("淮安日報訊:昨日,市委市政府舉行")
    assert article.body.count("分三組赴8個縣區園區") == 1
    # Pinyin goes, real parentheses stay.
    assert "羅孚橡膠(江蘇)有限公司" in article.body
    assert "耐磨復合板(新廠區)項目" in article.body
    assert "(qū)" not in article.body
    for furniture in ("導讀", "發布時間", "關注度", "打 印", "聲明", "d7760.cn", "無須注冊"):
        assert furniture not in article.body


def test_charset_from_http_header_date_source_and_author_from_labels() -> None:
    article = clean(pages.xichu_page(), pages.XICHU_URL, pages.XICHU_HEADERS)

    assert (article.declared_encoding, article.encoding) == ("gb2312", "gb18030")
    assert article.title == pages.XICHU_TITLE  # " - 西楚网" removed
    assert article.published == datetime(2020, 3, 19, 8, 27, tzinfo=CST)
    assert article.published_raw == "2020年03月19日08:27"
    assert article.source == "宿迁市广播电视总台"
    assert article.author == "张乃川,张晔 孙安 谢卫 王铭"
    lines = _lines(article)
    assert len(lines) == 3
    assert lines[0].startswith("3月17日下午")  # full-width indentation stripped
    assert "各县(区)设分会场" in lines[2]
    for furniture in ("首页", "总共", "作者", "头条号", "LivCMS"):
        assert furniture not in article.body


def test_table_layout_page_with_publisher_label_and_prev_next_links() -> None:
    article = clean(pages.haiying_page(), pages.HAIYING_URL)

    assert article.declared_encoding == "gbk"
    assert article.title == "全區工業發展大會召開"
    assert article.published == datetime(2018, 3, 6, tzinfo=CST)
    assert article.published_raw == "2018-3-6"
    assert article.source == "海瀛產發集團"
    lines = _lines(article)
    assert [line[:6] for line in lines] == ["3月3日上午", "李東成指出,", "張宏春對全區"]
    for furniture in ("上一篇", "下一篇", "版權所有", "瀏覽次數", "鹽城亭湖區"):
        assert furniture not in article.body


def test_source_glued_to_date_and_truncated_lead() -> None:
    article = clean(pages.laser_page(), pages.LASER_URL)

    assert article.title == "宿遷召開激光產業園建設第九次會辦會"
    assert article.source == "宿遷經信網"
    assert article.published_raw == "2016-11-14"
    assert article.published == datetime(2016, 11, 14, tzinfo=CST)
    assert article.body.startswith("11月8日上午,宿遷市宿城區召開")
    assert article.body.count("11月8日上午") == 1
    assert len(_lines(article)) == 3
    for furniture in ("今日要聞", "我要評論", "轉載請注明", "免責聲明", "版權均屬於", "網友點評"):
        assert furniture not in article.body


def test_government_page_metadata_from_meta_tags() -> None:
    article = clean(pages.gov_page(), pages.GOV_URL)

    assert article.title == pages.GOV_TITLE
    assert article.published == datetime(2024, 7, 24, 10, 33, tzinfo=CST)
    assert article.published_raw == "2024-07-24 10:33"
    assert article.source == "江苏省工业和信息化厅"
    assert article.author is None  # the Author meta only repeats the publishing unit
    assert article.extras == {"editor": "王明", "published_precision": "minute"}
    lines = _lines(article)
    assert lines[0] == "各设区市工业和信息化局："
    assert "1 江苏沃盾耐磨新材料有限公司 淮安市" in lines  # a table row stays one line
    assert lines[-2:] == ["江苏省工业和信息化厅", "2024年7月24日"]  # the signature stays
    for furniture in ("政务公开", "字号", "信息来源", "责任编辑", "分享", "打印", "ICP"):
        assert furniture not in article.body


def test_published_time_is_timezone_aware_and_compares_across_zones() -> None:
    article = clean(pages.gov_page(), pages.GOV_URL)

    assert article.published is not None
    assert article.published.utcoffset() == timedelta(hours=8)
    assert article.published == datetime(2024, 7, 24, 2, 33, tzinfo=UTC)


def test_date_after_the_fetch_is_rejected_in_favour_of_the_url() -> None:
    # A typo on the page (2042) cannot be the publication date of a page fetched in 2024.
    body = pages.gov_page_dated_only_in_url(shown_date="2042-07-24")
    fetched = datetime(2024, 7, 25, 3, 0, tzinfo=UTC)

    article = clean(body, pages.GOV_URL, fetched_at=fetched)

    assert article.published == datetime(2024, 7, 24, tzinfo=CST)
    assert article.published_raw == "2024/7/24"


def test_date_shown_on_the_page_beats_the_url() -> None:
    body = pages.gov_page_dated_only_in_url(shown_date="2024-07-23")

    article = clean(body, pages.GOV_URL, fetched_at=datetime(2024, 7, 25, tzinfo=UTC))

    assert article.published_raw == "2024-07-23"


def test_ruby_readings_are_not_text() -> None:
    article = clean(pages.ruby_page(), "http://www.sq.example/news/1.html")

    assert article.title == "宿遷區域經濟穩步發展"
    assert article.body.startswith("今年以來,宿遷區域經濟穩步發展")
    assert "qū" not in article.body and "jīng" not in article.body
    assert "羅孚橡膠(江蘇)有限公司" in article.body


def test_utf8_page_under_a_lying_gbk_meta_is_read_as_utf8() -> None:
    body = pages.lying_meta_page()
    body.decode("gb18030")  # the premise: trusting the meta would "succeed", as mojibake

    article = clean(body, "http://www.sq.example/news/2.html")

    assert article.declared_encoding == "gbk"
    assert article.encoding == "utf-8"
    assert article.title == pages.LYING_TITLE
    assert _lines(article) == list(pages.LYING_PARAGRAPHS)
    assert article.is_article


def test_list_page_is_not_an_article() -> None:
    article = clean(pages.list_page(), "https://gxt.jiangsu.example/col/col6278/index.html")

    assert not article.is_article


@pytest.mark.parametrize(
    "body",
    [b"", b"   \n", bytes(range(256)) * 8, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", b"\x00" * 64],
    ids=["empty", "blank", "binary", "pdf", "nul"],
)
def test_anything_that_is_not_a_page_is_no_article_and_no_error(body: bytes) -> None:
    article = clean(body, "http://www.example/x")

    assert not article.is_article
    assert article.url == "http://www.example/x"


@pytest.mark.parametrize(
    "headers",
    [
        {"content-type": "text/html; charset=gbk"},
        {"CONTENT-TYPE": "text/html;charset=GBK"},
        [("Server", "nginx"), ("Content-Type", 'text/html; charset="gbk"')],
    ],
    ids=["lower", "upper", "pairs"],
)
def test_header_names_are_case_insensitive_and_pairs_accepted(
    headers: dict[str, str] | list[tuple[str, str]],
) -> None:
    body = '<html><head><meta charset="utf-8"></head><body><p>宿迁</p></body></html>'
    article = clean(body.encode("gbk"), "http://www.example/x", headers)

    # The header beats the (wrong) meta; the bytes are GBK.
    assert article.declared_encoding == "gbk"
    assert article.encoding == "gb18030"
