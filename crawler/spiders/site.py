"""The generic site spider: crawl policy from a SiteConfig, no site-specific code.

Every response becomes a page item (list pages too).  Links are followed when they stay
within ``allowed_domains`` and match the site's article or follow pattern (any link, with
neither).  A seen-set keyed by the archive's canonical URL is checked *before* a Request is
built: building a Request per link and letting the dupefilter drop it costs ~4x the crawl
rate (PERFORMANCE.md).  ``max_pages`` bounds the requests one crawl schedules.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urldefrag, urlsplit

from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from archive import BadURL, canonicalize
from crawler.items import Page
from crawler.sites.config import SiteConfig
from crawler.spiders.base import CaptureSpider

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


class SiteSpider(CaptureSpider):
    """Subclassed per site by :meth:`for_site`; the subclass's ``name`` is the site key."""

    site: ClassVar[SiteConfig]

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
            "__module__": cls.__module__,
        })

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # LinkExtractor only extracts (it knows <base href> and skips images, PDFs, ...);
        # patterns and domains are checked in wanted(): its allow= sees the #fragment (so
        # '\.html$' misses 'a.html#top') and its allow_domains compares host:port.
        self.links = LinkExtractor()
        self.patterns = [re.compile(p) for p in self.site.link_patterns]
        self.domains = tuple(self.site.allowed_domains)
        self.budget = self.site.max_pages
        self.scheduled = 0
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        cap = crawler.settings.getint("CRAWL_MAX_PAGES")
        if cap > 0:
            spider.budget = min(spider.budget, cap)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.site.start_urls:
            request = self.follow_once(url)
            if request is not None:
                yield request

    def parse(self, response: Response) -> Iterator[Page | Request]:
        yield self.capture(response)
        self.seen.add(_key(response.url) or response.url)  # where a redirect landed
        # Error pages and non-text bodies are captured but not mined for links.
        if not 200 <= response.status < 300 or not isinstance(response, TextResponse):
            return
        for link in self.links.extract_links(response):
            url = urldefrag(link.url).url
            if self.wanted(url):
                request = self.follow_once(url)
                if request is not None:
                    yield request

    def wanted(self, url: str) -> bool:
        """On the site and, if the site has patterns, matching one (cheapest test first)."""
        if self.patterns and not any(p.search(url) for p in self.patterns):
            return False
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def follow_once(self, url: str) -> Request | None:
        """A Request for ``url`` unless it was seen already or the budget is spent."""
        key = _key(url)
        if key is None or key in self.seen:
            return None
        if self.scheduled >= self.budget:
            if self.scheduled == self.budget:
                self.logger.info("max_pages (%d) reached: following no more links", self.budget)
                self.scheduled += 1  # log once
            return None
        self.seen.add(key)
        self.scheduled += 1
        return Request(url, callback=self.parse, errback=self.fetch_failed)


def _key(url: str) -> str | None:
    try:
        return canonicalize(url)
    except BadURL:
        return None
