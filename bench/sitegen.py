"""The benchmark's generated site: N Chinese industrial-news articles and their paged lists.

Deterministic (the article number seeds its text), so every run crawls the same bytes.  The
markup follows the county portals the crawler targets: top bar, nav, breadcrumbs, an info bar
``发布时间：… 来源：…``, 4–6 paragraphs, a block of related-article links (link-heavy pages),
上一篇/下一篇 and a footer of friendly links.  List pages carry 20–50 article links each
(it varies by column) with 首页/上一页/下一页/尾页 paging.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from zoneinfo import ZoneInfo

SITE_NAME = "淮河市人民政府"
# column id -> (name, links per list page)
COLUMNS = {2001: ("工业经济", 20), 2002: ("招商引资", 30), 2003: ("项目建设", 40),
           2004: ("园区动态", 50)}
EPOCH = datetime(2025, 6, 30, 18, 0)
SHANGHAI = ZoneInfo("Asia/Shanghai")

PLACES = ("淮河市", "洪湖区", "清河区", "宿城区", "经济开发区", "高新区", "临港产业园", "盐河镇",
          "东湖街道", "北岸新城", "南郊工业园", "城南开发区")
ACTORS = ("市工信局", "市发改委", "区商务局", "开发区管委会", "市科技局", "区政府", "市委市政府",
          "园区招商中心", "市场监管局", "市财政局", "市统计局", "区人社局")
INDUSTRIES = ("新能源汽车", "智能装备", "绿色食品", "新材料", "光伏组件", "锂电池", "生物医药",
              "高端纺织", "电子信息", "盐化工", "现代物流", "节能环保", "集成电路", "精密机械")
EVENTS = ("项目集中开工", "重点项目推进会召开", "签约仪式举行", "产业链招商座谈会召开",
          "一季度经济运行分析会召开", "企业服务专员制度启动", "技术改造专项资金下达",
          "专精特新企业培育工作部署", "安全生产检查开展", "智能化改造现场会召开",
          "投资说明会成功举办", "园区基础设施提升工程完工")
COMPANIES = ("江淮新能源科技有限公司", "苏北智造装备股份有限公司", "洪泽湖食品集团",
             "华东新材料有限公司", "恒远光电科技有限公司", "金盐化工股份有限公司",
             "瑞达精密机械有限公司", "楚州纺织有限公司", "天成医药科技有限公司",
             "运河物流集团", "鑫源电子有限公司", "盛景环保科技有限公司")
LEADERS = ("王建国", "李明华", "张志强", "刘晓东", "陈卫民", "杨振华", "赵立新", "周海涛")
SOURCES = ("淮河市工业和信息化局", "淮河日报", "洪湖区融媒体中心", "市发展和改革委员会",
           "经济开发区管委会", "淮河市人民政府办公室", "市投资促进中心")
OPENINGS = (
    "{date}，{actor}召开{industry}产业发展专题会议，研究部署下一阶段重点工作。",
    "近日，{company}年产{n1}万套{industry}项目在{place}正式开工建设，项目总投资{money}亿元。",
    "{date}上午，{place}举行{industry}重大项目集中签约活动，共签约项目{n2}个，"
    "计划总投资{money}亿元。",
    "为进一步优化营商环境，{actor}近日出台{n2}条具体措施，支持{industry}企业做大做强。",
    "今年以来，{place}坚持工业强区战略，{industry}产业实现产值{money}亿元，同比增长{pct}%。",
)
SENTENCES = (
    "{leader}在讲话中指出，要牢牢把握{industry}产业发展机遇，加快推动项目早竣工、早投产、早见效。",
    "据了解，该项目建成后预计可实现年产值{money}亿元，新增就业岗位{n3}个，年纳税{n4}万元。",
    "{actor}相关负责人介绍，{month}月份全市规模以上工业增加值同比增长{pct}%，增幅位居全省前列。",
    "{company}负责人表示，将以此次活动为契机，持续加大研发投入，力争年内完成技术改造投资{n4}万元。",
    "会议要求，各地各部门要压紧压实责任，建立项目推进台账，实行周调度、月通报、季考核。",
    "截至{month}月底，{place}累计完成工业投资{money}亿元，其中技术改造投资占比达到{pct}%。",
    "下一步，{place}将围绕{industry}产业链强链补链延链，着力引进一批龙头型、基地型项目。",
    "活动现场，{n2}家企业与金融机构签订合作协议，授信金额合计{money}亿元。",
    "{leader}一行先后来到{company}生产车间和研发中心，详细了解企业生产经营和项目建设情况。",
    "据统计，{place}今年已新增“专精特新”中小企业{n2}家，高新技术企业总数达到{n3}家。",
    "与会人员围绕人才引进、要素保障、市场开拓等问题进行了深入交流，提出意见建议{n2}条。",
    "{actor}将继续深化“一企一策”精准服务，帮助企业解决用工、用地、融资等实际困难{n3}个。",
    "该生产线采用国内领先的智能控制系统，产品良品率提升至{pct_hi}%，单位能耗下降{pct}%。",
    "项目一期占地{n3}亩，新建标准化厂房{n4}平方米，计划于{next_year}年{month}月建成投产。",
)
NAV_OFFSITE = (("走进淮河", "http://www.huaihe.example.cn/zjhh/"),
               ("政务服务", "http://www.jszwfw.gov.cn/"),
               ("政务公开", "http://www.huaihe.example.cn/zwgk/"),
               ("互动交流", "http://www.huaihe.example.cn/hdjl/"),
               ("中国政府网", "https://www.gov.cn/"))
FRIENDS = tuple((f"{name}人民政府", f"http://www.{code}.example.gov.cn/") for name, code in (
    ("江苏省", "js"), ("南京市", "nj"), ("无锡市", "wx"), ("徐州市", "xz"), ("常州市", "cz"),
    ("苏州市", "sz"), ("南通市", "nt"), ("连云港市", "lyg"), ("淮安市", "ha"), ("盐城市", "yc"),
    ("扬州市", "yz"), ("镇江市", "zj"), ("泰州市", "tz"), ("宿迁市", "sq"), ("洪湖区", "hh"),
    ("清河区", "qh"), ("宿城区", "sc"), ("盐河镇", "yh")))
STYLE = ("body{margin:0;font:14px/1.8 'Microsoft YaHei',SimSun;color:#333}.w{width:1200px;"
         "margin:0 auto}.nav li{display:inline-block;padding:0 18px}.crumbs{padding:10px 0;"
         "color:#666}#zoom{font-size:16px;text-indent:2em}.info{color:#999;text-align:center}"
         ".list li span{float:right;color:#999}.related li{width:48%;display:inline-block}"
         ".footer{background:#0b4d9b;color:#fff;padding:20px 0}")
SCRIPT = ("var _hmt=_hmt||[];(function(){var hm=document.createElement('script');"
          "hm.src='/script/stat.js';var s=document.getElementsByTagName('script')[0];"
          "s.parentNode.insertBefore(hm,s);})();")
TOPICS = ("优化营商环境", "制造业智改数转", "安全生产专项整治", "重大项目建设", "惠企政策直达",
          "专精特新企业培育", "绿色低碳发展", "政务公开专栏")
RELATED = 16  # related-article links on every article page


@dataclass(frozen=True)
class Article:
    number: int
    column: int
    title: str
    published: datetime
    source: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        p = self.published
        return f"/art/{p.year}/{p.month}/{p.day}/art_{self.column}_{100000 + self.number}.html"


@dataclass(frozen=True)
class Site:
    encoding: str
    articles: tuple[Article, ...]
    pages: dict[str, bytes]  # path -> body
    list_paths: tuple[str, ...]
    start_paths: tuple[str, ...]
    last_modified: dict[str, str]  # path -> HTTP date

    @property
    def article_paths(self) -> tuple[str, ...]:
        return tuple(a.path for a in self.articles)


def build(count: int, encoding: str = "utf-8") -> Site:
    articles = tuple(_article(n, list(COLUMNS)[n % len(COLUMNS)]) for n in range(count))
    pages: dict[str, bytes] = {}
    modified: dict[str, str] = {}
    by_column = {col: [a for a in articles if a.column == col] for col in COLUMNS}
    lists: list[str] = []
    for col, arts in by_column.items():
        per_page = COLUMNS[col][1]
        chunks = [arts[i:i + per_page] for i in range(0, len(arts), per_page)] or [[]]
        for index, chunk in enumerate(chunks, 1):
            path = _list_path(col, index)
            pages[path] = _encode(_list_page(col, chunk, index, len(chunks), encoding), encoding)
            modified[path] = _http_date(chunks[0][0].published if chunks[0] else EPOCH)
            lists.append(path)
    for i, article in enumerate(articles):
        pages[article.path] = _encode(_article_page(article, articles, i, encoding), encoding)
        modified[article.path] = _http_date(article.published)
    starts = tuple(_list_path(col, 1) for col in COLUMNS)
    return Site(encoding, articles, pages, tuple(lists), starts, modified)


def robots_txt() -> bytes:
    return b"User-agent: *\nDisallow: /jrobot/\nDisallow: /module/search/\n"


# --- text ------------------------------------------------------------------------------------

def _article(n: int, column: int) -> Article:
    rng = random.Random(n * 7919 + 17)
    published = EPOCH - timedelta(minutes=97 * n + rng.randrange(60))
    fields = _fields(rng, published)
    title = (f"{fields['place']}{fields['industry']}{rng.choice(EVENTS)}"
             if rng.random() < 0.7 else
             f"{fields['company']}{fields['industry']}项目{rng.choice(('开工', '投产', '签约'))}")
    paragraphs = [rng.choice(OPENINGS).format(**fields)]
    for _ in range(rng.randrange(3, 6)):
        fields = _fields(rng, published)
        picks = rng.sample(SENTENCES, rng.randrange(2, 5))
        paragraphs.append("".join(s.format(**fields) for s in picks))
    return Article(n, column, title, published, rng.choice(SOURCES), tuple(paragraphs))


def _fields(rng: random.Random, published: datetime) -> dict[str, str]:
    return {
        "date": f"{published.month}月{published.day}日",
        "place": rng.choice(PLACES), "actor": rng.choice(ACTORS),
        "industry": rng.choice(INDUSTRIES), "company": rng.choice(COMPANIES),
        "leader": rng.choice(LEADERS), "n1": str(rng.randrange(5, 500)),
        "n2": str(rng.randrange(3, 60)), "n3": str(rng.randrange(50, 3000)),
        "n4": str(rng.randrange(1000, 90000)), "money": f"{rng.randrange(5, 2000) / 10:.1f}",
        "pct": f"{rng.randrange(10, 400) / 10:.1f}",
        "pct_hi": f"{rng.randrange(900, 999) / 10:.1f}",
        "month": str(rng.randrange(1, 13)), "next_year": str(published.year + 1),
    }


# --- markup ----------------------------------------------------------------------------------

def _list_path(column: int, index: int) -> str:
    return f"/col/col{column}/index.html" if index == 1 else f"/col/col{column}/index_{index}.html"


def _document(title: str, body: str, encoding: str, metas: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="{encoding}">\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        f"<title>{escape(title)}</title>\n<meta name=\"SiteName\" content=\"{SITE_NAME}\">\n"
        f'{metas}<link rel="stylesheet" href="/css/style.css">\n<style>{STYLE}</style>\n'
        f"<script>{SCRIPT}</script>\n</head>\n<body>\n{_header()}\n{body}\n{_footer()}\n"
        "</body>\n</html>\n"
    )


def _header() -> str:
    nav = ['<li><a href="/">首页</a></li>']
    nav += [f'<li><a href="{_list_path(c, 1)}">{name}</a></li>' for c, (name, _) in COLUMNS.items()]
    nav += [f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in NAV_OFFSITE]
    return (
        f'<div class="topbar"><div class="w">欢迎访问{SITE_NAME}网站！<span class="tools">'
        '<a href="javascript:void(0)" id="cniil_wza">无障碍浏览</a> | '
        '<a href="javascript:void(0)">长者模式</a> | <a href="javascript:void(0)">繁體</a>'
        '</span></div></div>\n<div class="header"><div class="w"><div class="logo">'
        f'<a href="/">{SITE_NAME}</a></div><form class="search" action="/jrobot/search.do">'
        '<input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>'
        f'</div></div>\n<div class="nav"><div class="w"><ul>{"".join(nav)}</ul></div></div>'
    )


def _footer() -> str:
    links = "".join(f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in FRIENDS)
    return (
        f'<div class="links w"><h4>友情链接</h4><ul>{links}</ul></div>\n<div class="footer">'
        '<div class="w"><p><a href="/">网站首页</a> | <a href="/sitemap.html">网站地图</a> | '
        '<a href="/contact.html">联系我们</a> | <a href="javascript:void(0)">返回顶部</a></p>'
        f"<p>主办单位：{SITE_NAME}办公室　承办单位：淮河市大数据管理局</p>"
        "<p>网站标识码：3208000001　苏ICP备05012345号　苏公网安备 32080002000123号</p>"
        "<p>版权所有 Copyright 淮河市人民政府　建议使用1920×1080分辨率浏览</p></div></div>"
    )


def _list_page(column: int, chunk: list[Article], index: int, total: int, encoding: str) -> str:
    name = COLUMNS[column][0]
    items = "".join(
        f'<li><a href="{a.path}" title="{escape(a.title)}" target="_blank">{escape(a.title)}'
        f"</a><span>{a.published:%Y-%m-%d}</span></li>\n" for a in chunk)
    paging = [f'<a href="{_list_path(column, 1)}">首页</a>']
    if index > 1:
        paging.append(f'<a href="{_list_path(column, index - 1)}">上一页</a>')
    first = max(1, index - 2)
    paging += [f'<a href="{_list_path(column, k)}">{k}</a>' if k != index else f"<b>{k}</b>"
               for k in range(first, min(total, first + 4) + 1)]
    if index < total:
        paging.append(f'<a href="{_list_path(column, index + 1)}">下一页</a>')
    paging.append(f'<a href="{_list_path(column, total)}">尾页</a>')
    body = (
        f'<div class="w crumbs">当前位置：<a href="/">首页</a> &gt; '
        f'<a href="{_list_path(column, 1)}">{name}</a></div>\n'
        f'<div class="w main"><div class="side"><h3>{name}</h3></div><div class="list">'
        f"<ul>\n{items}</ul>\n<div class=\"page\">共{total}页 {' '.join(paging)}</div>"
        "</div></div>"
    )
    return _document(f"{name}_{SITE_NAME}", body, encoding)


def _article_page(article: Article, articles: tuple[Article, ...], i: int, encoding: str) -> str:
    name = COLUMNS[article.column][0]
    rng = random.Random(article.number)
    others = [articles[k] for k in rng.sample(range(len(articles)), min(RELATED + 1,
                                                                        len(articles)))
              if k != i][:RELATED]
    related = "".join(f'<li><a href="{a.path}" target="_blank">{escape(a.title)}</a></li>'
                      for a in others)
    neighbours = "".join(
        f'<p>{label}：<a href="{articles[k].path}">{escape(articles[k].title)}</a></p>'
        for label, k in (("上一篇", i - 1), ("下一篇", i + 1)) if 0 <= k < len(articles))
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    views = 100 + (article.number * 37) % 5000
    body = (
        f'<div class="w crumbs">当前位置：<a href="/">首页</a> &gt; '
        f'<a href="{_list_path(article.column, 1)}">{name}</a> &gt; 正文</div>\n'
        f'<div class="w article"><h1 class="title">{escape(article.title)}</h1>\n'
        f'<div class="info">发布时间：{article.published:%Y-%m-%d %H:%M}　'
        f"来源：{article.source}　浏览次数：{views}　"
        '字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
        '<a href="javascript:doZoom(14)">小</a>]</div>\n'
        f'<div id="zoom">\n{paragraphs}\n</div>\n'
        '<div class="tools"><a href="javascript:window.print()">打印本页</a> '
        f'<a href="javascript:window.close()">关闭窗口</a></div>\n{neighbours}\n'
        f'<div class="related"><h3>相关文章</h3><ul>{related}</ul></div></div>\n'
        f"{_sidebar(articles)}"
    )
    metas = (f'<meta name="ArticleTitle" content="{escape(article.title)}">\n'
             f'<meta name="PubDate" content="{article.published:%Y-%m-%d %H:%M}">\n'
             f'<meta name="ContentSource" content="{article.source}">\n')
    return _document(f"{article.title}_{SITE_NAME}", body, encoding, metas)


def _sidebar(articles: tuple[Article, ...]) -> str:
    """热点信息 (the newest headlines) and 专题专栏: the same links on every article page."""
    hot = "".join(f'<li><a href="{a.path}" title="{escape(a.title)}">{escape(a.title)}</a></li>'
                  for a in articles[:10])
    topics = "".join(f'<li><a href="/ztzl/zt{k}/index.html">{name}</a></li>'
                     for k, name in enumerate(TOPICS, 1))
    return (f'<div class="w side"><div class="hot"><h3>热点信息</h3><ul>{hot}</ul></div>'
            f'<div class="topics"><h3>专题专栏</h3><ul>{topics}</ul></div></div>')


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


def _http_date(when: datetime) -> str:
    utc = when.replace(tzinfo=SHANGHAI).astimezone(UTC)  # the site's clock is Beijing time
    return format_datetime(utc, usegmt=True)
