"""Shared by the replica tests: plain urllib requests, link extraction, content choices."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from crawler.replica import Replica
from crawler.replica.content import CONTENT_DIR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ALL_SITES = ("hongze", "d7760", "xichu", "haiying", "laserfair", "sqgxj", "hanews")
HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def content_dirs() -> list[object]:
    """Fixture content always; the real content files too once all of them are there."""
    real = all((CONTENT_DIR / f"{site}.toml").exists() for site in ALL_SITES)
    return [
        pytest.param(FIXTURES, id="fixtures"),
        pytest.param(
            CONTENT_DIR,
            id="content",
            marks=pytest.mark.skipif(not real, reason="content files not all written yet"),
        ),
    ]


def started(content_dir: Path, **kwargs: object) -> Iterator[Replica]:
    replica = Replica(content_dir=content_dir, **kwargs).start()  # type: ignore[arg-type]
    try:
        yield replica
    finally:
        replica.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx comes back as it is, so tests see the real Location


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes


def fetch(
    replica: Replica,
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """Request a real URL from the replica: the host is mapped to its 127.0.0.1 base URL.

    Redirects are not followed."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = urllib.request.Request(
        replica.base_urls[parts.netloc] + target, data=data, method=method, headers=headers or {}
    )
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


def links(page_url: str, html: str) -> list[str]:
    """Absolute URLs of the page's <a href>s (javascript: and fragments dropped)."""
    found = []
    for href in HREF.findall(html):
        href = unescape(href).strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        found.append(urljoin(page_url, href).split("#", 1)[0])
    return found


def visible_text(html: str) -> str:
    """Text as a reader sees it: no scripts, styles, ruby readings or tags; entities decoded."""
    html = re.sub(r"(?is)<(script|style|rt|rp)\b.*?</\1>", "", html)
    html = re.sub(r"(?s)<!--.*?-->", "", html)
    return unescape(re.sub(r"<[^>]+>", "", html))
