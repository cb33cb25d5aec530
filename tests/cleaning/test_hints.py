"""Site selectors (ExtractionHints): validation, precedence over the generic path, fallbacks."""

# ruff: noqa: E501  -- page fixtures: a line of markup is as long as the paragraph it holds.

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.cleaning import Article, ExtractionHints, clean
from archive.cleaning.hints import author_in, source_in
from tests.cleaning import site_pages

CST = timezone(timedelta(hours=8))

# The selectors a site config would give for each site (hanews has none: generic).
SITE_HINTS = {
    "hongze": ExtractionHints(
        title=".art-title", body="#zoom", published=".art-info", source=".art-info"
    ),
    "d7760": ExtractionHints(
        title="h1",
        body=".newsview .content",
        published=".newsview .info",
        author=".newsview .content p:last-child",
    ),
    "xichu": ExtractionHints(
        title=".article h1",
        body=".article .content",
        published=".article .info",
        source=".article .info",
        author=".article .author",
    ),
    "haiying": ExtractionHints(
        title="td.title", body="td.text", published="td.info", source="td.info"
    ),
    "laserfair": ExtractionHints(
        title=".left h1", body=".left .content", published=".from", source=".from"
    ),
    "sqgxj": ExtractionHints(
        title=".xl_title", body=".TRS_Editor", published=".xl_info", source=".xl_info"
    ),
    "hanews": ExtractionHints(),
}


def _fields(article: Article) -> tuple[object, ...]:
    return (
        article.title,
        article.published_raw,
        article.source,
        article.author,
        article.body.split("\n"),
    )


def _expected(expected: site_pages.Expected) -> tuple[object, ...]:
    return (
        expected.title,
        expected.published_raw,
        expected.source,
        expected.author,
        list(expected.body),
    )


# --- Validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("div[", "invalid CSS selector"),
        ("div > > p", "invalid CSS selector"),
        ("h1::text", "select the element itself"),
        (42, "must be a string"),
    ],
)
def test_invalid_selectors_are_rejected_when_the_hints_are_made(
    selector: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message) as error:
        ExtractionHints(body=selector)  # type: ignore[arg-type]

    assert str(error.value).startswith("body:")  # the config knows which field is wrong


@pytest.mark.parametrize(
    "selector", ["#zoom", "div.TRS_Editor", "td.info", ".newsview .content p:last-child", "H1"]
)
def test_valid_selectors_are_accepted(selector: str) -> None:
    assert ExtractionHints(title=selector).title == selector


def test_is_empty() -> None:
    assert ExtractionHints().is_empty
    assert not ExtractionHints(author=".author").is_empty


def test_hints_are_hashable_values() -> None:
    assert ExtractionHints(body="#zoom") == ExtractionHints(body="#zoom")
    assert len({ExtractionHints(body="#zoom"), ExtractionHints(body="#zoom")}) == 1


# --- Each site with its selectors -------------------------------------------------------------


@pytest.mark.parametrize("site", list(site_pages.SITES))
def test_site_selectors_read_every_field(site: str) -> None:
    url, build, expected = site_pages.SITES[site]

    article = clean(build(), url, hints=SITE_HINTS[site])

    assert article.is_article
    assert _fields(article) == _expected(expected)
    assert "hints_missed" not in article.extras


def test_empty_hints_are_the_generic_path() -> None:
    url, build, _ = site_pages.SITES["d7760"]

    assert clean(build(), url, hints=ExtractionHints()) == clean(build(), url)


def test_day_from_the_info_bar_takes_the_minute_of_the_same_day_from_pubdate() -> None:
    article = clean(site_pages.hongze_page(), site_pages.HONGZE_URL, hints=SITE_HINTS["hongze"])

    assert article.published == datetime(2024, 7, 24, 10, 33, tzinfo=CST)
    assert article.published_raw == "2024-07-24 10:33"


# --- Selectors beat the generic path --------------------------------------------------------

DISTRICT_URL = "http://www.sqsc.example/sczx/scyw/202407/bd1f2c.html"
DISTRICT_TEXT = (
    "7月26日，宿城区新材料产业园三个重大项目集中开工，总投资28亿元，涵盖高性能纤维、功能膜材料和特种涂料等领域。",
    "其中，江苏恒锦新材料有限公司年产3万吨高性能纤维项目投资15亿元，建成后可实现年开票销售20亿元。",
    "宿城区委主要负责同志表示，将全力做好要素保障和帮办服务，推动项目早建成、早投产、早见效。",
    "据了解，今年以来新材料产业园已新签约亿元以上项目17个，新开工项目12个。",
)


def district_page() -> bytes:
    """A page the generic path misreads: no <h1>, a site-only <title>, a stale PubDate meta."""
    first = "".join(f"<p>{p}</p>" for p in DISTRICT_TEXT[:2])
    second = "".join(f"<p>{p}</p>" for p in DISTRICT_TEXT[2:])
    return f"""<html><head><meta charset="utf-8"><title>宿城区人民政府</title>
<meta name="PubDate" content="2024-07-30 09:00"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/sczx/">宿城资讯</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="detail">
  <div class="tit">宿城区新材料产业园三个项目集中开工</div>
  <div class="sub">时间：2024-07-26 浏览：<span>311</span> <a href="javascript:window.print()">打印</a></div>
  <div class="part">{first}</div>
  <div class="pic"><img src="kg.jpg"><p>(资料图片)</p></div>
  <div class="part">{second}</div>
  <div class="ly">稿件来源：宿城区融媒体中心</div>
  <div class="zz">王喆 李堃</div>
  <div class="bj">责任编辑：张敏</div>
</div>
<div class="footer">宿城区人民政府办公室主办 苏ICP备05005678号</div>
</body></html>""".encode()


DISTRICT_HINTS = ExtractionHints(
    title=".detail .tit", body=".detail", published=".sub", source=".ly", author=".zz"
)


def test_selectors_beat_a_misleading_page() -> None:
    generic = clean(district_page(), DISTRICT_URL)
    hinted = clean(district_page(), DISTRICT_URL, hints=DISTRICT_HINTS)

    assert (generic.title, generic.published_raw) == ("宿城区人民政府", "2024-07-30 09:00")
    assert hinted.title == "宿城区新材料产业园三个项目集中开工"
    assert hinted.published == datetime(2024, 7, 26, tzinfo=CST)
    assert hinted.source == "宿城区融媒体中心"
    assert hinted.author == "王喆 李堃"  # a bare name list: the element is the author
    assert hinted.extras == {"editor": "张敏", "published_precision": "day"}


def test_hinted_body_is_cleaned_like_the_generic_one() -> None:
    # `.detail` holds the headline, the info bar, a caption, the credits and the editor.
    article = clean(district_page(), DISTRICT_URL, hints=DISTRICT_HINTS)

    assert article.body.split("\n") == list(DISTRICT_TEXT)


def test_wide_body_selector_still_loses_lead_widgets_and_disclaimer() -> None:
    hints = ExtractionHints(body=".left")  # headline, 摘要, text, 关键词, 免责声明, comments

    article = clean(site_pages.laserfair_page(), site_pages.LASERFAIR_URL, hints=hints)

    assert article.body.split("\n") == list(site_pages.LASERFAIR.body)


def test_hinted_date_after_the_fetch_is_passed_over() -> None:
    fetched = datetime(2024, 7, 31, 12, 0, tzinfo=UTC)
    page = district_page().replace(b"2024-07-26", b"2042-07-26")  # a typo in the info bar

    article = clean(page, DISTRICT_URL, fetched_at=fetched, hints=DISTRICT_HINTS)

    assert article.published_raw == "2024-07-30 09:00"  # the generic path: the PubDate meta


# --- Fallbacks and the layout-change signal --------------------------------------------------


def test_selectors_that_match_nothing_fall_back_and_are_reported() -> None:
    url, build, expected = site_pages.SITES["xichu"]
    stale = ExtractionHints(
        title="h1.headline",
        body="#article-body",
        published=".article .info",  # still matches
        source=".meta .src",
        author=".byline",
    )

    article = clean(build(), url, hints=stale)

    assert _fields(article) == _expected(expected)  # the generic path read them all
    assert article.extras["hints_missed"] == "title,body,source,author"


def test_element_without_text_counts_as_missed_for_title_and_body() -> None:
    page = site_pages.hongze_page().replace(
        b'<div class="art-title">', b'<div class="art-title"></div><div class="x">'
    )

    article = clean(page, site_pages.HONGZE_URL, hints=ExtractionHints(title=".art-title"))

    assert article.title == site_pages.HONGZE.title  # from the ArticleTitle meta
    assert article.extras == {"hints_missed": "title", "published_precision": "minute"}


def test_info_bar_without_the_field_falls_back_silently() -> None:
    # xichu's info bar has no author: the 作者 line after the text is found generically, and
    # the selector, which matched, is no sign of a layout change.
    hints = ExtractionHints(author=".article .info")

    article = clean(site_pages.xichu_page(), site_pages.XICHU_URL, hints=hints)

    assert article.author == "王喆"
    assert "hints_missed" not in article.extras


def test_only_the_first_match_is_used() -> None:
    hints = ExtractionHints(body=".article p")

    article = clean(site_pages.xichu_page(), site_pages.XICHU_URL, hints=hints)

    assert article.body == site_pages.XICHU.body[0]


def test_list_page_with_article_selectors_is_no_article() -> None:
    article = clean(
        site_pages.hongze_page().replace(b'id="zoom"', b'id="list"'),
        site_pages.HONGZE_URL,
        hints=ExtractionHints(body="#zoom"),
    )

    assert article.extras["hints_missed"] == "body"


# --- Reading values from a matched element ----------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["发布日期：2024-07-24 信息来源：洪泽区工信局 浏览次数："], "洪泽区工信局"),
        (["來源:宿遷經信網2016-11-14 我要評論(0 )"], "宿遷經信網"),
        (["淮安日报"], "淮安日报"),
        (["2020年03月19日08:27"], None),  # a bar with a date only
        (["浏览次数：120"], None),  # an unknown label is no source
        ([], None),
    ],
)
def test_source_in_an_element(lines: list[str], expected: str | None) -> None:
    assert source_in(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["作者:王喆"], "王喆"),
        (["記者 王喆"], "王喆"),
        (["王喆 李堃"], "王喆 李堃"),
        (["责任编辑：张敏"], None),
        (["2024年07月24日08:27 来源:西楚网"], None),
    ],
)
def test_author_in_an_element(lines: list[str], expected: str | None) -> None:
    assert author_in(lines) == expected


def test_author_selector_that_reads_nothing_leaves_its_line_in_the_text() -> None:
    # d7760's author selector is the last paragraph: on an article without a 記者 line that is
    # text, and it stays text.
    page = site_pages.d7760_page().replace(
        '<p style="text-align:right">記者 王喆</p>'.encode(), b""
    )

    article = clean(page, site_pages.D7760_URL, hints=SITE_HINTS["d7760"])

    assert article.author is None
    assert article.body.split("\n") == list(site_pages.D7760.body)
