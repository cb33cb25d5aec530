"""The one-off spider: capture the given URLs once, no site config, one outcome per URL.

``scrapy crawl add -a urls="URL URL ..."`` or :func:`crawler.run.add_urls`.  Each request
carries its position in the list so results and failures map back to the URL as given.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from archive import canonicalize
from crawler.items import Page
from crawler.spiders.base import CaptureSpider
from crawler.spiders.failures import describe_failure

ADD_INDEX = "archive_add_index"  # request.meta key: position in the given URL list


class AddSpider(CaptureSpider):
    name = "add"
    # Scrapy declares custom_settings as a plain attribute, so no ClassVar here.
    custom_settings = {"ARCHIVE_TRIGGER": "add"}  # noqa: RUF012

    def __init__(self, urls: Sequence[str] | str = (), *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.urls = urls.split() if isinstance(urls, str) else list(urls)
        for url in self.urls:
            canonicalize(url)  # BadURL now, not a crash in the middle of the crawl
        self.failures: dict[int, str] = {}

    async def start(self) -> AsyncIterator[Request]:
        for index, url in enumerate(self.urls):
            # dont_filter: a URL given twice is fetched twice, each with its own outcome.
            yield Request(url, callback=self.parse, errback=self.fetch_failed,
                          dont_filter=True, meta={ADD_INDEX: index})

    def parse(self, response: Response) -> Iterator[Page]:
        yield self.capture(response)

    def fetch_failed(self, failure: Failure) -> Any:
        super().fetch_failed(failure)
        request = getattr(failure, "request", None)
        if request is not None and ADD_INDEX in request.meta:
            self.failures[request.meta[ADD_INDEX]] = describe_failure(failure)
        return None
