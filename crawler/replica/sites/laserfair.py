"""激光制造网 (www.laserfair.com): a GBK portal republishing 宿迁经信网, with sitemap and RSS."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from email.utils import format_datetime

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, related
from crawler.replica.pages import Page, page
from crawler.replica.sites.base import Epoch, Site

SUMMARY_CHARS = 40
FEED_SIZE = 20
# A reader's comment stored as UTF-8 and shown as GBK: the mojibake real comment boxes have.
MOJIBAKE = "这个项目落地速度真快，宿迁激光产业越来越好".encode().decode("gbk", "ignore")
COMMENTS = (  # (user, hours after publication, text)
    ("江苏网友", 23, "激光产业园发展很快，期待更多龙头企业落户。"),
    ("游客_83f2", 58, MOJIBAKE),
)
CHANNELS = (
    ("激光切割", "https://b2b.laserfair.com/qiege/"),
    ("激光焊接", "https://b2b.laserfair.com/hanjie/"),
    ("激光器", "https://b2b.laserfair.com/laser/"),
    ("展会", "https://expo.laserfair.com/"),
)
DISCLAIMER = (
    "① 凡本网未注明其他出处的作品，版权均属于激光制造网，"
    "未经本网授权不得转载、摘编或利用其它方式使用。"
    "获本网授权使用作品的，应在授权范围内使用，并注明“来源：激光制造网”。违反上述声明者，本网将追究其相关责任。",
    "② 凡本网注明其他来源的作品及图片，均转载自其它媒体，转载目的在于传递更多信息，"
    "并不代表本媒赞同其观点"
    "和对其真实性负责，版权归原作者所有，如有侵权请联系我们删除。",
    "③ 任何单位或个人认为本网内容可能涉嫌侵犯其合法权益，请及时向本网提出书面权利通知，"
    "并提供身份证明、"
    "权属证明、具体链接（URL）及详细侵权情况证明。本网在收到上述法律文件后，将会依法尽快移除相关涉嫌侵权的内容。",
)
STYLE = "body{margin:0;font:14px/1.8 SimSun}.w{width:1100px;margin:0 auto}.summary{color:#666}"


class Laserfair(Site):
    key = "laserfair"
    name = "激光制造网"
    host = "www.laserfair.com"
    scheme = "https"
    encoding = "gbk"
    content_type = "text/html"
    day_only = True

    def path(self, article: Article) -> str:
        p = article.published
        return f"/news/{p:%Y%m}/{p:%d}/{54300 + article.number}.html"

    def list_path(self, number: int) -> str:
        return f"/news/list_12_{number}.html"

    def list_paths(self) -> list[str]:
        pages = [self.list_path(n) for n in range(1, len(chunks(self.articles)) + 1)]
        return [*pages, "/sitemap.xml", "/rss.xml"]

    def robots(self) -> str:
        return f"User-agent: *\nDisallow: /member/\n\nSitemap: {self.url('/sitemap.xml')}\n"

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/index.html": self.html(self._home(), newest(self.articles))}
        pages["/"] = pages["/index.html"]
        groups = chunks(self.articles)
        for number, group in enumerate(groups, 1):
            modified = max((self.last_modified(a, epoch) for a in group), default=None)
            pages[self.list_path(number)] = self.html(
                self._list_page(group, number, len(groups)), modified
            )
        for article in self.articles:
            html = self._article_page(article, epoch.number)
            pages[self.path(article)] = self.html(html, self.last_modified(article, epoch))
        pages["/sitemap.xml"] = self._sitemap(epoch)
        pages["/rss.xml"] = self._rss(epoch)
        return pages

    def _sitemap(self, epoch: Epoch) -> Page:
        stamps = {a.id: self.last_modified(a, epoch) for a in self.articles}
        urls = "".join(
            f"<url><loc>{self.url(self.path(a))}</loc><lastmod>{stamps[a.id].isoformat()}</lastmod>"
            "<changefreq>monthly</changefreq></url>\n"
            for a in self.articles
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
        )
        return page(xml.encode(), "application/xml", max(stamps.values(), default=None))

    def _rss(self, epoch: Epoch) -> Page:
        items = "".join(
            f"<item><title>{esc(a.title)}</title><link>{self.url(self.path(a))}</link>"
            f"<guid>{self.url(self.path(a))}</guid><pubDate>{format_datetime(a.published)}</pubDate>"
            f"<description>{esc(self._summary(a, epoch.number))}</description></item>\n"
            for a in self.articles[:FEED_SIZE]
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{self.name}</title><link>{self.url('/')}</link>"
            "<description>激光制造网最新资讯</description><language>zh-cn</language>\n"
            f"{items}</channel></rss>\n"
        )
        newest_item = max((a.published for a in self.articles[:FEED_SIZE]), default=None)
        return page(xml.encode(), "application/rss+xml", newest_item)

    def _summary(self, article: Article, epoch: int) -> str:
        if article.lead:
            return article.lead
        return article.paragraphs_at(epoch)[0][:SUMMARY_CHARS]

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str) -> str:
        nav = [
            '<li><a href="/">首页</a></li>',
            f'<li><a href="{self.list_path(1)}">今日要闻</a></li>',
        ]
        nav += [f'<li><a href="{u}">{n}</a></li>' for n, u in CHANNELS]
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<meta charset="gb2312" />\n'
            f"<title>{esc(title)}</title>\n"
            '<link rel="alternate" type="application/rss+xml" title="激光制造网" href="/rss.xml" '
            "/>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            '<div class="top w"><a href="javascript:void(0)">阅读</a> | '
            '<a href="/rss.xml">订阅</a> <a href="https://passport.laserfair.com/login">登录</a> '
            '<a href="https://passport.laserfair.com/reg">注册</a></div>\n'
            '<div class="head w"><a href="/" class="logo">激光制造网 LaserFair</a></div>\n'
            f'<div class="nav"><ul class="w">{"".join(nav)}</ul></div>\n{body}\n'
            '<div class="footer w">'
            '<p><a href="https://help.laserfair.com/about.html">关于我们</a> | '
            '<a href="https://help.laserfair.com/contact.html">联系方式</a></p>'
            "<p>Copyright © 2008-2024 激光制造网 版权所有　"
            '<a href="https://beian.miit.gov.cn/">粤ICP备08104532号</a>　'
            '<a href="http://www.beian.gov.cn/">粤公网安备 44030502000563号</a></p></div>\n'
            "</body>\n</html>\n"
        )

    def _items(self, arts: Sequence[Article]) -> str:
        return "".join(
            f'<li><a href="{self.path(a)}" title="{esc(a.title)}" target="_blank">{esc(a.title)}'
            "</a>"
            f'<span class="date">{a.published:%Y-%m-%d}</span></li>\n'
            for a in arts
        )

    def _home(self) -> str:
        items = self._items(self.articles[:10])
        body = f'<div class="w"><h2>今日要闻</h2><ul class="list">{items}</ul></div>'
        return self._document("激光制造网-激光行业门户", body)

    def _list_page(self, group: Sequence[Article], number: int, total: int) -> str:
        pager = [
            f'<a href="{self.list_path(n)}">{n}</a>' if n != number else f"<b>{n}</b>"
            for n in range(1, total + 1)
        ]
        if number < total:
            pager.append(f'<a class="next" href="{self.list_path(number + 1)}">下一页</a>')
        body = (
            '<div class="w"><div class="path">您的位置：<a href="/">首页</a> &gt; 今日要闻</div>\n'
            f'<ul class="list">{self._items(group)}</ul>\n'
            f'<div class="pages">{"".join(pager)}</div></div>'
        )
        return self._document(f"今日要闻_第{number}页-激光制造网", body)

    def _article_page(self, article: Article, epoch: int) -> str:
        paragraphs = "".join(f"<p>{esc(p)}</p>\n" for p in article.paragraphs_at(epoch))
        author = (
            f'&nbsp;&nbsp;<span class="author">作者:{esc(article.author)}</span>'
            if article.author
            else ""
        )
        comments = "".join(
            f'<li><span class="user">{esc(u)}</span> <span class="time">'
            f"{article.published + timedelta(hours=h):%Y-%m-%d %H:%M}</span><p>{esc(c)}</p></li>"
            for u, h, c in COMMENTS
        )
        disclaimer = "".join(f"<p>{d}</p>" for d in DISCLAIMER)
        body = (
            '<div class="w"><div class="path">您的位置：<a href="/">首页</a> &gt; '
            f'<a href="{self.list_path(1)}">今日要闻</a> &gt; 正文</div>\n'
            f'<div class="article"><h1>{esc(article.title)}</h1>\n'
            f'<div class="info"><span class="source">来源:{esc(article.source)}'
            f"{article.published:%Y-%m-%d}</span>{author}"
            f'&nbsp;&nbsp;<a href="#comment" class="comm">我要评论({len(COMMENTS)} )</a>'
            "&nbsp;&nbsp;&nbsp;</div>\n"
            f'<div class="summary">摘要：{esc(self._summary(article, epoch))}…</div>\n'
            f'<div class="article_content" id="article_content">\n{paragraphs}</div>\n'
            '<p class="zhuanzai">转载请注明出处。</p>\n<div class="keywords">暂无关键词</div>\n'
            f'<div class="disclaimer"><h4>免责声明</h4>{disclaimer}</div>\n'
            f'<div class="comment" id="comment"><h4>网友点评</h4><p>{len(COMMENTS)}相关评论</p>'
            f"<ul>{comments}</ul></div>\n"
            '<div class="daodu"><h4>精彩导读</h4>'
            f"<ul>{self._items(related(self.articles, article))}</ul></div></div></div>"
        )
        return self._document(f"{article.title}-激光制造网", body)
