"""淮安新闻网 (www.hanews.cn): ordinary news markup with no CMS markers and no meta tags."""

from __future__ import annotations

from collections.abc import Sequence

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, related, stable_number
from crawler.replica.pages import Page
from crawler.replica.sites.base import Epoch, Site

SECTION = "/economy/"
SECTION_NAME = "经济"
EDITORS = ("刘畅", "周敏", "陈静")
OFFSITE = (
    ("淮安日报", "http://szb.hanews.cn/"),
    ("淮安发布", "https://www.huaian.gov.cn/"),
    ("江苏新闻", "https://www.jschina.com.cn/"),
)


class Hanews(Site):
    key = "hanews"
    name = "淮安新闻网"
    host = "www.hanews.cn"
    query_matters = True

    def path(self, article: Article) -> str:
        p = article.published
        return f"/{p:%Y-%m}/{p:%d}/content_{4125000 + article.number}.htm"

    def list_path(self, number: int) -> str:
        return SECTION if number == 1 else f"{SECTION}?page={number}"

    def list_paths(self) -> list[str]:
        return [self.list_path(n) for n in range(1, len(chunks(self.articles)) + 1)]

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/": self.html(self._home(), newest(self.articles))}
        groups = chunks(self.articles)
        for number, group in enumerate(groups, 1):
            pages[self.list_path(number)] = self.html(
                self._list_page(group, number, len(groups)), newest(group)
            )
        pages[f"{SECTION}?page=1"] = pages[SECTION]
        for article in self.articles:
            html = self._article_page(article, epoch.number)
            pages[self.path(article)] = self.html(html, self.last_modified(article, epoch))
        return pages

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str) -> str:
        nav = ['<a href="/">首页</a>', f'<a href="{SECTION}">{SECTION_NAME}</a>']
        nav += [f'<a href="{u}" target="_blank">{n}</a>' for n, u in OFFSITE]
        return (
            '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body>\n"
            '<div class="top"><span>淮安新闻网 淮安日报社主办</span> '
            '<a href="http://szb.hanews.cn/" target="_blank">数字报</a></div>\n'
            '<div class="logo"><a href="/">淮安新闻网</a></div>\n'
            f'<div class="menu">{" | ".join(nav)}</div>\n{body}\n'
            '<div class="bottom"><p>淮安日报社版权所有，未经书面授权禁止使用</p>'
            '<p><a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备09015211号</a>　'
            '<a href="http://www.beian.gov.cn/" target="_blank">苏公网安备 32080202000199号</a>　'
            "互联网新闻信息服务许可证 32120170013</p></div>\n</body>\n</html>\n"
        )

    def _items(self, arts: Sequence[Article]) -> str:
        return "".join(
            f'<li><a href="{self.path(a)}" target="_blank">{esc(a.title)}</a>'
            f"<span>{a.published:%Y-%m-%d}</span></li>\n"
            for a in arts
        )

    def _home(self) -> str:
        body = (
            f'<div class="box"><h2><a href="{SECTION}">{SECTION_NAME}</a></h2>'
            f"<ul>{self._items(self.articles[:8])}</ul></div>"
        )
        return self._document("淮安新闻网_淮安日报社主办", body)

    def _list_page(self, group: Sequence[Article], number: int, total: int) -> str:
        pager = []
        if number > 1:
            pager.append(f'<a href="{self.list_path(number - 1)}">上一页</a>')
        pager.append(f"<span>第{number}页/共{total}页</span>")
        if number < total:
            pager.append(f'<a href="{self.list_path(number + 1)}">下一页</a>')
        body = (
            f'<div class="where">当前位置：<a href="/">首页</a> &gt; {SECTION_NAME}</div>\n'
            f'<ul class="news">{self._items(group)}</ul>\n'
            f'<div class="pages">{" ".join(pager)}</div>'
        )
        return self._document(f"{SECTION_NAME}_淮安新闻网", body)

    def _article_page(self, article: Article, epoch: int) -> str:
        paragraphs = "".join(f"<p>{esc(p)}</p>\n" for p in article.paragraphs_at(epoch))
        author = f"　作者：{esc(article.author)}" if article.author else ""
        editor = EDITORS[stable_number(article.id, 0, len(EDITORS))]
        share = (
            '<a href="javascript:void(0)">微信</a> <a href="javascript:void(0)">微博</a> '
            '<a href="javascript:window.print()">打印</a>'
        )
        hot = self._items([a for a in self.articles if a is not article][:6])
        body = (
            '<div class="where">当前位置：<a href="/">首页</a> &gt; '
            f'<a href="{SECTION}">{SECTION_NAME}</a> &gt; 正文</div>\n'
            f'<div class="left"><h1>{esc(article.title)}</h1>\n'
            f'<div class="msg">发布时间：{self.stamp(article)} '
            f"来源：{esc(article.source)}{author}</div>\n"
            f'<div class="text">\n{paragraphs}</div>\n'
            f'<div class="editor">责任编辑：{editor}</div>\n'
            f'<div class="share">分享到：{share}</div>\n'
            f'<div class="more"><h3>相关新闻</h3>'
            f"<ul>{self._items(related(self.articles, article))}</ul></div></div>\n"
            f'<div class="right"><h3>热点排行</h3><ol>{hot}</ol></div>'
        )
        return self._document(f"{article.title}_淮安新闻网", body)
