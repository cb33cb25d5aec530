"""clean() without selectors on article pages of the seven sites the crawler meets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.cleaning import clean
from tests.cleaning import site_pages

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize("site", list(site_pages.SITES))
@pytest.mark.parametrize("field", ["title", "published_raw", "source", "author", "body"])
def test_generic_cleaning_reads_every_field(site: str, field: str) -> None:
    url, build, expected = site_pages.SITES[site]

    article = clean(build(), url)

    assert article.is_article
    got = article.body.split("\n") if field == "body" else getattr(article, field)
    want = list(expected.body) if field == "body" else getattr(expected, field)
    assert got == want


@pytest.mark.parametrize(
    ("site", "encoding"),
    [("haiying", "big5hkscs"), ("laserfair", "gb18030"), ("hongze", "utf-8")],
)
def test_site_encodings_decode_without_loss(site: str, encoding: str) -> None:
    url, build, _ = site_pages.SITES[site]

    article = clean(build(), url, {"Content-Type": "text/html"})

    assert (article.encoding, article.replacement_chars) == (encoding, 0)


def test_hanweb_minute_comes_from_pubdate_meta_not_the_day_in_the_info_bar() -> None:
    article = clean(site_pages.hongze_page(), site_pages.HONGZE_URL)

    assert article.published == datetime(2024, 7, 24, 10, 33, tzinfo=CST)


def test_hanweb_without_pubdate_meta_reads_the_info_bar() -> None:
    article = clean(site_pages.hongze_page(pub_date_meta=False), site_pages.HONGZE_URL)

    assert article.published_raw == "2024-07-24"
    assert article.published == datetime(2024, 7, 24, tzinfo=CST)


def test_view_counter_change_leaves_the_article_unchanged() -> None:
    before = clean(site_pages.d7760_page(views=675), site_pages.D7760_URL)
    after = clean(site_pages.d7760_page(views=716), site_pages.D7760_URL)

    assert after == before
    assert "675" not in before.body


def test_syndicated_copy_has_the_original_body() -> None:
    original = clean(site_pages.xichu_page(), site_pages.XICHU_URL)
    copy = clean(site_pages.laserfair_page(), site_pages.LASERFAIR_URL)

    assert copy.body == original.body
    assert "张喆" in copy.body and "李堃" in copy.body  # GBK-only characters survive
    assert (copy.source, original.source) == ("宿迁经信网", "西楚网")


def test_laserfair_summary_comments_and_disclaimer_are_not_text() -> None:
    article = clean(site_pages.laserfair_page(), site_pages.LASERFAIR_URL)

    assert article.body.count(site_pages.LASERFAIR.body[0][:20]) == 1
    for furniture in ("摘要", "免责声明", "网友评论", "匿名网友", "发表评论", "鍚庣画", "关键词"):
        assert furniture not in article.body


def test_part_of_a_multi_page_article_drops_the_pager() -> None:
    article = clean(site_pages.xichu_page(parts=2), site_pages.XICHU_URL)

    assert article.body.split("\n") == list(site_pages.XICHU.body)
    assert article.author == "王喆"


def test_date_in_an_info_bar_later_than_the_fetch_falls_back_to_the_url() -> None:
    fetched = datetime(2024, 7, 24, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai, before 08:27

    article = clean(site_pages.xichu_page(), site_pages.XICHU_URL, fetched_at=fetched)

    assert article.published_raw == "2024-07/24"
