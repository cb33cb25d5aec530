"""西楚网 (www.xichu.net): LivCMS; list pages are empty shells that JavaScript fills from an API."""

from __future__ import annotations

import json
from collections.abc import Sequence

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, related
from crawler.replica.pages import Page, page
from crawler.replica.sites.base import Epoch, Site

# node → (name as printed, name in the content files)
NODES = {"jj": ("经济", "经济"), "sz": ("时政", "时政")}
INDENT = "\u3000\u3000"
OFFSITE_NAV = (
    ("视频", "https://v.xichu.net/"),
    ("数字报", "https://epaper.sqdaily.com/"),
    ("宿迁发布", "https://www.suqian.gov.cn/"),
    ("江苏新闻", "https://www.jschina.com.cn/"),
)
MATRIX = (
    "头条号",
    "凤凰号",
    "百家号",
    "企鹅号",
    "网易号",
    "大鱼号",
    "搜狐号",
    "一点资讯",
    "快传号",
)
STYLE = (
    "body{margin:0;font:15px/1.9 'PingFang SC','Microsoft YaHei'}.w1200{width:1200px;margin:0 "
    "auto}#list li span{float:right;color:#999}#pager a{margin:0 4px}.article p{margin:0 0 1em}"
)
# Fills ul#list and div#pager from /api/list; the page number comes from the page's own path.
LIST_SCRIPT = """<script>
(function () {
  var node = "%s";
  var m = /index_(\\d+)\\.html$/.exec(location.pathname);
  var page = m ? parseInt(m[1], 10) : 1;
  function pageHref(n) {
    return "/" + node + "/" + (n === 1 ? "index.html" : "index_" + n + ".html");
  }
  function link(text, n) {
    var a = document.createElement("a");
    a.setAttribute("href", pageHref(n));
    a.textContent = text;
    return a;
  }
  fetch("/api/list?node=" + node + "&page=" + page)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var ul = document.getElementById("list");
      data.list.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.setAttribute("href", item.url);
        a.setAttribute("target", "_blank");
        a.textContent = item.title;
        var span = document.createElement("span");
        span.textContent = item.date;
        li.appendChild(a);
        li.appendChild(span);
        ul.appendChild(li);
      });
      var pager = document.getElementById("pager");
      if (page > 1) { pager.appendChild(link("上一页", page - 1)); }
      for (var i = 1; i <= data.pages; i++) {
        if (i === page) {
          var b = document.createElement("b");
          b.textContent = String(i);
          pager.appendChild(b);
        } else {
          pager.appendChild(link(String(i), i));
        }
      }
      if (page < data.pages) { pager.appendChild(link("下一页", page + 1)); }
    });
})();
</script>"""


class Xichu(Site):
    key = "xichu"
    name = "西楚网"
    host = "www.xichu.net"
    scheme = "https"
    server = "Tengine"
    prints_seconds = False

    def node(self, article: Article) -> str:
        return next((n for n, (_, simple) in NODES.items() if simple == article.section), "jj")

    def path(self, article: Article) -> str:
        p = article.published
        return f"/{p:%Y-%m}/{p:%d}/content_{2880000 + article.number}.htm"

    def part_paths(self, article: Article) -> tuple[str, ...]:
        first = self.path(article)
        return (first, *(first.replace(".htm", f"_{n}.htm") for n in range(2, article.parts + 1)))

    def list_path(self, node: str, number: int) -> str:
        return f"/{node}/" + ("index.html" if number == 1 else f"index_{number}.html")

    def api_path(self, node: str, number: int) -> str:
        return f"/api/list?node={node}&page={number}"

    def list_paths(self) -> list[str]:
        return [
            self.api_path(node, n)
            for node in NODES
            for n in range(1, len(chunks(self._node(node))) + 1)
        ]

    def _node(self, node: str) -> list[Article]:
        return [a for a in self.articles if self.node(a) == node]

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/index.html": self.html(self._home(), newest(self.articles))}
        pages["/"] = pages["/index.html"]
        for node in NODES:
            groups = chunks(self._node(node))
            for number, group in enumerate(groups, 1):
                pages[self.list_path(node, number)] = self.html(
                    self._list_page(node), newest(group)
                )
                pages[self.api_path(node, number)] = self._api(node, number, group, len(groups))
        for article in self.articles:
            parts = self.part_paths(article)
            paragraphs = article.paragraphs_at(epoch.number)
            per_part = -(-len(paragraphs) // len(parts))
            for index, path in enumerate(parts):
                chunk = paragraphs[index * per_part : (index + 1) * per_part]
                html = self._article_page(article, chunk, index, parts)
                pages[path] = self.html(html, self.last_modified(article, epoch))
        return pages

    def _api(self, node: str, number: int, group: Sequence[Article], total: int) -> Page:
        data = {
            "node": node,
            "page": number,
            "pages": total,
            "total": len(self._node(node)),
            "list": [
                {"title": a.title, "url": self.path(a), "date": f"{a.published:%Y-%m-%d}"}
                for a in group
            ],
        }
        body = json.dumps(data, ensure_ascii=False).encode()
        return page(body, "application/json; charset=utf-8", newest(group))

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str, scripts: str = "") -> str:
        return (
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{self._header()}\n{body}\n{self._footer()}\n{scripts}\n</body>\n</html>\n"
        )

    def _header(self) -> str:
        nav = ['<li><a href="/">首页</a></li>']
        nav += [
            f'<li><a href="{self.list_path(n, 1)}">{name}</a></li>'
            for n, (name, _) in NODES.items()
        ]
        nav += [f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in OFFSITE_NAV]
        return (
            '<div class="top"><div class="w1200">宿迁新闻门户网站 | 宿迁市广播电视总台主办'
            '<span class="right"><a href="https://app.xichu.net/" target="_blank">客户端下载</a>'
            "</span>"
            '</div></div>\n<div class="header w1200"><a class="logo" href="/">西楚网</a></div>\n'
            f'<div class="nav"><ul class="w1200">{"".join(nav)}</ul></div>'
        )

    def _footer(self) -> str:
        matrix = "".join(f"<li>{m}</li>" for m in MATRIX)
        return (
            f'<div class="matrix w1200"><h3>西楚网新媒体矩阵</h3><ul>{matrix}</ul></div>\n'
            '<div class="footer"><div class="w1200">'
            "<p>主办：宿迁市广播电视总台　地址：宿迁市洪泽湖路188号　新闻热线：0527-84368110</p>"
            "<p>互联网新闻信息服务许可证：32120190002　"
            '<a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备10212425号-1</a>　'
            '<a href="http://www.beian.gov.cn/" target="_blank">苏公网安备 32130202080135号</a></p>'
            "<p>南京厚建软件 LivCMS 内容管理系统http://www.hogesoft.com "
            "授权用户:http://www.xichu.net</p></div></div>"
        )

    def _home(self) -> str:
        body = (
            '<div class="w1200 home"><h2>要闻</h2><ul id="list" class="news-list"></ul>'
            '<div id="pager" class="pager"></div></div>'
        )
        return self._document("西楚网_宿迁新闻门户网站", body, LIST_SCRIPT % "sz")

    def _list_page(self, node: str) -> str:
        name = NODES[node][0]
        body = (
            f'<div class="w1200"><div class="crumbs"><a href="/">首页</a> / '
            f'<a href="{self.list_path(node, 1)}">{name}</a></div>\n'
            f'<div class="column"><h2>{name}</h2><ul id="list" class="news-list"></ul>\n'
            '<div id="pager" class="pager"></div></div></div>'
        )
        return self._document(f"{name}_西楚网", body, LIST_SCRIPT % node)

    def _article_page(
        self, article: Article, chunk: Sequence[str], index: int, parts: tuple[str, ...]
    ) -> str:
        node = self.node(article)
        name = NODES[node][0]
        paragraphs = "".join(f"<p>{INDENT}{esc(p)}</p>\n" for p in chunk)
        names = [p.rsplit("/", 1)[1] for p in parts]
        pager = f"总共: {len(parts)}页&nbsp;&nbsp;&nbsp;"
        if index > 0:
            pager += f'<a href="{names[index - 1]}">上一页</a> '
        if index < len(parts) - 1:
            pager += f'<a href="{names[index + 1]}">下一页</a>'
        author = f'<div class="author">作者:{esc(article.author)}</div>' if article.author else ""
        links = "".join(
            f'<li><a href="{self.path(a)}" target="_blank">{esc(a.title)}</a></li>'
            for a in related(self.articles, article)
        )
        body = (
            f'<div class="w1200"><div class="crumbs"><a href="/">首页</a> / '
            f'<a href="{self.list_path(node, 1)}">{name}</a> / 正文</div>\n'
            f'<div class="main"><h1 class="title">{esc(article.title)}</h1>\n'
            f'<div class="info"><span class="time">{article.published:%Y年%m月%d日%H:%M}</span>'
            f'&nbsp;&nbsp;&nbsp;<span class="source">来源:{esc(article.source)}</span></div>\n'
            f'<div class="article" id="article_content">\n{paragraphs}</div>\n'
            f'<div class="page">{pager}</div>\n{author}\n'
            f'<div class="related"><h3>相关新闻</h3><ul>{links}</ul></div></div></div>'
        )
        return self._document(f"{article.title}_西楚网", body)
