"""The spiders without a network: which links the site spider follows, and failure wording."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import HtmlResponse, Response
from scrapy.utils._download_handlers import get_maxsize_msg
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from archive import BadURL, open_archive
from crawler.items import Page
from crawler.middlewares.robotstxt import SharedRobotsTxtMiddleware
from crawler.sites import parse_site
from crawler.spiders.add import ADD_INDEX, AddSpider
from crawler.spiders.failures import describe_failure, is_refusal
from crawler.spiders.site import SiteSpider

SITE = "http://gxj.example.gov.cn"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def site_spider(home: Path, settings: dict[str, Any] | None = None, **config: Any) -> SiteSpider:
    data = {"name": "演示", "start_urls": [f"{SITE}/col/list.html"], **config}
    spidercls = SiteSpider.for_site(parse_site("demo", data))
    crawler = get_crawler(spidercls, {"ARCHIVE_HOME": str(home), **(settings or {})})
    return spidercls.from_crawler(crawler)


def start(spider: Any) -> list[Request]:
    async def collect(requests: AsyncIterator[Request]) -> list[Request]:
        return [r async for r in requests]

    return asyncio.run(collect(spider.start()))


def html(url: str, links: list[str], status: int = 200) -> HtmlResponse:
    body = "".join(f'<a href="{href}">x</a>' for href in links)
    return HtmlResponse(url, status=status, body=f"<html><body>{body}</body></html>".encode(),
                        headers={"Content-Type": "text/html; charset=utf-8"},
                        request=Request(url))


def followed(output: list[Any]) -> list[str]:
    return [o.url for o in output if isinstance(o, Request)]


LIST_LINKS = [
    "/art/1.html",
    "/art/1.html#comments",  # same page
    "../art/2.html",
    "/art/2.html?utm_source=wx",  # same page, tracking parameter
    "list_2.html",
    "/about.html",  # matches no pattern
    "http://other.example.cn/art/3.html",  # off site
    "http://www.gxj.example.gov.cn/art/4.html",  # sub-domain: on site
    "mailto:office@example.gov.cn",
]


def test_follows_matching_links_once_each_within_the_site(home: Path) -> None:
    spider = site_spider(home, article_pattern=r"/art/\d+\.html$",
                         list_pattern=r"list_\d+\.html$")
    assert followed(start(spider)) == [f"{SITE}/col/list.html"]
    output = list(spider.parse_list(html(f"{SITE}/col/list.html", LIST_LINKS)))
    assert isinstance(output[0], Page)
    assert followed(output) == [
        f"{SITE}/art/1.html",
        f"{SITE}/art/2.html",
        "http://www.gxj.example.gov.cn/art/4.html",
        f"{SITE}/col/list_2.html",
    ]
    # A second list page linking the same articles schedules nothing, and pages no further.
    again = list(spider.parse_list(html(f"{SITE}/col/list_2.html",
                                        [*LIST_LINKS, "list_3.html"])))
    assert followed(again) == []
    assert all(r.errback == spider.fetch_failed for r in output if isinstance(r, Request))
    # Every link it found is in the archive's frontier; the off-site one as skipped.
    with open_archive(home) as arc:
        known = arc.known_urls("demo")
    assert known["http://other.example.cn/art/3.html"].reason == "off-site"
    assert {u: k.state for u, k in known.items() if k.state == "queued"} == {
        f"{SITE}/art/1.html": "queued", f"{SITE}/art/2.html": "queued",
        "http://www.gxj.example.gov.cn/art/4.html": "queued"}


def test_without_patterns_the_generic_rules_pick_articles_and_the_next_page(home: Path) -> None:
    spider = site_spider(home)
    start(spider)
    page = html(f"{SITE}/col/list.html", [])
    links = {
        "/art/2024/7/24/art_123_456.html": "洪泽区召开全区工业经济推进会议",
        "/2024-07/24/content_789.htm": "全市重大产业项目集中开工仪式举行",
        "/about.html": "关于我们",
        "list_2.html": "下一页",
    }
    anchors = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in links.items())
    page = page.replace(body=f"<html><body><ul>{anchors}</ul></body></html>".encode())
    assert followed(list(spider.parse_list(page))) == [
        f"{SITE}/art/2024/7/24/art_123_456.html",
        f"{SITE}/2024-07/24/content_789.htm",
        f"{SITE}/col/list_2.html",
    ]


def test_max_pages_bounds_the_requests_and_leaves_the_rest_queued(home: Path) -> None:
    spider = site_spider(home, max_pages=3, article_pattern=r"/art/\d+\.html$")
    start(spider)
    assert len(followed(list(spider.parse_list(html(f"{SITE}/col/list.html", LIST_LINKS))))) == 2
    with open_archive(home) as arc:
        left = arc.known_urls("demo")["http://www.gxj.example.gov.cn/art/4.html"]
    assert (left.state, left.reason) == ("queued", "not fetched yet: max_pages reached")
    capped = site_spider(home, {"CRAWL_MAX_PAGES": 1}, article_pattern=r"/art/\d+\.html$")
    start(capped)  # the start URL, then the three queued articles: only one fits
    assert followed(list(capped.parse_list(html(f"{SITE}/col/list.html", LIST_LINKS)))) == []


def test_error_pages_are_captured_but_not_mined_for_links(home: Path) -> None:
    spider = site_spider(home)
    start(spider)
    output = list(spider.parse_list(html(f"{SITE}/gone.html", LIST_LINKS, status=404)))
    [page] = output
    assert isinstance(page, Page)
    assert (page.fetch.status, page.site, page.site_name) == (404, "demo", "演示")


def test_add_spider_numbers_its_requests_and_records_failures() -> None:
    urls = ["http://a.example/1", "http://a.example/1", "https://b.example/"]
    spider = AddSpider.from_crawler(get_crawler(AddSpider), urls=urls)
    requests = start(spider)
    assert [(r.url, r.meta[ADD_INDEX]) for r in requests] == [(u, i) for i, u in enumerate(urls)]
    failure = Failure(DownloadConnectionRefusedError("refused"))
    failure.request = requests[2]  # type: ignore[attr-defined]
    spider.fetch_failed(failure)
    assert spider.failures == {2: "connection refused"}
    assert spider.crawler.stats is not None
    assert spider.crawler.stats.get_value("crawl/failed_requests") == 1
    with pytest.raises(BadURL):
        AddSpider.from_crawler(get_crawler(AddSpider), urls=["example.com/page"])


def test_add_spider_takes_urls_as_one_string_from_the_command_line() -> None:
    urls = "http://a.example/ http://b.example/"
    spider = AddSpider.from_crawler(get_crawler(AddSpider), urls=urls)
    assert spider.urls == ["http://a.example/", "http://b.example/"]


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (IgnoreRequest("Forbidden by robots.txt"), "refused by robots.txt"),
        (DownloadConnectionRefusedError("Connection was refused"), "connection refused"),
        (DownloadTimeoutError("Getting http://a.example/ took longer than 30 seconds."),
         "timed out (Getting http://a.example/ took longer than 30 seconds.)"),
        (DownloadCancelledError(get_maxsize_msg(30_000_000, 20_971_520,
                                                Request("http://a.example/"), expected=True)),
         "too large: more than 20971520 bytes (DOWNLOAD_MAXSIZE)"),
        (IgnoreRequest("Ignored response <200 http://a.example/> because its body (10 B "
                       "compressed, 99 B decompressed so far) exceeded DOWNLOAD_MAXSIZE "
                       "(50 B) during decompression."),
         "too large: more than 50 bytes (DOWNLOAD_MAXSIZE)"),
        (ValueError("odd"), "ValueError: odd"),
    ],
)
def test_failures_are_described_in_one_line(exc: Exception, expected: str) -> None:
    failure = Failure(exc)
    assert describe_failure(failure) == expected
    assert is_refusal(failure) == (expected == "refused by robots.txt")


def test_pages_keep_the_url_requested_before_redirects() -> None:
    request = Request("http://a.example/new", meta={"redirect_urls": ["http://a.example/old"]})
    response = Response("http://a.example/new", body=b"x", request=request)
    page = Page.from_response(response)
    assert (page.fetch.url, page.fetch.final_url) == ("http://a.example/old", "http://a.example/new")
    assert page.fetch.fetched_at.tzinfo is not None
    assert "b'x'" not in repr(page)  # bodies stay out of Scrapy's per-item log line


def test_every_request_waiting_for_a_pending_robots_txt_gets_its_rules() -> None:
    crawler = get_crawler(AddSpider, {"ROBOTSTXT_OBEY": True})
    middleware = SharedRobotsTxtMiddleware.from_crawler(crawler)
    pending: Deferred[Any] = Deferred()
    middleware._parsers["a.example"] = pending  # robots.txt is still downloading
    rules = object()

    async def three_waiters() -> list[Any]:
        waiting = [asyncio.ensure_future(middleware.robot_parser(Request(f"http://a.example/{n}")))
                   for n in range(3)]
        await asyncio.sleep(0)
        pending.callback(rules)
        return await asyncio.gather(*waiting)

    assert asyncio.run(three_waiters()) == [rules, rules, rules]


def test_trap_urls_are_recorded_as_skipped_not_fetched(home: Path) -> None:
    spider = site_spider(home, article_pattern=r"\.html$")
    start(spider)
    trap = f"{SITE}/a/b/a/b/a/b/art/5.html"
    assert followed(list(spider.parse_list(html(f"{SITE}/col/list.html", [trap])))) == []
    with open_archive(home) as arc:
        entry = arc.known_urls("demo")[trap]
    assert entry.state == "skipped"
    assert entry.reason is not None and entry.reason.startswith("trap: ")


def test_a_site_hook_module_supplies_article_links_and_next_pages(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "odd_site_hook.py").write_text(
        "from crawler.adapters import Link\n"
        "def article_links(root, url):\n"
        "    return [Link(url.rsplit('/', 1)[0] + '/' + li.get('data-id') + '.html')\n"
        "            for li in root.iter('li')]\n"
        "def next_page_urls(root, url):\n"
        "    return [url.replace('list.html', 'list_2.html')]\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    spider = site_spider(home, hook="odd_site_hook")
    start(spider)
    page = html(f"{SITE}/col/list.html", []).replace(
        body=b'<html><body><ul><li data-id="a1">x</li><li data-id="a2">y</li></ul></body></html>')
    assert followed(list(spider.parse_list(page))) == [
        f"{SITE}/col/a1.html", f"{SITE}/col/a2.html", f"{SITE}/col/list_2.html"]


def test_a_feed_announced_by_a_list_page_is_fetched_as_a_feed(home: Path) -> None:
    spider = site_spider(home, article_pattern=r"/art/\d+\.html$")
    start(spider)
    page = html(f"{SITE}/col/list.html", []).replace(body=(
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        b'</head><body><a href="/art/1.html">x</a></body></html>'))
    requests = [o for o in spider.parse_list(page) if isinstance(o, Request)]
    assert [(r.url, r.callback) for r in requests][:1] == [(f"{SITE}/rss.xml", spider.parse_feed)]


def part_page(url: str, text: str, next_part: str | None = None) -> HtmlResponse:
    pager = f'<div class="pages">总共: 2页 <a href="{next_part}">下一页</a></div>' \
        if next_part else ""
    paragraphs = "".join(f"<p>{text}第{i}段，园区项目建设持续推进，企业投产达效。</p>"
                         for i in range(6))
    body = (f"<html><head><title>宿迁市召开工业经济推进会</title></head><body>"
            f"<h1>宿迁市召开工业经济推进会</h1><div id='content'>{paragraphs}</div>{pager}"
            f"</body></html>")
    return HtmlResponse(url, body=body.encode(), headers={"Content-Type": "text/html"},
                        request=Request(url))


def test_a_multi_page_article_becomes_one_document_even_when_a_part_fails(home: Path) -> None:
    spider = site_spider(home)
    start(spider)
    first_url = f"{SITE}/2024-07/24/content_123.htm"
    second_url = f"{SITE}/2024-07/24/content_123_2.htm"
    [request] = list(spider.parse_article(part_page(first_url, "上篇", second_url)))
    assert isinstance(request, Request) and request.url == second_url

    # The second part's response carries the first part with it (request meta).
    whole = list(spider.parse_article(part_page(second_url, "下篇").replace(request=request)))
    assert [type(p) for p in whole] == [Page, Page]
    merged = whole[0].article
    assert merged is not None and "上篇第0段" in merged.body and "下篇第5段" in merged.body
    assert whole[1].article is not None and not whole[1].article.is_article

    failure = Failure(DownloadTimeoutError("took too long"))
    failure.request = request  # type: ignore[attr-defined]
    [alone] = spider.fetch_failed(failure)
    assert alone.article.extras["parts_incomplete"]
    assert "上篇第0段" in alone.article.body
