"""Script detection and the simplified form of traditional pages."""

from __future__ import annotations

from archive.cleaning import clean
from archive.cleaning.script import HANS, HANT, detect_script, to_simplified

TRADITIONAL = (
    "市委市政府舉行2024年第二次重特大產業項目攻堅拉練，實地觀摩全市58個製造業項目，"
    "現場聽取各地今年以來項目引建工作匯報。"
)
SIMPLIFIED = "市委市政府举行2024年第二次重特大产业项目攻坚拉练，实地观摩全市58个制造业项目。"


def test_scripts_are_told_apart_and_short_or_foreign_text_is_left_undetermined() -> None:
    assert detect_script(TRADITIONAL) == HANT
    assert detect_script(SIMPLIFIED) == HANS
    assert detect_script("Industrial news from Jiangsu") is None
    assert detect_script("中国") is None  # no script-specific character


def test_traditional_text_is_simplified_phrase_by_phrase() -> None:
    assert to_simplified("重特大產業項目攻堅拉練") == "重特大产业项目攻坚拉练"


def test_a_traditional_page_keeps_its_script_and_gains_a_simplified_body() -> None:
    paragraphs = "".join(f"<p>{TRADITIONAL}</p>" for _ in range(4))
    page = (
        f"<html><head><meta charset='utf-8'><title>重特大產業項目攻堅拉練</title></head>"
        f"<body><h1>重特大產業項目攻堅拉練</h1><div id='zoom'>{paragraphs}</div></body>"
        f"</html>"
    ).encode()
    article = clean(page, "http://www.d7760.cn/news/huaian/2024/0724/1.html")
    assert article.script == HANT
    assert "產業項目" in article.body
    assert article.simplified_body is not None and "产业项目" in article.simplified_body
    simplified = clean(
        page.decode().replace(TRADITIONAL, SIMPLIFIED).encode(), "http://a.example/1"
    )
    assert (simplified.script, simplified.simplified_body) == (HANS, None)
