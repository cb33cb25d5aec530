"""What every archiving spider shares: a page item per response, and counted, described failures.

Stats it keeps (read by :mod:`crawler.pipelines` to count a run's errors):
``crawl/failed_requests`` (no response after retries), ``crawl/refused_requests`` (robots.txt),
``crawl/server_errors`` (a 5xx response after retries).
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import Page
from crawler.spiders.failures import describe_failure, is_refusal


class CaptureSpider(Spider):
    """Base class: no ``name``, so Scrapy's loader never offers it as a spider itself."""

    site_key: str | None = None
    site_name: str | None = None

    def capture(self, response: Response) -> Page:
        if response.status >= 500:
            self._count("crawl/server_errors")
        return Page.from_response(response, site=self.site_key, site_name=self.site_name)

    def fetch_failed(self, failure: Failure) -> Any:
        """Errback: log one line per failed request (after retries) and count it."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        reason = describe_failure(failure)
        if is_refusal(failure):
            self._count("crawl/refused_requests")
            self.logger.info("Not fetching %s: %s", url, reason)
        else:
            self._count("crawl/failed_requests")
            self.logger.warning("Could not fetch %s: %s", url, reason)
        return None

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)
