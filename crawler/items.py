"""The page item: one HTTP response as captured, the unit the archive pipeline writes.

Every response is a capture (list pages and error pages too); whether it holds an article is
the archive's decision, not the spider's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy.http import Response

from archive import Fetch, WriteResult
from crawler.middlewares.wire import FETCHED_AT, WIRE_ENCODING


@dataclass(repr=False)
class Page:
    """Fields:

    - ``url``: the URL requested (the first of a redirect chain).
    - ``final_url``: the URL that answered (after redirects).
    - ``status``: HTTP status of the final response.
    - ``headers``: ``(name, value)`` pairs in received order, repeated headers kept; bytes
      decoded as latin-1 so they round-trip exactly (Scrapy title-cases the names).  When Scrapy
      decoded a content coding, see :func:`archived_headers`.
    - ``body``: the exact body bytes the spider received (after content decoding only).
    - ``fetched_at``: aware datetime (UTC) the response arrived.
    - ``site`` / ``site_name``: the site config's key and name; None for one-off URLs.
    - ``result``: the archive's :class:`~archive.WriteResult`, set by the archive pipeline.
    """

    url: str
    final_url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    site: str | None = None
    site_name: str | None = None
    result: WriteResult | None = field(default=None)

    # Scrapy logs every scraped item; keep the body (and headers) out of that line.
    def __repr__(self) -> str:
        outcome = self.result.describe() if self.result else "not written"
        return f"<Page {self.status} {self.final_url} {len(self.body)} B: {outcome}>"

    @classmethod
    def from_response(
        cls, response: Response, *, site: str | None = None, site_name: str | None = None
    ) -> Page:
        redirects = response.meta.get("redirect_urls") or [response.url]
        return cls(
            url=redirects[0],
            final_url=response.url,
            status=response.status,
            headers=archived_headers(response),
            body=response.body,
            fetched_at=response.meta.get(FETCHED_AT) or datetime.now(UTC),
            site=site,
            site_name=site_name,
        )

    def to_fetch(self) -> Fetch:
        return Fetch(
            url=self.url,
            status=self.status,
            headers=list(self.headers),
            body=self.body,
            fetched_at=self.fetched_at,
            final_url=self.final_url,
        )


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
