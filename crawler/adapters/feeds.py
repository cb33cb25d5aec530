"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: article links with their dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crawler.adapters import Link
from crawler.adapters.anchors import absolute, collapse
from crawler.adapters.dates import parse_rfc822, parse_w3c
from crawler.adapters.xmlbody import GZIP_MAGIC, child_text, gunzip, local_name, parse

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# Content types a feed may hide behind (servers label RSS every way they can).
_MAYBE_TYPES = frozenset({
    "", "text/xml", "application/xml", "text/plain", "text/html", "application/octet-stream",
    "application/x-rss+xml", "text/rss+xml", "text/atom+xml", "application/x-gzip",
    "application/gzip",
})
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:rss\b|feed\b[^>]*http://www\.w3\.org/2005/Atom|(?:\w+:)?RDF\b[^>]*purl\.org/rss)",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]+>")


def is_feed(body: bytes, content_type: str | None) -> bool:
    """Whether a response is an RSS/Atom feed, by its Content-Type or its first element."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind in _FEED_TYPES:
        return True
    if kind not in _MAYBE_TYPES:
        return False
    head = body[:4096]
    if head.startswith(GZIP_MAGIC):
        head = (gunzip(body) or b"")[:4096]
    return _FEED_START.match(head.lstrip(b"\xef\xbb\xbf")) is not None


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """The feed's entries as links (pubDate / updated / published as ``published``);
    ``[]`` for anything that is not a well-formed feed."""
    root = parse(body)
    if root is None:
        return []
    kind = local_name(root.tag)
    if kind == "rss":
        channel = next((c for c in root if local_name(c.tag) == "channel"), None)
        items = [] if channel is None else [i for i in channel if local_name(i.tag) == "item"]
    elif kind == "RDF":  # RSS 1.0: items are siblings of the channel
        items = [i for i in root if local_name(i.tag) == "item"]
    elif kind == "feed":
        return _dedupe(_atom_entry(e, base_url) for e in root if local_name(e.tag) == "entry")
    else:
        return []
    return _dedupe(_rss_item(item, base_url) for item in items)


def _rss_item(item: Any, base_url: str) -> Link | None:
    link = child_text(item, "link")
    if not link:
        guid = next((c for c in item if local_name(c.tag) == "guid"), None)
        if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
            link = (guid.text or "").strip()
    url = absolute(link, base_url)
    if url is None:
        return None
    stamp = child_text(item, "pubDate")
    published = parse_rfc822(stamp) if stamp else None
    if published is None:
        stamp = child_text(item, "date")  # dc:date (RSS 1.0 and many 2.0 feeds)
        published = parse_w3c(stamp) if stamp else None
    return Link(url, _title(child_text(item, "title")), published)


def _atom_entry(entry: Any, base_url: str) -> Link | None:
    href = None
    for child in entry:
        if (
            local_name(child.tag) == "link"
            and child.get("rel", "alternate") == "alternate"
            and (href is None or child.get("type", "text/html") == "text/html")
        ):
            href = child.get("href")
    url = absolute(href, base_url)
    if url is None:
        return None
    stamp = child_text(entry, "updated") or child_text(entry, "published")
    return Link(url, _title(child_text(entry, "title")), parse_w3c(stamp) if stamp else None)


def _title(text: str) -> str:
    return collapse(_TAG.sub("", text)) if "<" in text else collapse(text)


def _dedupe(links: Iterable[Link | None]) -> list[Link]:
    seen: set[str] = set()
    result: list[Link] = []
    for link in links:
        if link is not None and link.url not in seen:
            seen.add(link.url)
            result.append(link)
    return result
