"""Built responses: a :class:`Page` is the status, headers and bytes served for one path."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit

HTML_UTF8 = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Page:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]  # Content-Length is added when sending
    etag: str | None = None
    last_modified: datetime | None = None  # whole seconds, for If-Modified-Since


def page(
    body: bytes,
    content_type: str,
    last_modified: datetime | None = None,
    status: int = 200,
    extra: tuple[tuple[str, str], ...] = (),
) -> Page:
    """A response with a strong ETag (hash of the bytes) and, if given, Last-Modified."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
    headers = [("Content-Type", content_type), ("ETag", etag)]
    if last_modified is not None:
        last_modified = last_modified.astimezone(UTC).replace(microsecond=0)
        headers.append(("Last-Modified", format_datetime(last_modified, usegmt=True)))
    return Page(status, body, (*headers, *extra), etag, last_modified)


def redirect(location: str) -> Page:
    """A 302 to a root-relative ``location`` (never a 127.0.0.1 URL)."""
    body = f'<html><body><a href="{location}">{location}</a></body></html>'.encode()
    return Page(302, body, (("Location", location), ("Content-Type", HTML_UTF8)))


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # without the query
    query: dict[str, str]
    form: dict[str, str]  # a POST's urlencoded fields


Responder = Callable[[Request], "Page | None"]


@dataclass
class Build:
    """One site's responses for one epoch: static pages by path, plus computed replies."""

    pages: dict[str, Page]
    not_found: Page
    respond: Responder | None = None  # for POST and query-driven endpoints
    query_matters: bool = False  # ASP/dynamic sites: ``?page=2`` names another page
    lists: list[str] = field(default_factory=list)  # list/feed paths, for tests and tools


def page_key(target: str) -> str:
    """The lookup key of a request target: path plus its query in sorted order."""
    parts = urlsplit(target)
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return parts.path + ("?" + urlencode(query) if query else "")
