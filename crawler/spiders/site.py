"""The site spider: crawl policy from a SiteConfig, the frontier in the archive, no site code.

Discovery, in the order a run makes its requests: the site's sitemaps and feeds, its start
URLs (list pages), then whatever the frontier says is pending (left queued by an interrupted
run, failed and worth retrying, due for a revisit).  On a list page, article links come from
the site's hook, its CMS adapter (Hanweb datastore records, TRS paging), its
``article_links`` selector or ``article_pattern``, or generic link heuristics, in that order.

Incremental: a link known before this run is fetched again only when due (a sitemap/feed
``lastmod`` newer than our copy, or its revisit time), with If-None-Match/If-Modified-Since; a
list stops paging after ``stop_after_known_pages`` pages that brought nothing new.  ``full``
fetches everything again, unconditionally.

Every response is a page item (list pages, sitemaps, error pages too) carrying the
:class:`~archive.Visit` that files it in the frontier in the capture's own transaction; a 304
or a failure is filed directly.  Links are checked against an in-memory seen-set *before* a
Request is built (PERFORMANCE.md: building requests for known links costs ~4x the crawl rate).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urldefrag, urlsplit

from scrapy import FormRequest, Request, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy_playwright.page import PageMethod
from twisted.python.failure import Failure

from archive import Article, BadURL, Discovery, Visit, canonicalize, clean
from archive.timeutil import now
from crawler.adapters import Link, feeds, generic, hanweb, multipage, sitemaps, trs
from crawler.adapters.anchors import absolute, anchor_text, page_base
from crawler.archive_access import crawl_archive
from crawler.frontier import CrawlFrontier
from crawler.items import Page
from crawler.middlewares.wire import FETCHED_AT
from crawler.pipelines import SITE_BUSY
from crawler.sites.browser import browser_settings
from crawler.sites.config import SiteConfig
from crawler.spiders.base import CaptureSpider
from crawler.spiders.failures import describe_failure, is_refusal

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

KIND = "frontier_kind"
STREAK = "known_streak"  # list pages in a row that brought nothing new
PARTS = "article_parts"
HANWEB = "hanweb_proxy"
TEXTLESS = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|"
                      r"mp[34]|avi|wmv|flv|apk|exe)(?:$|\?)", re.IGNORECASE)


class SiteSpider(CaptureSpider):
    """Subclassed per site by :meth:`for_site`; the subclass's ``name`` is the site key."""

    site: ClassVar[SiteConfig]
    uses_frontier = True  # the archive pipeline reports this spider's frontier counts

    @classmethod
    def for_site(cls, config: SiteConfig) -> type[SiteSpider]:
        class_name = "SiteSpider_" + re.sub(r"\W", "_", config.key)
        return type(class_name, (cls,), {
            "name": config.key,
            "site": config,
            "site_key": config.key,
            "site_name": config.name,
            "allowed_domains": list(config.allowed_domains),
            "start_urls": list(config.start_urls),
            "custom_settings": browser_settings() if config.browser else {},
            "__module__": cls.__module__,
        })

    def __init__(self, *args: Any, full: bool | str = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.full = full in (True, "1", "true", "yes")
        self.domains = tuple(self.site.allowed_domains)
        self.article_re = _compile(self.site.article_pattern)
        self.list_re = _compile(self.site.list_pattern)
        self.hook: ModuleType | None = (importlib.import_module(self.site.hook)
                                        if self.site.hook else None)
        self.extraction_hints = self.site.extraction_hints
        self.budget = self.site.max_pages
        self.scheduled = 0
        self.seen: set[str] = set()
        self.plan: CrawlFrontier | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        kwargs.setdefault("full", crawler.settings.getbool("CRAWL_FULL"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        cap = crawler.settings.getint("CRAWL_MAX_PAGES")
        if cap > 0:
            spider.budget = min(spider.budget, cap)
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        return spider

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        """A site that configures no sitemaps still gets those its robots.txt names."""
        if self.site.sitemaps or self.plan is None or self.crawler.engine is None:
            return
        for url in getattr(getattr(robotparser, "rp", None), "sitemaps", None) or ():
            if self.skip_reason(url) is None \
                    and (sitemap := self.follow(url, "sitemap", priority=30)) is not None:
                self.crawler.engine.crawl(sitemap)

    # -- starting ------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        busy = self.crawler.stats.get_value(SITE_BUSY) if self.crawler.stats else None
        if busy:
            self.logger.error("%s is %s: nothing crawled", self.site.key, busy)
            return
        archive = crawl_archive(self.crawler)
        self.plan = CrawlFrontier(archive, self.site.key, full=self.full)
        for url in self.site.sitemaps:
            if (request := self.follow(url, "sitemap", force=True, priority=30)) is not None:
                yield request
        for url in self.site.feeds:
            if (request := self.follow(url, "feed", force=True, priority=30)) is not None:
                yield request
        for url in self.site.start_urls:
            request = self.follow(url, "list", force=True, priority=20, meta={STREAK: 0})
            if request is not None:
                yield request
        pending = [entry for entry in self.plan.pending() if entry.url not in self.seen]
        if pending:
            self.logger.info("Resuming %d queued, failed or due pages from the frontier",
                             len(pending))
            archive.requeue(self.site.key, [entry.url for entry in pending], self.run_id)
        for entry in pending:
            if (request := self.follow(entry.url, entry.kind)) is not None:
                yield request

    @property
    def run_id(self) -> int | None:
        stats = self.crawler.stats
        return stats.get_value("archive/run_id") if stats is not None else None

    # -- requests ------------------------------------------------------------------------------

    def follow(self, url: str, kind: str, *, force: bool = False, priority: int = 0,
               meta: dict[str, Any] | None = None, render: bool = False,
               formdata: dict[str, str] | None = None) -> Request | None:
        """A Request for ``url`` unless this run has it already or the budget is spent
        (``force``: start URLs and sitemaps are fetched on every run)."""
        assert self.plan is not None
        key = _key(url)
        if key is None or (key in self.seen and not force):
            return None
        if self.scheduled >= self.budget:
            if self.plan.is_new(key):
                crawl_archive(self.crawler).settle(
                    self.site.key, url, kind, "queued", run_id=self.run_id,
                    reason="not fetched yet: max_pages reached")
            if self.scheduled == self.budget:
                self.logger.info("max_pages (%d) reached: following no more links", self.budget)
                self.scheduled += 1  # log once
            return None
        self.seen.add(key)
        self.scheduled += 1
        headers = {} if render else self.plan.conditional_headers(key)
        request_meta = {KIND: kind, **(meta or {})}
        if render:
            request_meta["playwright"] = True
            # Lists fill themselves from XHR after "load": wait until the network is quiet.
            request_meta["playwright_page_methods"] = [
                PageMethod("wait_for_load_state", "networkidle")]
        callback = {"list": self.parse_list, "sitemap": self.parse_sitemap,
                    "feed": self.parse_feed}.get(kind, self.parse_article)
        if render:
            callback = self.parse_rendered
        if formdata is not None:
            return FormRequest(url, formdata=formdata, callback=callback,
                               errback=self.fetch_failed, meta=request_meta, priority=priority,
                               dont_filter=True)
        return Request(url, callback=callback, errback=self.fetch_failed, headers=headers,
                       meta=request_meta, priority=priority, dont_filter=True)

    def page(self, response: Response, kind: str) -> Page:
        page = self.capture(response)
        revisit = self.site.revisit_after if kind == "article" else None
        page.visit = Visit(page.fetch.url, kind, revisit)
        if kind in ("list", "sitemap", "feed"):
            # We reached it as a list: whatever text it has is not an article (an empty
            # JavaScript list shell would otherwise pass for one, and every shell for a
            # duplicate of the others).
            page.article = Article(url=page.fetch.final_url or page.fetch.url, is_article=False)
        return page

    def not_modified(self, response: Response) -> bool:
        """A 304: the page is as we have it.  Filed as unchanged; nothing to capture."""
        if response.status != 304:
            return False
        kind = response.meta.get(KIND, "page")
        revisit = self.site.revisit_after if kind == "article" else None
        crawl_archive(self.crawler).settle(
            self.site.key, _first_url(response), kind, "unchanged", run_id=self.run_id,
            fetched_at=response.meta.get(FETCHED_AT) or now(), revisit_after=revisit)
        self._count("crawl/not_modified")
        return True

    # -- list pages ----------------------------------------------------------------------------

    def parse_list(self, response: Response) -> Iterator[Page | Request]:
        if self.not_modified(response):
            return
        yield self.page(response, "list")
        if not 200 <= response.status < 300 or not isinstance(response, TextResponse):
            return
        if self.site.browser:
            # The server's bytes are archived above; the links are in the rendered page.
            request = self.follow(response.url, "list", force=True, render=True,
                                  meta={STREAK: response.meta.get(STREAK, 0)})
            if request is not None:
                yield request
            return
        yield from self.read_list(response)

    def parse_rendered(self, response: Response) -> Iterator[Request]:
        if 200 <= response.status < 300 and isinstance(response, TextResponse):
            yield from self.read_list(response)

    def read_list(self, response: TextResponse) -> Iterator[Request]:
        root, url = response.selector.root, response.url
        links: list[Link] = []
        next_pages: list[str] = []
        proxy: tuple[str, dict[str, str], hanweb.ProxyParams, int] | None = None
        cms = self.site.cms
        if self.hook is not None and hasattr(self.hook, "article_links"):
            links = list(self.hook.article_links(root, url))
        elif cms == "hanweb" or (cms == "auto" and hanweb.detect(root)):
            links, params = hanweb.datastore(root, url)
            if params is not None:
                start = params.inline_records + 1
                if params.total_records is None or start <= params.total_records:
                    proxy = _proxy(params, start)
        elif self.site.selectors.article_links:
            links = generic.article_links(root, url, selector=self.site.selectors.article_links)
        elif self.article_re is not None:
            links = list(_anchors(root, url))  # filtered by article_pattern just below
        else:
            links = generic.article_links(root, url)
        if self.article_re is not None:
            links = [link for link in links if self.article_re.search(link.url)]
        self._count_list_page(links)

        if self.hook is not None and hasattr(self.hook, "next_page_urls"):
            next_pages = list(self.hook.next_page_urls(root, url))
        elif proxy is None:
            if cms == "trs" or (cms == "auto" and trs.detect(root)):
                next_pages = trs.page_urls(root, url)[:1]
            else:
                next_pages = generic.next_page_urls(root, url,
                                                    selector=self.site.selectors.next_page)
        if self.list_re is not None:
            next_pages += [link.url for link in _anchors(root, url)
                           if self.list_re.search(link.url)]
        if not self.site.feeds:
            yield from self.advertised_feeds(root, url)
        yield from self.follow_links(response, links, next_pages, proxy)

    def _count_list_page(self, links: list[Link]) -> None:
        """What the health check compares between runs (archive.health)."""
        self._count("health/list_pages")
        self._count("health/article_links", len(links))

    def advertised_feeds(self, root: Any, url: str) -> Iterator[Request]:
        """RSS/Atom feeds a list page announces with ``<link rel="alternate">``."""
        base = page_base(root, url)
        for href in root.xpath('//link[@rel="alternate"][contains(@type, "rss") or '
                               'contains(@type, "atom")]/@href'):
            feed = absolute(href, base)
            if feed is not None and self.skip_reason(feed) is None \
                    and (request := self.follow(feed, "feed", priority=30)) is not None:
                yield request

    def parse_hanweb_proxy(self, response: Response) -> Iterator[Page | Request]:
        if self.not_modified(response):
            return
        yield self.page(response, "list")
        if not 200 <= response.status < 300 or not isinstance(response, TextResponse):
            return
        params, start = response.meta[HANWEB]
        links, total = hanweb.parse_proxy_reply(response.text, response.url)
        self._count_list_page(links)
        total = total if total is not None else params.total_records
        nxt = start + params.per_page
        proxy = None
        if links and (total is None or nxt <= total):
            proxy = _proxy(params, nxt)
        yield from self.follow_links(response, links, [], proxy)

    def follow_links(self, response: Response, links: Iterable[Link], next_pages: list[str],
                     proxy: tuple[str, dict[str, str], hanweb.ProxyParams, int] | None,
                     ) -> Iterator[Request]:
        """Queue the articles a list page links to; page on while pages bring something new."""
        assert self.plan is not None
        found: list[Discovery] = []
        wanted: list[tuple[str, Link]] = []
        new = 0
        for link in links:
            url = urldefrag(link.url).url
            key = _key(url)
            if key is None or TEXTLESS.search(url):
                continue
            is_new = self.plan.is_new(key) and key not in self.seen
            skip = self.skip_reason(url)
            if skip is not None:
                if is_new:
                    found.append(Discovery(url, "article", response.url, "skipped", skip))
                continue
            if is_new:
                new += 1
                found.append(Discovery(url, "article", found_on=response.url))
            if self.plan.due(key, link.published if link.published else None) \
                    and key not in self.seen:
                wanted.append((url, link))
        self._discover(found)
        for url, _link in wanted:
            if (request := self.follow(url, "article")) is not None:
                yield request

        streak = 0 if new else response.meta.get(STREAK, 0) + 1
        if streak >= self.site.stop_after_known_pages and not self.full:
            if next_pages or proxy:
                self.logger.debug("Not paging on from %s: nothing new", response.url)
            return
        meta = {STREAK: streak}
        if proxy is not None:
            url, form, params, start = proxy
            request = self.follow(url, "list", meta={**meta, HANWEB: (params, start)},
                                  formdata=form)
            if request is not None:
                request = request.replace(callback=self.parse_hanweb_proxy)
                yield request
        for url in dict.fromkeys(urldefrag(u).url for u in next_pages):
            if self.skip_reason(url) is None \
                    and (request := self.follow(url, "list", meta=meta)) is not None:
                yield request

    def skip_reason(self, url: str) -> str | None:
        host = urlsplit(url).hostname or ""
        if not any(host == d or host.endswith("." + d) for d in self.domains):
            return "off-site"
        trap = generic.trap_reason(url)
        return f"trap: {trap}" if trap else None

    # -- sitemaps and feeds --------------------------------------------------------------------

    def parse_sitemap(self, response: Response) -> Iterator[Page | Request]:
        if self.not_modified(response):
            return
        yield self.page(response, "sitemap")
        if 200 <= response.status < 300:
            links, children = sitemaps.parse_sitemap(response.body, response.url)
            yield from self.follow_links(response, self._articles_only(links), [], None)
            for url in children:
                if (request := self.follow(url, "sitemap")) is not None:
                    yield request

    def parse_feed(self, response: Response) -> Iterator[Page | Request]:
        if self.not_modified(response):
            return
        yield self.page(response, "feed")
        if 200 <= response.status < 300:
            links = feeds.parse_feed(response.body, response.url)
            yield from self.follow_links(response, self._articles_only(links), [], None)

    def _articles_only(self, links: list[Link]) -> list[Link]:
        if self.article_re is not None:
            return [link for link in links if self.article_re.search(link.url)]
        return links

    # -- articles ------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Page | Request]:
        if self.not_modified(response):
            return
        parts: list[Page] = response.meta.get(PARTS, [])
        kind = "part" if parts else "article"
        page = self.page(response, kind)
        if 200 <= response.status < 300 and isinstance(response, TextResponse) \
                and multipage.might_be_split(response.text, response.url):
            next_part = multipage.next_part_url(response.selector.root, response.url)
            if next_part and _key(next_part) not in {_key(p.fetch.final_url or p.fetch.url)
                                                     for p in parts}:
                request = self.follow(next_part, "part", force=True,
                                      meta={PARTS: [*parts, page]})
                if request is not None:
                    yield request
                    return
        if parts:
            yield from self.merged([*parts, page])
        else:
            yield page

    def merged(self, parts: list[Page], *, complete: bool = True) -> Iterator[Page]:
        """One document from a multi-page article: the first page carries the whole text,
        the others are archived as captures of their own.  A part that could not be fetched
        leaves the text incomplete, and says so in the version's extras."""
        articles = [clean(p.fetch.body, p.fetch.final_url or p.fetch.url, p.fetch.headers,
                          fetched_at=p.fetch.fetched_at, hints=self.extraction_hints)
                    for p in parts if 200 <= p.fetch.status < 300]
        first = articles[0]
        body = "\n".join(a.body for a in articles if a.is_article and a.body)
        extras = {**first.extras, "parts": str(len(articles))}
        if not complete or len(articles) < len(parts):
            extras["parts_incomplete"] = "a later part could not be fetched"
        parts[0].article = replace(first, body=body, is_article=bool(body), extras=extras)
        for page in parts[1:]:
            page.article = Article(url=page.fetch.final_url or page.fetch.url, is_article=False)
        yield from parts

    # -- failures ------------------------------------------------------------------------------

    def fetch_failed(self, failure: Failure) -> Any:
        super().fetch_failed(failure)
        request = getattr(failure, "request", None)
        if request is None or request.meta.get("playwright"):
            return None
        kind = request.meta.get(KIND, "page")
        reason = describe_failure(failure)
        skipped = is_refusal(failure) or isinstance(failure.value, IgnoreRequest) \
            or reason.startswith("too large")
        crawl_archive(self.crawler).settle(
            self.site.key, request.meta.get("redirect_urls", [request.url])[0], kind,
            "skipped" if skipped else "failed", reason=reason, run_id=self.run_id)
        if request.meta.get(PARTS):  # archive the parts we have rather than lose them
            return list(self.merged(request.meta[PARTS], complete=False))
        return None

    def _discover(self, found: list[Discovery]) -> None:
        if found:
            crawl_archive(self.crawler).discover(self.site.key, found, self.run_id)


def _proxy(params: hanweb.ProxyParams, start: int
           ) -> tuple[str, dict[str, str], hanweb.ProxyParams, int]:
    """The dataproxy.jsp call for records from ``start``.  Every column of a site posts to the
    same URL; the column and unit go into the query too, so each page of each column has a
    URL of its own in the frontier (jcms reads its parameters from either place)."""
    url, form = hanweb.proxy_call(params, start)
    extra = "".join(f"&{name}={form[name]}" for name in ("columnid", "unitid") if form.get(name))
    return url + extra, form, params, start


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def _anchors(root: Any, page_url: str) -> Iterator[Link]:
    """Every page link of a list page (the adapters' rules: ``<base href>``, no javascript:)."""
    base = page_base(root, page_url)
    for anchor in root.iter("a"):
        if (url := absolute(anchor.get("href"), base)) is not None:
            yield Link(url, anchor_text(anchor))


def _first_url(response: Response) -> str:
    return response.meta.get("redirect_urls", [response.url])[0]


def _key(url: str) -> str | None:
    try:
        return canonicalize(url)
    except BadURL:
        return None
