"""Notes what the downloader delivered before Scrapy's decoding middlewares change the response.

HttpCompressionMiddleware (priority 590) gunzips/inflates the body and, in Scrapy 2.19, deletes
the ``Content-Encoding`` header once every coding is undone (keeping only codings it could not
undo), while ``Content-Length`` keeps the compressed size.  The archive stores the decoded body,
so it must know which codings were removed to label the stored headers honestly (see
:func:`crawler.items.archived_headers`).  This middleware sits between the downloader and that
middleware and records, in ``request.meta``, the ``Content-Encoding`` values as received and
the moment the response arrived.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.http import Response

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

WIRE_ENCODING = "archive_wire_content_encoding"  # list[str], as received
FETCHED_AT = "archive_fetched_at"  # aware datetime (UTC)
# Must run before HttpCompressionMiddleware (590) on the way back, i.e. have a higher number,
# and after RedirectMiddleware (600) so only the final response of a redirect chain is noted.
PRIORITY = 595


class WireFactsMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        request.meta[FETCHED_AT] = datetime.now(UTC)
        request.meta[WIRE_ENCODING] = [
            value.decode("latin-1") for value in response.headers.getlist("Content-Encoding")
        ]
        return response
