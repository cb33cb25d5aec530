"""宿迁市工业和信息化局 (gxj.suqian.gov.cn): TRS WCM, pages numbered by createPageHTML()."""

from __future__ import annotations

from collections.abc import Sequence

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, related
from crawler.replica.pages import Page, redirect
from crawler.replica.sites.base import Epoch, Site

CHANNEL = "/sqgxj/gzdt/"
CHANNEL_NAME = "工作动态"
# TRS publishes this function in the template; the pager exists only once it has run.
PAGER_FUNCTION = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var nCurrIndex = _nCurrIndex || 0;
  function name(i) {
    return i == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + i + "." + _sPageExt;
  }
  if (nCurrIndex == 0) { document.write("<span>首页</span> <span>上一页</span> "); }
  else {
    document.write("<a href=\\"" + name(0) + "\\">首页</a> ");
    document.write("<a href=\\"" + name(nCurrIndex - 1) + "\\">上一页</a> ");
  }
  if (nCurrIndex == _nPageCount - 1) { document.write("<span>下一页</span> <span>尾页</span>"); }
  else {
    document.write("<a href=\\"" + name(nCurrIndex + 1) + "\\">下一页</a> ");
    document.write("<a href=\\"" + name(_nPageCount - 1) + "\\">尾页</a>");
  }
}
</script>"""
TRS_STYLE = (
    '<style type="text/css">.TRS_Editor P{margin-top:5px;margin-bottom:5px;line-height:2;'
    "font-family:宋体;font-size:12pt;}.TRS_Editor DIV,.TRS_Editor TD{line-height:2;font-size:12pt;}"
    "</style>"
)
LINKS = (
    ("宿迁市人民政府", "https://www.suqian.gov.cn/"),
    ("江苏省工业和信息化厅", "https://gxt.jiangsu.gov.cn/"),
    ("工业和信息化部", "https://www.miit.gov.cn/"),
)


class Sqgxj(Site):
    key = "sqgxj"
    name = "宿迁市工业和信息化局"
    host = "gxj.suqian.gov.cn"

    def path(self, article: Article) -> str:
        p = article.published
        return f"{CHANNEL}{p:%Y%m}/t{p:%Y%m%d}_{3456000 + article.number}.html"

    def list_path(self, index: int) -> str:
        return CHANNEL + ("index.html" if index == 0 else f"index_{index}.html")

    def list_paths(self) -> list[str]:
        return [self.list_path(i) for i in range(len(chunks(self.articles)))]

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        # The department's site lives under /sqgxj/; the host root sends visitors there.
        pages = {"/": redirect("/sqgxj/index.html")}
        pages["/sqgxj/index.html"] = self.html(self._home(), newest(self.articles))
        groups = chunks(self.articles)
        for index, group in enumerate(groups):
            pages[self.list_path(index)] = self.html(
                self._list_page(group, index, len(groups)), newest(group)
            )
        for article in self.articles:
            html = self._article_page(article, epoch.number)
            pages[self.path(article)] = self.html(html, self.last_modified(article, epoch))
        return pages

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str, metas: str = "") -> str:
        links = "".join(f'<option value="{u}">{n}</option>' for n, u in LINKS)
        return (
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta name="SiteName" content="{self.name}">\n<meta name="SiteDomain" '
            f'content="{self.host}">\n'
            f'<meta name="SiteIdCode" content="3213000041">\n{metas}</head>\n<body>\n'
            '<div class="header"><div class="logo"><a href="/sqgxj/index.html">宿迁市工业和信息化局'
            "</a>"
            '</div><div class="search"><form action="https://www.suqian.gov.cn/search/" '
            'method="get">'
            '<input name="searchword"><input type="submit" value="搜索"></form></div></div>\n'
            '<div class="nav"><a href="/sqgxj/index.html">首页</a>'
            f'<a href="{self.list_path(0)}">{CHANNEL_NAME}</a>'
            '<a href="https://www.suqian.gov.cn/sqgxj/zfxxgk/">信息公开</a>'
            '<a href="https://www.suqian.gov.cn/sqgxj/hdjl/">互动交流</a></div>\n'
            f"{body}\n"
            '<div class="links">友情链接：<select onchange="window.open(this.value)">'
            f"{links}</select></div>\n"
            '<div class="footer"><p>主办单位：宿迁市工业和信息化局　'
            "地址：宿迁市宿城区洪泽湖东路19号</p>"
            "<p>网站标识码：3213000041　"
            '<a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备05003718号</a>　'
            '<a href="http://www.beian.gov.cn/" target="_blank">'
            "苏公网安备 32130202010355号</a></p></div>\n"
            "</body>\n</html>\n"
        )

    def _items(self, arts: Sequence[Article], base: str) -> str:
        # TRS writes links relative to the page that shows them.
        return "".join(
            f'<li><a href="{base}{self.path(a)[len(CHANNEL) :]}" target="_blank" '
            f'title="{esc(a.title)}">'
            f"{esc(a.title)}</a><span>{a.published:%Y-%m-%d}</span></li>\n"
            for a in arts
        )

    def _home(self) -> str:
        body = (
            '<div class="main"><div class="box">'
            f'<h3><a href="{self.list_path(0)}">{CHANNEL_NAME}</a></h3>'
            f"<ul>{self._items(self.articles[:8], './gzdt/')}</ul></div></div>"
        )
        return self._document(self.name, body)

    def _list_page(self, group: Sequence[Article], index: int, total: int) -> str:
        body = (
            '<div class="main"><div class="position">当前位置：<a href="../index.html">首页</a> '
            f'&gt; <a href="./index.html">{CHANNEL_NAME}</a></div>\n'
            f'<div class="list"><ul>{self._items(group, "./")}</ul>\n<div class="page">\n'
            f'{PAGER_FUNCTION}\n<script type="text/javascript">'
            f'createPageHTML({total}, {index}, "index", "html");</script>\n</div></div></div>'
        )
        return self._document(
            f"{CHANNEL_NAME}_{self.name}",
            body,
            f'<meta name="ColumnName" content="{CHANNEL_NAME}">\n',
        )

    def _article_page(self, article: Article, epoch: int) -> str:
        title = esc(article.title)
        paragraphs = "".join(f"<p>{esc(p)}</p>\n" for p in article.paragraphs_at(epoch))
        author = f"　作者：{esc(article.author)}" if article.author else ""
        metas = (
            f'<meta name="ColumnName" content="{CHANNEL_NAME}">\n<meta name="ArticleTitle" '
            f'content="{title}">\n'
            f'<meta name="PubDate" content="{self.stamp(article)}">\n'
            f'<meta name="ContentSource" content="{esc(article.source)}">\n'
            f'<meta name="Keywords" content="{CHANNEL_NAME}">\n'
            f'<meta name="Description" content="{esc(article.paragraphs_at(epoch)[0][:60])}">\n'
        )
        body = (
            '<div class="main"><div class="position">当前位置：'
            '<a href="../../index.html">首页</a> &gt; '
            f'<a href="../index.html">{CHANNEL_NAME}</a></div>\n'
            f'<div class="article"><h1>{title}</h1>\n'
            f'<div class="info">发布时间：{self.stamp(article)}'
            f"　来源：{esc(article.source)}{author}　【字体："
            '<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> '
            '<a href="javascript:void(0)">小</a>】 '
            '<a href="javascript:window.print()">【打印】</a></div>\n'
            '<div class="article-con">'
            f'<div class="TRS_Editor">{TRS_STYLE}\n{paragraphs}</div></div>\n'
            '<div class="close"><a href="javascript:window.close()">【关闭窗口】</a></div>\n'
            '<div class="related"><h3>相关信息</h3>'
            f"<ul>{self._items(related(self.articles, article), '../')}</ul></div></div></div>"
        )
        return self._document(f"{article.title}_{self.name}", body, metas)
