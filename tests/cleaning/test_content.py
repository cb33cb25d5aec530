"""Main-text selection and line cleaning, on small pages and single lines."""

from __future__ import annotations

import pytest

from archive.cleaning.content import (
    clean_lines,
    cut_tail,
    drop_repeated_leads,
    extract_content,
    is_boilerplate,
    marked_content,
)
from archive.cleaning.text import element_lines, parse_html

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
        "作者:王喆",
        "記者 王喆",
        "（记者 王喆 通讯员 李堃）",
        "■融媒體記者 葉 列 唐筱葳,通 訊 員 華明剛",
        "发布日期：2024-07-24 信息来源：洪泽区工信局",
        "发布时间：2024-07-24 10:33 来源：淮安日报",
        "發表時間:2018-3-6 發布者:海瀛產發集團 瀏覽次數:120",
        "来源:宿迁经信网2016-11-14",
        "2020年03月19日08:27 来源:西楚网",
        "(資料圖片)",
        "关键词：智能制造",
        "| |",
        "1 2 3 4",
        "字号:T|T",
        "已有0人阅读 字号：T | T 复制链接 打印 RSS",
        "人参与条评论打印转发",
        "参与互动(0)",
        "記者陳鈞凱／台北報導",
        "王嘉源／綜合報導",
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
        "记者从市工信局获悉",
        "记者节",
        "资金来源:省级工业和信息产业转型升级专项资金",
        "会议时间：2024年8月1日上午9:00",
        "（完）",
        "市民积极参与互动活动。",
        "更多的人选择乘坐高铁返乡。",
    ],
)
def test_article_lines(line: str) -> None:
    assert not is_boilerplate(line)


def test_tail_is_cut_only_after_the_text_began() -> None:
    lines = ["相关阅读", PARAGRAPHS[0], "免责声明", "① 凡本网未注明其他出处的作品,版权均属于本网。"]

    assert cut_tail(lines) == ["相关阅读", PARAGRAPHS[0]]


def test_related_list_before_the_middle_of_the_text_does_not_cut() -> None:
    lead = "本文导读：" + PARAGRAPHS[0]
    links = ["相关新闻：", "格兰仕三遇产品不合格"]
    lines = [lead, *links, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[0]]

    assert cut_tail(lines) == lines
    assert cut_tail([*PARAGRAPHS, "相关新闻：", "格兰仕三遇产品不合格"]) == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "notice",
    [
        "(內容由新浪北京提供。未經授權，不得轉載。)",
        "本文版权归本网所有，任何媒体、网站或个人未经本网协议授权不得转载、链接或以其他方式复制发表。",
        "香港新聞現已開設Facebook專頁，與朋友分享！快點到Facebook Like我們的專頁！",
        "我們也開了Google plus page,如有Google plus account的你,也可follow 我們吧!",
    ],
)
def test_reprint_notices_and_follow_us_prompts_end_the_text(notice: str) -> None:
    lines = [PARAGRAPHS[0], notice, "SONY更多新機曝光"]

    assert cut_tail(lines) == [PARAGRAPHS[0]]


def test_follow_us_prompt_after_a_brief_of_short_lines_ends_it() -> None:
    brief = ["紅磡一個單位遭賊人爆竊，損失財物逾萬元。", "警員到場調查，戶主損失三千五百元現金。"]
    prompt = "香港新聞現已開設Facebook專頁，讓你即時掌握本地新聞，快點到Facebook Like我們的專頁！"

    assert cut_tail([*brief, prompt]) == brief


def test_quoted_reprint_ban_before_the_middle_does_not_cut() -> None:
    quote = "他说：“未经授权使用我们的技术不得转载，这会阻碍我们继续创新。”"
    lines = [PARAGRAPHS[0], quote, PARAGRAPHS[1], PARAGRAPHS[0]]

    assert cut_tail(lines) == lines


@pytest.mark.parametrize("pager", ["123456 下一页", "1 2 3 下一頁", "下一页"])
def test_pager_after_a_brief_of_short_lines_ends_it(pager: str) -> None:
    brief = ["12月15日，消防车停在嘉茂中心外。", "截至记者发稿时，大火已被扑灭。"]

    assert cut_tail([*brief, pager, "上海滩爆料平台 最高奖励500元>>"]) == brief


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


# --- Hanweb markers and CMS containers --------------------------------------------------------

NOTICE = (
    "经研究，决定自2024年8月1日起调整全区工业用地出让最低价标准，"
    "具体标准详见附件，请各镇街、各有关部门遵照执行。"
)
SIDEBAR_TEXT = "".join(
    f"<p>第{i}项服务事项：企业开办、项目审批、不动产登记等事项实行一窗受理、集成服务，办理时限压缩一半。</p>"
    for i in range(4)
)


def _marked(html: str) -> list[str] | None:
    root = parse_html(html)
    assert root is not None
    span = marked_content(root)
    return None if span is None else element_lines(span)


def test_marked_span_between_sibling_markers() -> None:
    html = (
        "<div id='zoom'><p>扫一扫在手机打开当前页</p><meta name='ContentStart'>"
        f"<p>{PARAGRAPHS[0]}</p>导语后的文字<p>{PARAGRAPHS[1]}</p><meta name='ContentEnd'>"
        "<p>附件：1.申报表.doc</p></div>"
    )

    assert _marked(html) == [PARAGRAPHS[0], "导语后的文字", PARAGRAPHS[1]]


def test_marked_span_across_table_cells() -> None:
    html = (
        "<table><tr><td class='bt'>标题</td></tr>"
        "<tr><td><span>发布日期：2024-07-24</span><meta name='CONTENTSTART'>"
        f"<p>{PARAGRAPHS[0]}</p></td></tr>"
        f"<tr><td><p>{PARAGRAPHS[1]}</p><meta name='ContentEnd'><p>【打印本页】</p></td></tr>"
        "<tr><td>主办单位：某某区人民政府</td></tr></table>"
    )

    assert _marked(html) == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "html",
    [
        f"<div><meta name='ContentStart'><p>{PARAGRAPHS[0]}</p></div>",  # no end
        f"<div><meta name='ContentEnd'><p>{PARAGRAPHS[0]}</p><meta name='ContentStart'></div>",
        f"<div><p>{PARAGRAPHS[0]}</p><meta name='ContentStart'><img src='a.png'>"
        "<meta name='ContentEnd'></div>",
    ],
    ids=["no-end", "reversed", "no-text"],
)
def test_no_usable_marked_span(html: str) -> None:
    assert _marked(html) is None


def test_markers_beat_a_denser_block_around_them() -> None:
    # Old jcms table templates: the cell holds the text, then a long site notice.
    html = (
        "<table><tr><td class='bt_content'><meta name='ContentStart'>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><meta name='ContentEnd'>"
        f"<div class='wzsm'>{SIDEBAR_TEXT}</div></td></tr></table>"
    )

    body, is_article = _body(html)

    assert body.split("\n") == list(PARAGRAPHS)
    assert is_article


def test_markers_inside_a_hinted_container_narrow_it() -> None:
    root = parse_html(
        f"<div class='main'><div class='x'>{SIDEBAR_TEXT}</div><meta name='ContentStart'>"
        f"<p>{PARAGRAPHS[0]}</p><meta name='ContentEnd'></div>"
    )
    assert root is not None
    container = root.find(".//div")
    assert container is not None

    assert extract_content(root, None, container=container).body == PARAGRAPHS[0]


@pytest.mark.parametrize(
    "container",
    [
        "<div id='zoom'>",
        "<div class='TRS_Editor'>",
        "<div class='trs_editor_view TRS_UEDITOR trs_paper_default'>",
    ],
)
def test_short_notice_in_a_cms_container_beats_a_longer_sidebar(container: str) -> None:
    html = f"<div class='side'>{SIDEBAR_TEXT}</div>{container}<p>{NOTICE}</p></div>"

    body, is_article = _body(html)

    assert body == NOTICE
    assert is_article


def test_short_text_in_a_generic_content_div_is_not_trusted() -> None:
    html = f"<div class='side'>{SIDEBAR_TEXT}</div><div class='content'><p>{NOTICE}</p></div>"

    body, _ = _body(html)

    assert body != NOTICE


# --- Summaries, widgets, pagers ---------------------------------------------------------------


def test_summary_repeating_text_across_a_paragraph_break_is_dropped() -> None:
    opening = "各设区市工业和信息化局："
    summary = "摘要：" + (opening + PARAGRAPHS[0])[:40]
    lines = [summary, opening, PARAGRAPHS[0]]

    assert drop_repeated_leads(lines) == lines[1:]


@pytest.mark.parametrize("ellipsis", ["...", "…", "……"])
def test_truncated_labelled_summary_is_dropped_even_when_not_repeated(ellipsis: str) -> None:
    lines = ["摘要：本文介绍了全市智能制造示范工厂的建设经验" + ellipsis, *PARAGRAPHS]

    assert drop_repeated_leads(lines) == list(PARAGRAPHS)


def test_whole_abstract_that_is_not_repeated_stays() -> None:
    lines = ["摘要：全市智能制造示范工厂建设取得明显成效。", *PARAGRAPHS]

    assert drop_repeated_leads(lines) == lines


@pytest.mark.parametrize(
    "marker",
    [
        "网友评论",
        "發表評論",
        "最新评论",
        "我要评论",
        "总共: 2页 上一页 1 2 下一页",
        "下一頁",
        "免责声明：本网转载的文章",
        "更多精彩内容请进入地方新闻",
        ">相关新闻：",
        "・上一篇：重庆微政务上线",
        "更多>>房地产业",
        "更多 今日總覽 新聞",
    ],
)
def test_comment_widgets_pagers_and_disclaimers_end_the_text(marker: str) -> None:
    lines = [
        PARAGRAPHS[0],
        marker,
        "匿名网友 2024-07-25 09:12",
        "宿迁的新能源产业发展真快，为经开区点赞！",
    ]

    assert cut_tail(lines) == [PARAGRAPHS[0]]


def test_trailing_reporter_lines_are_not_text() -> None:
    lines = [PARAGRAPHS[0], PARAGRAPHS[1], "記者 王喆"]

    assert clean_lines(lines, None) == list(PARAGRAPHS)


EN_PARAGRAPHS = (
    "The city council voted on Tuesday to extend the bus line to the new hospital, officials said.",
    "Construction is expected to start next spring and to take about eighteen months to finish.",
)


def test_comment_thread_inside_the_content_container_is_dropped() -> None:
    article = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)
    comments = "".join(
        f"<div class='comment'><p>Reader {i}: great news for our neighbourhood, finally!</p></div>"
        for i in range(3)
    )
    html = f"<div id='content'>{article}<div id='commentsContainer'>{comments}</div></div>"

    body, is_article = _body(html)

    assert body == "\n".join(EN_PARAGRAPHS)
    assert is_article


def test_article_element_inside_a_comment_list_is_not_the_text() -> None:
    # WordPress themes mark each comment up as an <article>; the post is unnamed divs.
    article = "".join(f"<div>{p}</div>" for p in EN_PARAGRAPHS)
    long_comment = " ".join(["I have lived on this street for years and the bus never came."] * 3)
    comments = f"<ol class='comment-list'><li><article><p>{long_comment}</p></article></li></ol>"
    html = f"<div class='post'>{article}</div><div id='comments'>{comments}</div>"

    body, _ = _body(html)

    assert body == "\n".join(EN_PARAGRAPHS)


def test_wrapper_named_like_furniture_but_holding_the_text_stays() -> None:
    article = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)
    html = f"<div class='layout has-sidebar'><div class='post'>{article}</div></div>"

    body, _ = _body(html)

    assert body == "\n".join(EN_PARAGRAPHS)


def test_article_written_inside_one_link_is_text() -> None:
    paragraphs = (
        *PARAGRAPHS,
        "寒流一波接着一波，口罩围巾都出笼了。想让肌肤在干燥的冷风吹袭下仍然保持水嫩，洗脸时的水温是关键。",
        "看似简单的护肤概念却也容易被忽略，如果皮肤还是显得过度干燥，还是赶快咨询专科医师才是上策。",
        "除了避免用热水，洗脸的次数和选择适当的护肤产品也很重要，晚上洗脸之后可以直接擦上保湿乳液。",
    )
    text = "<br><br>".join(paragraphs)
    html = f"<div><ul>{SIDEBAR}</ul><dl><a href='/a/1.html'>{text}</a></dl></div>"

    body, is_article = _body(html)

    assert body == "\n".join(paragraphs)
    assert is_article


@pytest.mark.parametrize(
    "marker", ["Related Articles", "Tags:", "Leave a comment", "12 Comments", "関連記事"]
)
def test_english_end_markers_cut_the_tail(marker: str) -> None:
    lines = [*EN_PARAGRAPHS, marker, "Another story about buses", "Why the council said no"]

    assert cut_tail(lines) == list(EN_PARAGRAPHS)


def test_english_marker_before_the_middle_of_the_text_does_not_cut() -> None:
    lines = [EN_PARAGRAPHS[0], "Related Stories", EN_PARAGRAPHS[1], EN_PARAGRAPHS[0]]

    assert cut_tail(lines) == lines


@pytest.mark.parametrize(
    "line",
    [
        "Share this story",
        "Subscribe to our newsletter",
        "Advertisement",
        "READ MORE: Council approves budget",
        "https://www.example.com/news/article/bus-line-1234.php",
        "分享到：MSN开心网人人网豆瓣新浪微博",
    ],
)
def test_widget_lines_inside_the_text_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "by Bryan DeArdo",
        "By Bill Hoppe | Special to the Pioneer Press",
        "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
        "Updated 5:27 am CST, Wednesday, November 20, 2019",
        "Published 11:11 PM EST Nov 19, 2019",
        "Nov 18, 2019 at 9:24 pm ET • 2 min read",
        "By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.",
        "Wednesday 20 November 2019 9:22 am",
    ],
)
def test_english_bylines_and_datelines_are_not_text(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the council had voted to close the depot.",
        "The game starts at 7:30 p.m. on Nov. 21, 2019, at the new stadium.",
        "Updated figures show the deficit grew by 2.5% in 2019.",
    ],
)
def test_english_sentences_with_dates_or_by_stay(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photo by Kirk Irwin/Getty Images",
        "Sanjeev Verma/Hindustan Times/Getty Images",
        "(Image: © Shutterstock)",
        "Image copyright Getty Images",
        "A worker loads door trims outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz)",
        "WeWork chairman Marcelo Claure (Credit: Getty Images)",
    ],
)
def test_photo_credits_and_credited_captions_are_not_text(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The company said it had licensed the pictures to Getty Images.",
        "Officials confirmed the figures to Reuters on Tuesday, a day after the vote.",
    ],
)
def test_sentences_citing_agencies_stay(line: str) -> None:
    assert not is_boilerplate(line)
