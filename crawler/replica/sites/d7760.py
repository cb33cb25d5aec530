"""淮安114网 (www.d7760.cn): a traditional-script mirror with ruby pinyin, 導讀 and view counter."""

from __future__ import annotations

from collections.abc import Sequence

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, related, stable_number
from crawler.replica.pages import Page
from crawler.replica.script import ruby, traditional
from crawler.replica.sites.base import Epoch, Site

# section slug → (name as printed, name in the content files)
SECTIONS = {"huaian": ("淮安新聞", "淮安新闻"), "gongye": ("工業經濟", "工业经济")}
VIEWS_PER_EPOCH = 41
COUNTIES = (
    ("淮安市", "/"),
    ("漣水縣", "http://lianshui.d7760.cn/"),
    ("盱眙縣", "http://xuyi.d7760.cn/"),
    ("金湖縣", "http://jinhu.d7760.cn/"),
    ("洪澤區", "http://hongze.d7760.cn/"),
    ("其他地區", "http://city.d7760.cn/"),
)
SERVICES = (
    ("分類信息", "http://info.d7760.cn/"),
    ("房產", "http://fang.d7760.cn/"),
    ("招聘", "http://job.d7760.cn/"),
    ("二手", "http://ershou.d7760.cn/"),
    ("商家", "http://shop.d7760.cn/"),
)
DISCLAIMER = (
    "聲明:淮安114網(d7760.cn)所刊載的新聞資訊均來源於互聯網新聞網站,淮安114網不生產、不製造新聞,"
    "僅為淮安本地網民提供新聞索引服務。如有侵犯您的權益,請及時與我們聯繫,我們將在核實情況後立即刪除!"
)
STYLE = (
    "body{margin:0;font:14px/1.7 'Microsoft JhengHei',PMingLiU}.wrap{width:1000px;margin:0 "
    "auto}rt{font-size:9px;color:#888}.newscon p{text-indent:2em}.daodu{background:#f5f5f5}"
)


class D7760(Site):
    key = "d7760"
    name = "淮安114網"
    host = "www.d7760.cn"

    def text(self, text: str) -> str:
        return traditional(text)

    def slug(self, article: Article) -> str:
        return next(
            (s for s, (_, simple) in SECTIONS.items() if simple == article.section), "huaian"
        )

    def path(self, article: Article) -> str:
        p = article.published
        return f"/news/{self.slug(article)}/{p:%Y}/{p:%m%d}/{2186000 + article.number}.html"

    def list_path(self, slug: str, number: int) -> str:
        return f"/news/{slug}/" + ("index.html" if number == 1 else f"list_{number}.html")

    def list_paths(self) -> list[str]:
        return [
            self.list_path(slug, n)
            for slug in SECTIONS
            for n in range(1, len(chunks(self._section(slug))) + 1)
        ]

    def views(self, article: Article, epoch: int) -> int:
        if article.views is not None:
            return article.views + VIEWS_PER_EPOCH * epoch
        return stable_number(article.id, 60, 900)

    def _section(self, slug: str) -> list[Article]:
        return [a for a in self.articles if self.slug(a) == slug]

    def _t(self, text: str) -> str:
        """Content text as printed: traditional, escaped, annotated."""
        return ruby(esc(self.text(text)))

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/index.html": self.html(self._home(), newest(self.articles))}
        pages["/"] = pages["/index.html"]
        for slug in SECTIONS:
            groups = chunks(self._section(slug))
            for number, group in enumerate(groups, 1):
                html = self._list_page(slug, group, number, len(groups))
                pages[self.list_path(slug, number)] = self.html(html, newest(group))
        for article in self.articles:
            html = self._article_page(article, epoch.number)
            pages[self.path(article)] = self.html(html, self.last_modified(article, epoch))
        return pages

    # --- markup -------------------------------------------------------------------------
    def _document(self, title: str, body: str, keywords: str = "淮安新聞,淮安114網") -> str:
        return (
            '<!DOCTYPE html>\n<html lang="zh-Hant">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta name="keywords" content="{esc(keywords)}">\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n{self._header()}\n{body}\n"
            f"{self._footer()}\n</body>\n</html>\n"
        )

    def _header(self) -> str:
        counties = "".join(f'<a href="{u}">{ruby(n)}</a>' for n, u in COUNTIES)
        nav = ['<li><a href="/">' + ruby("首頁") + "</a></li>"]
        nav += [
            f'<li><a href="{self.list_path(s, 1)}">{ruby(n)}</a></li>'
            for s, (n, _) in SECTIONS.items()
        ]
        nav += [f'<li><a href="{u}">{ruby(n)}</a></li>' for n, u in SERVICES]
        return (
            f'<div class="topbar"><div class="wrap"><div class="city">{counties}</div>'
            f'<div class="login">{ruby("無須註冊,完全免費,只要2步,立即發布信息")} '
            '<a href="http://info.d7760.cn/post.html">'
            + ruby("免費發布")
            + "</a></div></div></div>\n"
            '<div class="head wrap"><a class="logo" href="/">' + ruby("淮安114網") + "</a>"
            '<form action="http://so.d7760.cn/" method="get"><input name="kw">'
            "<button>" + ruby("搜索") + "</button></form></div>\n"
            f'<div class="nav"><ul class="wrap">{"".join(nav)}</ul></div>'
        )

    def _footer(self) -> str:
        return (
            '<div class="foot"><div class="wrap"><p><a href="http://info.d7760.cn/about.html">'
            + ruby("關於我們")
            + '</a> | <a href="http://info.d7760.cn/contact.html">'
            + ruby("聯繫我們")
            + '</a> | <a href="http://info.d7760.cn/ad.html">'
            + ruby("廣告服務")
            + "</a></p>"
            "<p>Copyright © 2008-2024 " + ruby("淮安114網 版權所有") + "</p>"
            '<p><a href="https://beian.miit.gov.cn/">蘇ICP備08103412號-2</a> '
            '<a href="http://www.beian.gov.cn/">蘇公網安備 32080202000271號</a></p></div></div>'
        )

    @property
    def list_class(self) -> str:
        # A redesign renames the list, so the site's article_links selector stops matching.
        return "news-list" if self.redesigned else "newslist"

    def _items(self, arts: Sequence[Article]) -> str:
        return "".join(
            f'<li><span class="time">{a.published:%Y-%m-%d}</span>'
            f'<a href="{self.path(a)}" title="{esc(self.text(a.title))}" target="_blank">'
            f"{self._t(a.title)}</a></li>"
            for a in arts
        )

    def _home(self) -> str:
        blocks = "".join(
            f'<div class="box"><h2><a href="{self.list_path(s, 1)}">{ruby(n)}</a></h2>'
            f'<ul class="{self.list_class}">{self._items(self._section(s)[:8])}</ul></div>'
            for s, (n, _) in SECTIONS.items()
        )
        return self._document(
            "淮安114網 - 淮安本地生活信息門戶", f'<div class="wrap">{blocks}</div>'
        )

    def _list_page(self, slug: str, group: Sequence[Article], number: int, total: int) -> str:
        name = SECTIONS[slug][0]
        pager = [f'<a href="{self.list_path(slug, 1)}">{ruby("首頁")}</a>']
        if number > 1:
            pager.append(f'<a href="{self.list_path(slug, number - 1)}">{ruby("上一頁")}</a>')
        pager += [
            f"<b>{n}</b>" if n == number else f'<a href="{self.list_path(slug, n)}">{n}</a>'
            for n in range(1, total + 1)
        ]
        if number < total:
            pager.append(
                f'<a class="next" href="{self.list_path(slug, number + 1)}">{ruby("下一頁")}</a>'
            )
        pager.append(f'<a href="{self.list_path(slug, total)}">{ruby("尾頁")}</a>')
        body = (
            f'<div class="wrap"><div class="weizhi">{ruby("您的位置")}:'
            f'<a href="/">{ruby("首頁")}</a> &gt; '
            f'<a href="{self.list_path(slug, 1)}">{ruby(name)}</a></div>\n'
            f'<div class="main"><ul class="{self.list_class}">{self._items(group)}</ul>\n'
            f'<div class="pages">{"".join(pager)}</div></div>\n{self._hot()}</div>'
        )
        suffix = "" if number == 1 else f"_第{number}頁"
        return self._document(f"{name}{suffix}_淮安114網", body)

    def _hot(self, exclude: Article | None = None) -> str:
        hot = [a for a in self.articles if a is not exclude][:8]
        return f'<div class="side"><h3>{ruby("熱點排行")}</h3><ol>{self._items(hot)}</ol></div>'

    def _article_page(self, article: Article, epoch: int) -> str:
        name = SECTIONS[self.slug(article)][0]
        paragraphs = "".join(f"<p>{self._t(p)}</p>\n" for p in article.paragraphs_at(epoch))
        reporter = (
            f'<p class="reporter">■{ruby("記者")} {self._t(article.author)}</p>'
            if article.author
            else ""
        )
        lead = article.lead or article.paragraphs_at(epoch)[0]
        tools = "".join(
            f'<a href="javascript:void(0)">{ruby(t)}</a> '
            for t in ("評 論", "轉 發", "收 藏", "打 印")
        )
        body = (
            f'<div class="wrap"><div class="weizhi"><a href="/">{ruby("首頁")}</a> &gt; '
            f'<a href="{self.list_path(self.slug(article), 1)}">{ruby(name)}</a> &gt; '
            f"{self._t(article.title)}</div>\n"
            f'<div class="main"><h1>{self._t(article.title)}</h1>\n'
            f'<div class="info">{ruby("發布時間")}: {self.stamp(article)}&nbsp;&nbsp;'
            f"{ruby('來源')}:{self._t(article.source)}&nbsp;&nbsp;"
            f'{ruby("關注度")}:<span class="views">{self.views(article, epoch)}</span>'
            f'<span class="tool">{tools}</span></div>\n'
            f'<div class="daodu"><b>{ruby("導讀")}:</b>{self._t(lead)}</div>\n'
            f'<div class="newscon" id="newscon">\n{paragraphs}{reporter}</div>\n'
            f'<div class="shengming">{ruby(DISCLAIMER)}</div>\n'
            f'<div class="xgxw"><h3>{ruby("相關新聞")}</h3><ul>'
            f"{self._items(related(self.articles, article))}</ul></div></div>\n"
            f"{self._hot(article)}</div>"
        )
        title = f"{self.text(article.title)}_{self.name}"
        return self._document(title, body, f"{self.text(article.title)},{name}")
