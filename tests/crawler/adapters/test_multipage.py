"""Articles split over several pages: the next part, and every part."""

from __future__ import annotations

from crawler.adapters.multipage import might_be_split, next_part_url, part_urls
from tests.crawler.adapters.pages import (
    ASP_PARTS,
    D7760_INDEX,
    HAIYING_ARTICLE,
    HANEWS_ECONOMY,
    LASERFAIR_LIST,
    SQGXJ_ARTICLE,
    XICHU_PART1,
    XICHU_PART2,
    page,
)


def test_first_part_links_to_the_second_by_its_pager() -> None:
    root = page("xichu_content_7231.htm", XICHU_PART1)
    assert next_part_url(root, XICHU_PART1) == XICHU_PART2
    assert part_urls(root, XICHU_PART1) == [XICHU_PART1, XICHU_PART2]


def test_last_part_has_no_next_part_but_knows_the_first() -> None:
    root = page("xichu_content_7231_2.htm", XICHU_PART2)
    assert next_part_url(root, XICHU_PART2) is None
    assert part_urls(root, XICHU_PART2) == [XICHU_PART1, XICHU_PART2]


def test_trs_parts_count_from_one_and_a_windowed_pager_is_filled_in() -> None:
    root = page("sqgxj_t20240724_123460.html", SQGXJ_ARTICLE)
    stem = SQGXJ_ARTICLE.removesuffix(".html")
    assert next_part_url(root, SQGXJ_ARTICLE) == f"{stem}_1.html"
    assert part_urls(root, SQGXJ_ARTICLE) == [
        SQGXJ_ARTICLE, *(f"{stem}_{n}.html" for n in range(1, 5))
    ]


def test_parts_by_page_parameter() -> None:
    root = page("asp_show_130_parts.html", ASP_PARTS)
    assert next_part_url(root, ASP_PARTS) == ASP_PARTS + "&page=2"
    assert part_urls(root, ASP_PARTS) == [ASP_PARTS, ASP_PARTS + "&page=2", ASP_PARTS + "&page=3"]


def test_previous_and_next_article_links_are_not_parts() -> None:
    root = page("haiying_show_128.html", HAIYING_ARTICLE)
    assert next_part_url(root, HAIYING_ARTICLE) is None
    assert part_urls(root, HAIYING_ARTICLE) == [HAIYING_ARTICLE]


def test_a_list_page_next_link_is_not_an_article_part() -> None:
    # list_12_1 -> list_12_2 has exactly the shape of content_1 -> content_1_2.
    for name, url in [("laserfair_list_12_1.html", LASERFAIR_LIST),
                      ("d7760_huaian_index.html", D7760_INDEX),
                      ("hanews_economy.html", HANEWS_ECONOMY)]:
        root = page(name, url)
        assert next_part_url(root, url) is None, name
        assert part_urls(root, url) == [url], name


def test_related_link_with_a_number_for_text_is_not_a_part() -> None:
    root = page("xichu_content_7231.htm", XICHU_PART1)
    assert "https://www.xichu.net/2020-03/19/content_7232.htm" not in part_urls(root, XICHU_PART1)


def test_middle_part_of_a_hanweb_article() -> None:
    first = "https://www.hongze.gov.cn/art/2021/6/29/art_12187_4188004.html"
    second = first.replace(".html", "_2.html")
    root = page("hongze_art_parts.html", second)
    assert next_part_url(root, second) == first.replace(".html", "_3.html")
    assert part_urls(root, second) == [first, second, first.replace(".html", "_3.html")]


def test_the_cheap_pre_check_never_hides_a_split_article() -> None:
    split = '<a href="content_123_2.htm">2</a><a href="content_123_2.htm">下一页</a>'
    assert might_be_split(split, "http://a.example/2024-07/24/content_123.htm")
    back = '<a href="content_123.htm">1</a>'
    assert might_be_split(back, "http://a.example/2024-07/24/content_123_2.htm")
    assert might_be_split('<a href="?page=2">2</a>', "http://a.example/art/9.html")
    plain = '<a href="/2024-07/25/content_124.htm">下一篇</a><a href="/list_2.html">更多</a>'
    assert not might_be_split(plain, "http://a.example/2024-07/24/content_123.htm")
