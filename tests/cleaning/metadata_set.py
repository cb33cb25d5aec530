"""A scored set of small pages: each info-bar, meta-tag and byline format we have met, with the
publication time, 来源 and author a reader would write down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The pages were fetched after all of them were published, and before the 2026 deadlines some
# of them print.
FETCHED_AT = datetime(2025, 6, 1)

BODY = (
    "<p>6月19日，区委书记主持召开区工业经济发展工作委员会年度第二次会议，专题总结科技大会成果，"
    "推动纤维产业迈向新台阶。区领导参加会议。</p>"
    "<p>会议指出，要再接再厉、奋发有为，树牢项目为王、环境是金理念，把期望转化为实实在在落地的"
    "优质项目成果，合力推动工业经济高质量发展。</p>"
)
BODY_HANT = (
    "<p>6月19日，區委書記主持召開區工業經濟發展工作委員會年度第二次會議，專題總結科技大會成果，"
    "推動纖維產業邁向新臺階。區領導參加會議。</p>"
    "<p>會議指出，要再接再厲、奮發有為，樹牢項目為王、環境是金理念，把期望轉化為實實在在落地的"
    "優質項目成果，合力推動工業經濟高質量發展。</p>"
)


@dataclass(frozen=True)
class Case:
    """One page and what it says: `published` as `YYYY-MM-DD[ HH:MM[:SS]]` Shanghai time, or
    an ISO string with its offset."""

    name: str
    html: str
    published: str | None
    source: str | None
    author: str | None
    url: str = "https://www.example.cn/news/a.html"


def page(title: str, bar: str, *, head: str = "", body: str = BODY, before: str = "") -> str:
    """A page as Chinese news CMSs lay it out: menu, headline, info bar, text, footer."""
    return (
        f"<html><head><meta charset='utf-8'><title>{title}_某某网</title>{head}</head><body>"
        "<div class='nav'>首页 &gt; 新闻中心 &gt; 要闻</div>"
        f"{before}<h1>{title}</h1><div class='info'>{bar}</div>"
        f"<div class='content'>{body}</div>"
        "<div class='footer'>版权所有 © 2025 某某网 苏ICP备12345678号</div></body></html>"
    )


T = "全区工业经济发展大会召开"
TH = "全區工業經濟發展大會召開"

CASES: tuple[Case, ...] = (
    # --- The seeds' info bars -----------------------------------------------------------------
    Case(
        "seed000-second",
        page(TH, "2023-06-24 19:04:19 來源:搜狐號-信息新報", body=BODY_HANT),
        "2023-06-24 19:04:19",
        "搜狐號-信息新報",
        None,
    ),
    Case(
        "seed001-labelled-minute",
        page(TH, "發布時間: 2024-07-24 10:33  關注度:675 評 論 轉 發 收 藏 打 印", body=BODY_HANT),
        "2024-07-24 10:33",
        None,
        None,
    ),
    Case(
        "seed002-cn-minute",
        page(
            T,
            "2020年03月19日08:27 &#160; 来源:宿迁市广播电视总台",
            body=BODY + "<p>记者王铭：“人勤春来早，奋斗正当时。17号下午，我市召开大会。”</p>",
        ),
        "2020-03-19 08:27",
        "宿迁市广播电视总台",
        None,
    ),
    Case(
        "seed003-publisher",
        page(TH, "發表時間:2018-3-6 發布者:海瀛產發集團 瀏覽次數:120 |", body=BODY_HANT),
        "2018-03-06",
        "海瀛產發集團",
        None,
    ),
    Case(
        "seed004-date-glued-to-source",
        page(TH, "來源:宿遷經信網2016-11-14 我要評論(0 )", body=BODY_HANT),
        "2016-11-14",
        "宿遷經信網",
        None,
    ),
    # --- Chinese numerals -----------------------------------------------------------------
    Case(
        "cn-numerals",
        page(T, "二〇二三年六月十九日 来源：区政府办"),
        "2023-06-19",
        "区政府办",
        None,
    ),
    Case(
        "cn-numerals-labelled",
        page(T, "发布日期：二零二三年十月一日 信息来源：区工信局"),
        "2023-10-01",
        "区工信局",
        None,
    ),
    Case(
        "cn-numerals-thirty-one",
        page(T, "<span>二〇二二年十二月三十一日</span><span>作者：刘洋</span>"),
        "2022-12-31",
        None,
        "刘洋",
    ),
    # --- Meta tags, JSON-LD, OpenGraph ---------------------------------------------------------
    Case(
        "gov-meta-tags",
        page(
            T,
            "【字体：大 中 小】 打印",
            head=(
                "<meta name='PubDate' content='2024-07-24 10:33'>"
                "<meta name='ContentSource' content='江苏省工业和信息化厅'>"
                "<meta name='Author' content='江苏省工业和信息化厅'>"
            ),
        ),
        "2024-07-24 10:33",
        "江苏省工业和信息化厅",
        None,
    ),
    Case(
        "json-ld",
        page(
            T,
            "字号：大 中 小",
            head=(
                '<script type=\'application/ld+json\'>{"@context": "https://schema.org", '
                '"@type": "NewsArticle", "datePublished": "2024-03-05T08:30:00+08:00", '
                '"author": [{"@type": "Person", "name": "张乃川"}]}</script>'
            ),
        ),
        "2024-03-05T08:30:00+08:00",
        None,
        "张乃川",
    ),
    Case(
        "json-ld-graph",
        page(
            T,
            "",
            head=(
                '<script type=\'application/ld+json\'>{"@graph": [{"@type": "WebPage"}, '
                '{"@type": "Article", "datePublished": "2023-11-02T16:05:10Z", '
                '"author": "王喆"}]}</script>'
            ),
        ),
        "2023-11-02T16:05:10+00:00",
        None,
        "王喆",
    ),
    Case(
        "opengraph",
        page(
            T,
            "",
            head="<meta property='article:published_time' content='2022-08-09T07:00:00+08:00'>",
        ),
        "2022-08-09T07:00:00+08:00",
        None,
        None,
    ),
    Case(
        "meta-publishdate",
        page(T, "来源：新华日报", head="<meta name='publishdate' content='2021-04-02'>"),
        "2021-04-02",
        "新华日报",
        None,
    ),
    # --- Source labels ------------------------------------------------------------------------
    Case(
        "xinxi-laiyuan",
        page(T, "发布时间：2023-05-06 09:12 信息来源：市发展改革委 浏览次数：35"),
        "2023-05-06 09:12",
        "市发展改革委",
        None,
    ),
    Case(
        "gaoyuan",
        page(T, "稿源：宿迁日报 作者：钱一 时间：2022-09-10"),
        "2022-09-10",
        "宿迁日报",
        "钱一",
    ),
    Case(
        "publisher-hant",
        page(TH, "發佈時間：2019-08-01 09:15 發布者：亭湖區工信局", body=BODY_HANT),
        "2019-08-01 09:15",
        "亭湖區工信局",
        None,
    ),
    Case(
        "wenzhang-laiyuan",
        page(T, "文章来源：中国江苏网 | 更新时间：2020-12-01 18:20:33 | 点击数：88"),
        "2020-12-01 18:20:33",
        "中国江苏网",
        None,
    ),
    Case(
        "gaojian-laiyuan-hant",
        page(TH, "稿件來源：淮安日報　發布日期：2017/05/08", body=BODY_HANT),
        "2017-05-08",
        "淮安日報",
        None,
    ),
    Case(
        "spans-without-labels-for-date",
        page(T, "<span class='date'>2021-05-06 14:00</span><span class='src'>来源：人民网</span>"),
        "2021-05-06 14:00",
        "人民网",
        None,
    ),
    # --- Authors ------------------------------------------------------------------------------
    Case(
        "author-and-editor",
        page(T, "时间：2023-02-14 来源：新华社 作者：张三 责任编辑：李四"),
        "2023-02-14",
        "新华社",
        "张三",
    ),
    Case(
        "reporter-label",
        page(T, "2024-01-08 08:00 记者：孙安 通讯员：李堃 来源：扬子晚报"),
        "2024-01-08 08:00",
        "扬子晚报",
        "孙安",
    ),
    Case(
        "reporter-hant",
        page(TH, "發布時間：2018-10-10 記者：陳立 編輯：黃芳", body=BODY_HANT),
        "2018-10-10",
        None,
        "陳立",
    ),
    Case(
        "correspondent-only",
        page(T, "发布日期：2022-03-03 通讯员：赵六"),
        "2022-03-03",
        None,
        "赵六",
    ),
    Case(
        "byline-first-line",
        page(T, "2023-07-01 来源：宿迁日报", body="<p>本报记者 王喆 通讯员 李堃</p>" + BODY),
        "2023-07-01",
        "宿迁日报",
        "王喆",
    ),
    Case(
        "byline-in-brackets",
        page(T, "2023-07-02 15:30", body=BODY + "<p>（记者 王铭）</p>"),
        "2023-07-02 15:30",
        None,
        "王铭",
    ),
    Case(
        "editor-only",
        page(T, "2023-07-03 来源：宿城区融媒体中心", body=BODY + "<p>责任编辑：张敏</p>"),
        "2023-07-03",
        "宿城区融媒体中心",
        None,
    ),
    Case(
        "several-authors",
        page(T, "作者：张乃川,张晔 发布时间：2024-06-01 10:00:00"),
        "2024-06-01 10:00:00",
        None,
        "张乃川,张晔",
    ),
    # --- Dates that are no publication time ---------------------------------------------------
    Case(
        "future-deadline-passed-over",
        page(
            T,
            "发布时间：2024-11-20 16:45",
            body=BODY + "<p>报名时间：2026-01-01至2026-01-15</p>",
        ),
        "2024-11-20 16:45",
        None,
        None,
    ),
    Case(
        "url-date-only",
        page(T, "来源：江苏省人民政府"),
        "2024-07-24",
        "江苏省人民政府",
        None,
        url="https://www.jiangsu.gov.cn/art/2024/7/24/art_60096_11300000.html",
    ),
    Case(
        "trs-url-date",
        page(T, "字号：大 中 小"),
        "2023-09-15",
        None,
        None,
        url="http://gxj.suqian.gov.cn/sgxj/gzdt/202309/t20230915_123456.shtml",
    ),
    Case(
        "time-units",
        page(T, "发布时间：2024年7月24日 10时33分 来源：淮安市工信局"),
        "2024-07-24 10:33",
        "淮安市工信局",
        None,
    ),
    # --- 信息公开 pages ---------------------------------------------------------------------
    Case(
        "disclosure-table",
        page(
            "省政府关于推进制造业智能化改造的实施意见",
            "",
            before=(
                "<table class='xxgk'><tr><td>索引号：</td><td>014000319/2023-00123</td>"
                "<td>主题分类：</td><td>工业</td></tr><tr><td>发布机构：</td><td>江苏省人民政府</td>"
                "<td>成文日期：</td><td>2023-06-19</td></tr><tr><td>文号：</td>"
                "<td>苏政发〔2023〕12号</td><td>发布日期：</td><td>2023-06-21</td></tr></table>"
            ),
        ),
        "2023-06-21",
        "江苏省人民政府",
        None,
    ),
    Case(
        "disclosure-list",
        page(
            "关于2023年度预算安排的通知",
            "",
            before=(
                "<ul class='xxgk'><li><span>索 引 号：</span>K1234-2023-0001</li>"
                "<li><span>信息来源：</span>宿迁市财政局</li>"
                "<li><span>文　　号：</span>宿财发〔2023〕5号</li>"
                "<li><span>成文日期：</span>二〇二三年六月十九日</li></ul>"
            ),
        ),
        "2023-06-19",
        "宿迁市财政局",
        None,
    ),
)
