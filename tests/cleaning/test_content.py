"""Main-text selection and line cleaning, on small pages and single lines."""

from __future__ import annotations

import pytest

from archive.cleaning.content import (
    clean_lines,
    cut_tail,
    drop_repeated_leads,
    extract_content,
    is_boilerplate,
)
from archive.cleaning.text import parse_html

PARAGRAPHS = (
    "为深入贯彻落实制造强省战略，加快推进智能制造发展，经企业申报、地方推荐、专家评审和网上公示，现将名单予以公布。",
    "各设区市工业和信息化局要加强对示范工厂的跟踪服务，及时总结推广典型经验，带动更多企业加快智能化改造和数字化转型。",
)
SIDEBAR = "".join(
    f'<li><a href="/n/{i}.html">工业经济运行情况通报第{i}期</a></li>' for i in range(15)
)


def _body(html: str, title: str | None = None) -> tuple[str, bool]:
    root = parse_html(html)
    assert root is not None
    content = extract_content(root, title)
    return content.body, content.is_article


def test_hint_container_is_used_when_it_holds_the_text() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"<div><ul>{SIDEBAR}</ul><div class='TRS_Editor'>{paragraphs}</div></div>"

    body, is_article = _body(html)

    assert body == "\n".join(PARAGRAPHS)
    assert is_article


def test_empty_hint_falls_back_to_the_densest_block() -> None:
    # `#content` is an empty shell here; the text sits in an unnamed div of one-line divs.
    lines = "".join(f"<div>{p}</div>" for p in PARAGRAPHS)
    html = (
        f"<div id='content'><span>加载中</span></div><ul>{SIDEBAR}</ul><div class='x'>{lines}</div>"
    )

    body, is_article = _body(html)

    assert body == "\n".join(PARAGRAPHS)
    assert is_article


def test_whole_page_aspnet_form_is_not_dropped_as_a_widget() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"<form id='form1' action='show.aspx'><div class='zw'>{paragraphs}</div></form>"

    body, _ = _body(html)

    assert body.split("\n") == list(PARAGRAPHS)


def test_text_broken_by_br_in_a_table_cell_keeps_its_paragraphs() -> None:
    cell = "<br><br>".join(PARAGRAPHS)
    html = f"<table><tr><td><ul>{SIDEBAR}</ul></td><td>{cell}</td></tr></table>"

    body, _ = _body(html)

    assert body.split("\n") == list(PARAGRAPHS)


def test_short_page_is_not_an_article() -> None:
    body, is_article = _body("<div><p>页面不存在或已被删除。</p><p>返回首页</p></div>")

    assert not is_article
    assert body == "页面不存在或已被删除。"


def test_list_of_links_is_not_an_article() -> None:
    _, is_article = _body(f"<div class='content'><ul>{SIDEBAR}</ul></div>")

    assert not is_article


@pytest.mark.parametrize(
    "line",
    [
        "您的位置:首頁 > 國內 >",
        "首页 / 时政 / 正文",
        "字号：[ 大 中 小 ]",
        "【打印本页】【关闭窗口】",
        "評 論 轉 發 收 藏 打 印",
        "分享到：",
        "责任编辑：王明",
        "上一篇:十三屆全國人大一次會議在京開幕 下一篇:李東成張宏春分別察看",
        "版權所有 轉載請注明出處!盜用必究!",
        "苏ICP备05006260号 苏公网安备 32010202010231号",
        "2023-06-24 19:04:19 來源:搜狐號-信息新報",
        "發布時間: 2024-07-24 10:33 關注度:675",
        "作者:张乃川 ,张晔 孙安 谢卫 王铭",
        "(資料圖片)",
        "关键词：智能制造",
        "| |",
        "1 2 3 4",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "大家分享了经验。",
        "关闭了三家落后产能企业。",
        "2024年7月24日",
        "江苏省工业和信息化厅",
        "1 江苏沃盾耐磨新材料有限公司 淮安市",
        "声明指出，将依法维护企业合法权益。",
        "记者王铭:“人勤春来早,奋斗正当时。”",
        "资金来源:省级工业和信息产业转型升级专项资金",
        "会议时间：2024年8月1日上午9:00",
        "（完）",
    ],
)
def test_article_lines(line: str) -> None:
    assert not is_boilerplate(line)


def test_tail_is_cut_only_after_the_text_began() -> None:
    lines = ["相关阅读", PARAGRAPHS[0], "免责声明", "① 凡本网未注明其他出处的作品,版权均属于本网。"]

    assert cut_tail(lines) == ["相关阅读", PARAGRAPHS[0]]


def test_repeated_lead_is_dropped_with_or_without_a_label() -> None:
    labelled = ["导读:" + PARAGRAPHS[0][:40], "本报讯 " + PARAGRAPHS[0], PARAGRAPHS[1]]
    truncated = [PARAGRAPHS[0][:45], PARAGRAPHS[0], PARAGRAPHS[1]]

    assert drop_repeated_leads(labelled) == labelled[1:]
    assert drop_repeated_leads(truncated) == truncated[1:]


def test_headline_and_what_stands_above_it_are_dropped() -> None:
    lines = [
        "今日要闻",
        "宿迁召开激光产业园建设会办会",
        PARAGRAPHS[0],
        "宿迁召开激光产业园建设会办会",
    ]

    # A later mention of the title, inside the text, stays.
    assert clean_lines(lines, "宿迁召开激光产业园建设会办会") == lines[2:]
