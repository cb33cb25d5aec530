"""海瀛产发集团 (www.hychanfa.com): an old Big5 ASP site; one-paragraph bodies, 上一篇/下一篇."""

from __future__ import annotations

from collections.abc import Sequence

from crawler.replica.content import Article
from crawler.replica.furniture import chunks, esc, newest, stable_number
from crawler.replica.pages import Page
from crawler.replica.script import traditional
from crawler.replica.sites.base import Epoch, Site

CLASS_IDS = (3, 5, 7, 9)  # list.asp?classid=… in the order sections first appear
STYLE = "body{margin:0;font-size:12px;font-family:細明體}td{font-size:12px;line-height:22px}"


class Haiying(Site):
    key = "haiying"
    name = "海瀛產發集團"
    host = "www.hychanfa.com"
    encoding = "big5"
    content_type = "text/html"
    server = "Microsoft-IIS/6.0"
    query_matters = True
    body_joiner = ""
    day_only = True

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__(articles)
        sections = list(dict.fromkeys(a.section for a in articles)) or ["集团新闻"]
        self.classes = dict(zip(CLASS_IDS, sections[: len(CLASS_IDS)], strict=False))

    def text(self, text: str) -> str:
        return traditional(text)

    def classid(self, article: Article) -> int:
        return next((c for c, s in self.classes.items() if s == article.section), CLASS_IDS[0])

    def path(self, article: Article) -> str:
        return f"/news/show.asp?id={1500 + article.number}"

    def list_path(self, classid: int, number: int) -> str:
        return f"/news/list.asp?classid={classid}&page={number}"

    def list_paths(self) -> list[str]:
        return [
            self.list_path(c, n) for c in self.classes for n in range(1, len(self._pages(c)) + 1)
        ]

    def _class(self, classid: int) -> list[Article]:
        return [a for a in self.articles if self.classid(a) == classid]

    def _pages(self, classid: int) -> list[Sequence[Article]]:
        return chunks(self._class(classid))

    # --- pages --------------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        pages = {"/index.asp": self.html(self._home(), newest(self.articles))}
        pages["/"] = pages["/index.asp"]
        for classid in self.classes:
            groups = self._pages(classid)
            for number, group in enumerate(groups, 1):
                built = self.html(
                    self._list_page(classid, group, number, len(groups)), newest(group)
                )
                pages[self.list_path(classid, number)] = built
                if number == 1:
                    pages[f"/news/list.asp?classid={classid}"] = built
        for article in self.articles:
            html = self._article_page(article, epoch.number)
            pages[self.path(article)] = self.html(html, self.last_modified(article, epoch))
        return pages

    # --- markup -------------------------------------------------------------------------
    def _t(self, text: str) -> str:
        return esc(self.text(text))

    def _document(self, title: str, body: str) -> str:
        nav = ['<a href="/">首頁</a>']
        nav += [
            f'<a href="{self.list_path(c, 1)}">{self._t(s)}</a>' for c, s in self.classes.items()
        ]
        nav.append('<a href="http://www.tinghu.gov.cn/" target="_blank">亭湖區人民政府</a>')
        return (
            '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=big5">\n'
            f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
            '<body topmargin="0" leftmargin="0">\n'
            '<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">'
            '<tr><td height="90" class="logo"><a href="/"><b>海瀛產發集團</b></a>'
            " 鹽城市亭湖區產業發展投資集團</td></tr>\n"
            f'<tr><td class="nav" height="32">{" | ".join(nav)}</td></tr></table>\n'
            f"{body}\n"
            '<table width="960" border="0" align="center" class="foot"><tr><td align="center">'
            "版權所有 轉載請注明出處!盜用必究!<br>鹽城亭湖區 海瀛產發集團 "
            "地址:鹽城市亭湖區開放大道58號"
            '<br><a href="https://beian.miit.gov.cn/" target="_blank">蘇ICP備15032877號</a>'
            "</td></tr></table>\n</body>\n</html>\n"
        )

    def _rows(self, arts: Sequence[Article]) -> str:
        return "".join(
            f'<tr><td width="85%">·<a href="{esc(self.path(a))}" target="_blank">{self._t(a.title)}'
            f'</a></td><td width="15%">{self._date(a)}</td></tr>\n'
            for a in arts
        )

    def _date(self, article: Article) -> str:
        p = article.published
        return f"{p.year}-{p.month}-{p.day}"

    def _home(self) -> str:
        tables = "".join(
            f'<table width="960" align="center"><tr><td colspan="2" class="bt">{self._t(s)} '
            f'<a href="{esc(self.list_path(c, 1))}">更多&gt;&gt;</a></td></tr>\n'
            f"{self._rows(self._class(c)[:8])}</table>\n"
            for c, s in self.classes.items()
        )
        return self._document(self.name, tables)

    def _list_page(self, classid: int, group: Sequence[Article], number: int, total: int) -> str:
        section = self._t(self.classes[classid])
        links = [f'<a href="{esc(self.list_path(classid, 1))}">首頁</a>']
        if number > 1:
            links.append(f'<a href="{esc(self.list_path(classid, number - 1))}">上一頁</a>')
        if number < total:
            links.append(f'<a href="{esc(self.list_path(classid, number + 1))}">下一頁</a>')
        links.append(f'<a href="{esc(self.list_path(classid, total))}">尾頁</a>')
        body = (
            f'<table width="960" align="center"><tr><td colspan="2">當前位置:<a href="/">首頁</a>'
            f" &gt;&gt; {section}</td></tr>\n{self._rows(group)}"
            f'<tr><td colspan="2" align="center">共{len(self._class(classid))}條 '
            f"頁次:{number}/{total} {' '.join(links)}</td></tr></table>"
        )
        return self._document(f"{self.text(self.classes[classid])} - {self.name}", body)

    def _article_page(self, article: Article, epoch: int) -> str:
        siblings = self._class(self.classid(article))
        index = siblings.index(article)
        # Older items are "previous": the site numbers its records in time order.
        prev = siblings[index + 1] if index + 1 < len(siblings) else None
        nxt = siblings[index - 1] if index > 0 else None
        prev_link = (
            f'<a href="{esc(self.path(prev))}">{self._t(prev.title)}</a>' if prev else "沒有了"
        )
        next_link = f'<a href="{esc(self.path(nxt))}">{self._t(nxt.title)}</a>' if nxt else "沒有了"
        author = f" 作者:{self._t(article.author)}" if article.author else ""
        views = stable_number(article.id, 50, 400)
        text = "".join(self._t(p) for p in article.paragraphs_at(epoch))
        body = (
            '<table width="960" align="center" class="show">'
            f'<tr><td align="center" class="title"><b>{self._t(article.title)}</b> |</td></tr>\n'
            f'<tr><td align="center" class="info">發表時間:{self._date(article)} '
            f"發布者:{self._t(article.source)}{author} 瀏覽次數:{views} |</td></tr>\n"
            f'<tr><td class="content"><p>{text}</p> |</td></tr>\n'
            f'<tr><td class="prenext">上一篇:{prev_link} 下一篇:{next_link} |</td></tr></table>'
        )
        return self._document(f"{self.text(article.title)} - {self.name}", body)
