"""The page item: one HTTP response as captured, the unit the archive pipeline writes.

Every response is a capture (list pages and error pages too); whether it holds an article is
the archive's decision, not the spider's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy.http import Response

from archive import Article, Fetch, Visit, WriteResult
from crawler.middlewares.wire import FETCHED_AT, WIRE_ENCODING


@dataclass(repr=False)
class Page:
    """Fields:

    - ``fetch``: the response as the archive takes it (:class:`~archive.Fetch`): the URL
      requested (first of a redirect chain), the final URL, status, headers as ``(name, value)``
      pairs in received order with repeats kept (bytes decoded as latin-1 so they round-trip;
      see :func:`archived_headers` for content codings), the exact body bytes the spider
      received, and the aware time it arrived.
    - ``site`` / ``site_name``: the site config's key and name; None for one-off URLs.
    - ``visit``: how to file the URL in the site's frontier (None: not a frontier crawl).
    - ``article``: the cleaned article when the spider already made it (a multi-page article
      merged from its parts); None lets the pipeline clean the page.
    - ``result``: the archive's :class:`~archive.WriteResult`, set by the archive pipeline.
    """

    fetch: Fetch
    site: str | None = None
    site_name: str | None = None
    visit: Visit | None = None
    article: Article | None = None
    result: WriteResult | None = field(default=None)

    # Scrapy logs every scraped item; keep the body (and headers) out of that line.
    def __repr__(self) -> str:
        outcome = self.result.describe() if self.result else "not written"
        return (f"<Page {self.fetch.status} {self.fetch.final_url} {len(self.fetch.body)} B: "
                f"{outcome}>")

    @classmethod
    def from_response(
        cls, response: Response, *, site: str | None = None, site_name: str | None = None,
        visit: Visit | None = None,
    ) -> Page:
        redirects = response.meta.get("redirect_urls") or [response.url]
        fetch = Fetch(
            url=redirects[0],
            final_url=response.url,
            status=response.status,
            headers=archived_headers(response),
            body=response.body,
            fetched_at=response.meta.get(FETCHED_AT) or datetime.now(UTC),
        )
        return cls(fetch, site=site, site_name=site_name, visit=visit)


def archived_headers(response: Response) -> list[tuple[str, str]]:
    """The response headers as pairs, made true of the body we store.

    If Scrapy undid a content coding (gzip, deflate, br, zstd), a stored ``Content-Encoding:
    gzip`` would claim the stored bytes are compressed when they are not, and any reader
    honouring it would fail.  So the received value moves to ``X-Archive-Original-Content-
    Encoding`` and the received ``Content-Length`` (the compressed size) to ``X-Archive-
    Original-Content-Length``: the facts are kept, the claim is not made.
    """
    pairs = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    ]
    wire = response.meta.get(WIRE_ENCODING)
    now = [v.decode("latin-1") for v in response.headers.getlist("Content-Encoding")]
    if not wire or wire == now:
        return pairs
    renamed = {"content-length": "X-Archive-Original-Content-Length"}
    kept = [(renamed.get(name.lower(), name), value) for name, value in pairs]
    kept.append(("X-Archive-Original-Content-Encoding", ", ".join(wire)))
    return kept
