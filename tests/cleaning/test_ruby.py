"""Pinyin readings go; the characters they annotate and real parentheses stay."""

from __future__ import annotations

import pytest
from lxml import etree

from archive.cleaning.ruby import drop_ruby_annotations, strip_inline_pinyin
from archive.cleaning.text import parse_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("洪澤區(qū)工業(yè)經(jīng)濟", "洪澤區工業經濟"),
        ("召開(kāi)激光產(chǎn)業(yè)園", "召開激光產業園"),
        ("業（yè）", "業"),  # full-width parentheses
        ("區( qū )域", "區域"),
        ("區(qu\u0304)域", "區域"),  # tone mark as a combining character
        ("嗯(ń)", "嗯"),
    ],
)
def test_flattened_pinyin_is_removed(text: str, expected: str) -> None:
    assert strip_inline_pinyin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "羅孚橡膠(江蘇)有限公司",
        "淮安114網(d7760.cn)所刊載",
        "耐磨復合板(新廠區)項目",
        "(資料圖片)",
        "截至(2023)年底",
        "增長(yoy)",  # letters without a tone mark are not taken for pinyin
        "Café (né) à Paris",  # tone-like accents after a non-CJK character
        "項目(一期工程)",
    ],
)
def test_real_parentheses_are_left_alone(text: str) -> None:
    assert strip_inline_pinyin(text) == text


def test_ruby_readings_are_dropped_and_following_text_kept() -> None:
    root = parse_html(
        "<p>宿遷<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>域"
        "<ruby>經<rtc><rt>jīng</rt></rtc></ruby>濟</p>"
    )
    assert root is not None

    drop_ruby_annotations(root)

    assert etree.tostring(root, method="text", encoding=str) == "宿遷區域經濟"
