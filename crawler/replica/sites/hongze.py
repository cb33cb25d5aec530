"""洪泽区人民政府 (www.hongze.gov.cn): a Hanweb jcms site with jpage datastores and a dataproxy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import quote

from crawler.replica.content import SHANGHAI, Article
from crawler.replica.furniture import esc, newest, related
from crawler.replica.pages import Page, Request, Responder, page
from crawler.replica.sites.base import Epoch, Site

WEBID = 51
PROXY = "/module/web/jpage/dataproxy.jsp"
# column id → (name, jpage unit id).  col12199 is behind robots.txt.
COLUMNS = {12187: ("工业经济", 45931), 12190: ("招商引资", 45934), 12199: ("内部通知", 45940)}
HIDDEN = 12199
SECTIONS = {"工业经济": 12187, "招商引资": 12190}
OFFSITE_NAV = (
    ("走进洪泽", "https://www.huaian.gov.cn/col/16595/index.html"),
    ("政务服务", "http://www.jszwfw.gov.cn/"),
    ("互动交流", "https://www.huaian.gov.cn/hdjl/"),
    ("中国政府网", "https://www.gov.cn/"),
)
COUNTIES = (
    ("淮安市人民政府", "https://www.huaian.gov.cn/"),
    ("清江浦区", "http://www.qjp.gov.cn/"),
    ("淮安区", "http://www.zghaq.gov.cn/"),
    ("淮阴区", "http://www.huaiyin.gov.cn/"),
    ("涟水县", "http://www.lianshui.gov.cn/"),
    ("盱眙县", "http://www.xuyi.gov.cn/"),
    ("金湖县", "http://www.jinhu.gov.cn/"),
)
HIDDEN_FALLBACK = tuple(
    Article(
        site="hongze",
        id=f"hz-{900 + n}",
        number=900 + n,
        title=title,
        published=datetime(2024, 3, 4 + n, 9, 15, tzinfo=SHANGHAI),
        has_seconds=False,
        source="洪泽区政府办",
        author=None,
        section="内部通知",
        paragraphs=paragraphs,
    )
    for n, (title, paragraphs) in enumerate(
        (
            (
                "关于做好机关内部事务管理工作的通知",
                (
                    "各镇（街道）、区各部门：为进一步规范机关内部事务管理，现将有关事项通知如下。",
                    "一、严格执行公务接待、会议管理等制度，做好经费使用登记，按季度报送区政府办。",
                    "二、各单位于每月5日前完成上月内部事务台账整理，逐项明确责任人和完成时限。",
                ),
            ),
            (
                "区政府办公室内部值班安排表",
                (
                    "为确保节日期间各项工作正常运转，经研究，现将区政府办公室内部值班安排印发给你们。",
                    "值班人员须严格执行二十四小时值班和领导带班制度，遇有重要情况及时报告。",
                    "请各值班人员提前做好工作交接，保持通讯畅通，不得擅自离岗。",
                ),
            ),
        )
    )
)
STYLE = (
    "body{margin:0;font:14px/1.8 'Microsoft YaHei',SimSun}.w{width:1200px;margin:0 auto}.nav "
    "li{display:inline-block;padding:0 18px}#zoom{font-size:16px;text-indent:2em}.list li "
    "span{float:right;color:#999}"
)


class Hongze(Site):
    key = "hongze"
    name = "淮安市洪泽区人民政府"
    host = "www.hongze.gov.cn"
    scheme = "https"

    def __init__(self, articles: Sequence[Article]) -> None:
        # The robots.txt trap needs two articles in the hidden column; content files put them
        # in any section other than the two public ones, or we bring our own.
        hidden = [a for a in articles if a.section not in SECTIONS]
        super().__init__([*articles, *HIDDEN_FALLBACK[: max(0, 2 - len(hidden))]])

    def column(self, article: Article) -> int:
        return SECTIONS.get(article.section, HIDDEN)

    def in_column(self, col: int) -> list[Article]:
        return [a for a in self.articles if self.column(a) == col]

    def visible(self) -> list[Article]:
        return [a for a in self.articles if self.column(a) != HIDDEN]

    def path(self, article: Article) -> str:
        p = article.published
        name = f"art_{self.column(article)}_{4188000 + article.number}.html"
        return f"/art/{p.year}/{p.month}/{p.day}/{name}"

    def hidden_paths(self) -> list[str]:
        return [f"/col/col{HIDDEN}/index.html", *(self.path(a) for a in self.in_column(HIDDEN))]

    def robots(self) -> str:
        return f"User-agent: *\nDisallow: /col/col{HIDDEN}/\n"

    def list_paths(self) -> list[str]:
        return [f"/col/col{col}/index.html" for col in COLUMNS if col != HIDDEN]

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/index.html": self.html(self._home(), newest(self.visible()))}
        for col in COLUMNS:
            arts = self.in_column(col)
            pages[f"/col/col{col}/index.html"] = self.html(
                self._column_page(col, arts), newest(arts)
            )
        for article in self.articles:
            pages[self.path(article)] = self.html(
                self._article_page(article, epoch), self.last_modified(article, epoch)
            )
        pages["/"] = pages["/index.html"]
        return pages

    def responder(self, epoch: Epoch) -> Responder:
        def respond(request: Request) -> Page | None:
            if request.path != PROXY:
                return None
            return self._dataproxy({**request.query, **request.form})

        return respond

    def _dataproxy(self, params: dict[str, str]) -> Page | None:
        try:
            col = int(params.get("columnid", ""))
            per_page = int(params.get("perpage", "10"))
            start = int(
                params.get("startrecord") or (int(params.get("page", "1")) - 1) * per_page + 1
            )
            end = int(params.get("endrecord") or start + per_page - 1)
        except ValueError:
            return None
        arts = self.in_column(col) if col in COLUMNS else []
        records = "".join(self._record(a) for a in arts[max(start - 1, 0) : max(end, 0)])
        pages = -(-len(arts) // max(per_page, 1))
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><datastore>'
            f"<totalrecord>{len(arts)}</totalrecord><totalpage>{pages}</totalpage>"
            f"<recordset>{records}</recordset></datastore>"
        )
        return page(xml.encode(), "text/xml; charset=utf-8", newest(arts))

    def _record(self, article: Article) -> str:
        title = esc(article.title)
        return (
            f'<record><![CDATA[<li><a href="{self.path(article)}" title="{title}" target="_blank">'
            f"{title}</a><span>{article.published:%Y-%m-%d}</span></li>]]></record>"
        )

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str, metas: str = "") -> str:
        return (
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta name="SiteName" content="{self.name}">\n'
            f'<meta name="SiteDomain" content="{self.host}">\n'
            '<meta name="SiteIDCode" content="3208290005">\n'
            f"{metas}<style>{STYLE}</style>\n</head>\n<body>\n{self._header()}\n{body}\n"
            f"{self._footer()}\n</body>\n</html>\n"
        )

    def _header(self) -> str:
        nav = ['<li><a href="/">首页</a></li>']
        nav += [
            f'<li><a href="/col/col{c}/index.html">{n}</a></li>' for c, (n, _) in COLUMNS.items()
        ]
        nav += [f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in OFFSITE_NAV]
        return (
            '<div class="topbar"><div class="w">欢迎访问淮安市洪泽区人民政府网站！'
            '<span class="tools"><a href="javascript:void(0)" id="cniil_wza">无障碍浏览</a> | '
            '<a href="javascript:void(0)" class="lhms">长者模式</a> | '
            '<a href="javascript:void(0)" id="StranLink">繁體</a> | '
            '<a href="https://www.hongze.gov.cn/" class="sjb">手机版</a></span></div></div>\n'
            '<div class="header"><div class="w"><div class="logo"><a href="/">'
            "淮安市洪泽区人民政府</a></div>"
            '<form class="search" action="/jrobot/search.do" method="get" target="_blank">'
            f'<input type="hidden" name="webid" value="{WEBID}"><input type="text" name="q" '
            'placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>\n'
            f'<div class="nav"><div class="w"><ul>{"".join(nav)}</ul></div></div>'
        )

    def _footer(self) -> str:
        links = "".join(f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in COUNTIES)
        return (
            f'<div class="links w"><h4>县区政府网站</h4><ul>{links}</ul></div>\n'
            '<div class="footer"><div class="w">'
            '<p><a href="/">网站首页</a> | <a href="javascript:void(0)">网站地图</a> | '
            '<a href="javascript:void(0)">联系我们</a> | '
            '<a href="javascript:void(0)">隐私声明</a></p>'
            "<p>主办单位：淮安市洪泽区人民政府办公室　承办单位：淮安市洪泽区数据局</p>"
            "<p>网站标识码：3208290005　"
            '<a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备05007861号-1</a>　'
            '<a href="http://www.beian.gov.cn/" target="_blank">苏公网安备 32082902000135号</a></p>'
            "<p>联系电话：0517-87222100　建议使用1366×768分辨率浏览本网站</p>"
            "</div></div>"
        )

    def _list_items(self, arts: Sequence[Article]) -> str:
        return "".join(
            f'<li><a href="{self.path(a)}" title="{esc(a.title)}" target="_blank">{esc(a.title)}'
            f"</a><span>{a.published:%Y-%m-%d}</span></li>"
            for a in arts
        )

    def _home(self) -> str:
        blocks = "".join(
            f'<div class="block"><h3><a href="/col/col{col}/index.html">{name}</a>'
            f'<a class="more" href="/col/col{col}/index.html">更多&gt;&gt;</a></h3>'
            f'<ul class="list">{self._list_items(self.in_column(col)[:7])}</ul></div>'
            for col, (name, _) in COLUMNS.items()
            if col != HIDDEN
        )
        return self._document(self.name, f'<div class="main w">{blocks}</div>')

    def _column_page(self, col: int, arts: list[Article]) -> str:
        name, unit = COLUMNS[col]
        webname = quote(self.name)
        nextgroup = (
            f'<a href="{PROXY}?page=1&webid={WEBID}&path=/&columnid={col}&unitid={unit}'
            f'&webname={webname}&permissiontype=0"></a>'
        )
        records = "".join(self._record(a) for a in arts[:10])
        side = "".join(
            f'<li class="{"on" if c == col else ""}"><a href="/col/col{c}/index.html">{n}</a></li>'
            for c, (n, _) in COLUMNS.items()
        )
        body = (
            '<div class="main w"><div class="position">当前位置：<a href="/">首页</a> &gt; '
            f'<a href="/col/col{col}/index.html">{name}</a></div>\n'
            f'<div class="left"><h2>政务公开</h2><ul class="sub">{side}</ul></div>\n'
            f'<div class="right"><div class="col-title"><h2>{name}</h2></div>\n'
            f'<div id="{unit}"><script type="text/xml"><datastore><nextgroup>'
            f"<![CDATA[{nextgroup}]]>"
            f"</nextgroup><recordset>{records}</recordset></datastore></script></div>\n"
            f"{self._jpage(col, unit, len(arts))}</div></div>"
        )
        return self._document(
            f"{name}_{self.name}", body, f'<meta name="ColumnName" content="{name}">\n'
        )

    def _jpage(self, col: int, unit: int, total: int) -> str:
        return (
            '<script language="javascript">\n$(document).ready(function(){\n'
            f"  $('#{unit}').jpage({{\n    dataStore: null, dataBefore: '<ul class=\"list\">', "
            "dataAfter: '</ul>',\n"
            f"    totalRecord: {total}, perPage: 10, proxyUrl: '{PROXY}', groupSize: 3,\n"
            "    barPosition: 'bottom', pageBarFirst: '首页', pageBarPrev: '上一页', "
            "pageBarNext: '下一页', pageBarLast: '尾页',\n"
            f"    ajaxParam: {{col: 1, appid: 1, webid: {WEBID}, path: '/', columnid: {col}, "
            f"sourceContentType: 1, unitid: '{unit}', webname: '{self.name}', permissiontype: 0}}\n"
            "  });\n});\n</script>"
        )

    def _article_page(self, article: Article, epoch: Epoch) -> str:
        col = self.column(article)
        name = COLUMNS[col][0]
        title = esc(article.title)
        author = f"　作者：{esc(article.author)}" if article.author else ""
        paragraphs = "".join(f"<p>{esc(p)}</p>\n" for p in article.paragraphs_at(epoch.number))
        pool = self.in_column(col) if col == HIDDEN else self.visible()
        links = "".join(
            f'<li><a href="{self.path(a)}" title="{esc(a.title)}">{esc(a.title)}</a>'
            f"<span>{a.published:%Y-%m-%d}</span></li>"
            for a in related(pool, article)
        )
        metas = (
            f'<meta name="ColumnName" content="{name}">\n<meta name="ArticleTitle" '
            f'content="{title}">\n'
            f'<meta name="PubDate" content="{self.stamp(article)}">\n'
            f'<meta name="ContentSource" content="{esc(article.source)}">\n'
            f'<meta name="Keywords" content="{name},洪泽">\n'
        )
        body = (
            '<div class="main w"><div class="position">当前位置：<a href="/">首页</a> &gt; '
            f'<a href="/col/col{col}/index.html">{name}</a></div>\n'
            f'<div class="article"><div class="bt_title"><h1>{title}</h1></div>\n'
            f'<div class="info">发布日期：{self.stamp(article)}　信息来源：'
            f'{esc(article.source)}{author}　浏览次数：<span id="c"></span>　字号：[<a '
            'href="javascript:doZoom(20)">大</a> '
            '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>\n'
            '<div id="zoom"><!--<$[信息内容]>begin--><meta name="ContentStart">\n'
            f'{paragraphs}<meta name="ContentEnd"><!--<$[信息内容]>end--></div>\n'
            '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> '
            '<a href="javascript:window.close()">【关闭窗口】</a> 分享到：'
            '<a href="javascript:void(0)">微信</a> <a href="javascript:void(0)">微博</a></div>\n'
            '<div class="related"><h3>相关文章</h3>'
            f'<ul class="list">{links}</ul></div></div></div>\n'
            '<script>$.get("/module/visitcount/articlehits.jsp?colid='
            f'{col}&artid={4188000 + article.number}",function(d){{$("#c").html(d)}});</script>'
        )
        return self._document(f"{article.title}_{self.name}", body, metas)
