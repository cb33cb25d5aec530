"""What every replica site has: its host, how its pages are encoded, and how a build is made."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from crawler.replica.content import Article
from crawler.replica.furniture import esc
from crawler.replica.pages import HTML_UTF8, Build, Page, Responder, page


@dataclass(frozen=True)
class Epoch:
    number: int
    corrected_at: datetime  # when corrections became visible; used from epoch 1 on


class Site:
    """One replica site.  Subclasses render its pages; this class turns them into a Build."""

    key: ClassVar[str]
    name: ClassVar[str]
    host: ClassVar[str]
    scheme: ClassVar[str] = "http"
    encoding: ClassVar[str] = "utf-8"  # the codec of the bytes served
    content_type: ClassVar[str] = HTML_UTF8
    server: ClassVar[str] = "nginx"
    query_matters: ClassVar[bool] = False
    body_joiner: ClassVar[str] = "\n"
    prints_seconds: ClassVar[bool] = True  # prints :SS when the content gives seconds
    day_only: ClassVar[bool] = False  # prints the date without time

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        # A new layout (Replica.redesign): sites that support it change their list markup.
        self.redesigned = False

    # --- what pages show ----------------------------------------------------------------
    def text(self, text: str) -> str:
        """Content text in the script the page prints it in."""
        return text

    def precision(self, article: Article) -> str:
        if self.day_only:
            return "day"
        return "second" if self.prints_seconds and article.has_seconds else "minute"

    def stamp(self, article: Article) -> str:
        """The publication time as ``YYYY-MM-DD HH:MM[:SS]`` to this site's precision."""
        fmt = {"day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M", "second": "%Y-%m-%d %H:%M:%S"}
        return article.published.strftime(fmt[self.precision(article)])

    def visible(self) -> list[Article]:
        """The articles a polite full crawl reaches (newest first)."""
        return self.articles

    def path(self, article: Article) -> str:
        raise NotImplementedError

    def part_paths(self, article: Article) -> tuple[str, ...]:
        return (self.path(article),)

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host}{path}"

    def hidden_paths(self) -> list[str]:
        """Paths robots.txt forbids (linked from somewhere, never to be fetched)."""
        return []

    def robots(self) -> str:
        return "User-agent: *\nDisallow:\n"

    def last_modified(self, article: Article, epoch: Epoch) -> datetime:
        if article.corrected is not None and epoch.number >= 1:
            return epoch.corrected_at
        return article.published

    # --- building -----------------------------------------------------------------------
    def pages(self, epoch: Epoch) -> dict[str, Page]:
        raise NotImplementedError

    def list_paths(self) -> list[str]:
        """List pages, feeds and API replies (GET) where article links are found."""
        return []

    def responder(self, epoch: Epoch) -> Responder | None:
        return None

    def build(self, epoch: Epoch) -> Build:
        pages = self.pages(epoch)
        pages["/robots.txt"] = page(self.robots().encode(), "text/plain")
        for path in [p for p in pages if p.endswith("/index.html")]:
            pages.setdefault(path[: -len("index.html")], pages[path])  # /jj/ serves /jj/index.html
        return Build(
            pages=pages,
            not_found=self.html(self.not_found_html(), status=404),
            respond=self.responder(epoch),
            query_matters=self.query_matters,
            lists=self.list_paths(),
        )

    def html(self, html: str, last_modified: datetime | None = None, status: int = 200) -> Page:
        body = html.encode(self.encoding, "xmlcharrefreplace")
        return page(body, self.content_type, last_modified, status)

    def not_found_html(self) -> str:
        return (
            "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>"
            f"<h1>404 Not Found</h1><p>{esc(self.name)}：您访问的页面不存在或已被删除。</p>"
            '<p><a href="/">返回首页</a></p></body></html>'
        )
