"""Fetch a site from somewhere else while the rest of the crawl sees the real URLs.

``CRAWL_BASE_URLS`` maps real hosts to base URLs (``{"www.hongze.gov.cn":
"http://127.0.0.1:41001"}``): the offline replica in tests and ``newsarchive demo``, or a
mirror/staging copy of a site.  Only the bytes on the wire go to the base URL; robots.txt,
the spider, the frontier and the archive all see ``https://www.hongze.gov.cn/...``, so a
replica crawl and a real crawl fill the archive with the same URLs.  Captures fetched this way
carry an ``X-Archive-Fetched-From`` header saying where the bytes really came from.

The real fetching is done by ``CRAWL_INNER_DOWNLOAD_HANDLER`` (Scrapy's HTTP/1.1 handler, or
scrapy-playwright's for sites whose pages need a browser).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.utils.misc import build_from_crawler, load_object

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

FETCHED_FROM = "X-Archive-Fetched-From"


class HostMap:
    """Real host → base URL, and back."""

    def __init__(self, base_urls: dict[str, str]) -> None:
        self.bases = {host.lower(): urlsplit(base.rstrip("/")) for host, base in base_urls.items()}
        self.hosts = {(b.scheme, b.netloc): host for host, b in self.bases.items()}

    def __bool__(self) -> bool:
        return bool(self.bases)

    def to_base(self, url: str) -> str | None:
        parts = urlsplit(url)
        base = self.bases.get((parts.hostname or "").lower())
        if base is None:
            return None
        return urlunsplit((base.scheme, base.netloc, base.path + parts.path, parts.query, ""))

    def to_real(self, url: str, real_scheme: str) -> str:
        parts = urlsplit(url)
        host = self.hosts.get((parts.scheme, parts.netloc))
        if host is None:
            return url
        base = self.bases[host]
        path = parts.path[len(base.path):] if base.path else parts.path
        return urlunsplit((real_scheme, host, path or "/", parts.query, parts.fragment))


class HostMappingDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.map = HostMap(settings.getdict("CRAWL_BASE_URLS"))
        self.inner: Any = build_from_crawler(
            load_object(settings["CRAWL_INNER_DOWNLOAD_HANDLER"]), crawler)

    async def download_request(self, request: Request) -> Response:
        wire_url = self.map.to_base(request.url) if self.map else None
        if wire_url is None:
            return await self.inner.download_request(request)
        response = await self.inner.download_request(request.replace(url=wire_url))
        scheme = urlsplit(request.url).scheme
        location = response.headers.get(b"Location")
        if location:
            response.headers[b"Location"] = self.map.to_real(location.decode("latin-1"), scheme)
        response.headers[FETCHED_FROM] = urlsplit(wire_url)._replace(path="", query="").geturl()
        return response.replace(url=request.url, request=request)

    async def close(self) -> None:
        await self.inner.close()
