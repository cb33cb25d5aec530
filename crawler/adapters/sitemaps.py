"""sitemap.xml (urlset and sitemapindex, gzip or not) and the Sitemap: lines of robots.txt."""

from __future__ import annotations

import re
from typing import Any

from crawler.adapters import Link
from crawler.adapters.anchors import absolute, collapse
from crawler.adapters.dates import parse_w3c
from crawler.adapters.xmlbody import child_text, local_name, parse, prepare

_ROBOTS_SITEMAP = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def parse_sitemap(body: bytes, base_url: str) -> tuple[list[Link], list[str]]:
    """(page links with lastmod as ``published``, child sitemaps of a sitemapindex).

    Google News entries give their title and publication date.  A plain-text sitemap
    (one URL a line) is read too; anything malformed gives ``([], [])``."""
    root = parse(body)
    if root is None:
        return _text_sitemap(body, base_url), []
    kind = local_name(root.tag)
    if kind == "urlset":
        return _urlset(root, base_url), []
    if kind == "sitemapindex":
        children: list[str] = []
        for entry in root:
            if local_name(entry.tag) == "sitemap":
                url = absolute(child_text(entry, "loc"), base_url)
                if url is not None and url not in children:
                    children.append(url)
        return [], children
    return [], []


def sitemaps_in_robots(text: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, in order, once each."""
    found: list[str] = []
    for match in _ROBOTS_SITEMAP.finditer(text):
        url = match.group(1)
        if url.startswith(("http://", "https://")) and url not in found:
            found.append(url)
    return found


def _urlset(root: Any, base_url: str) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for entry in root:
        if local_name(entry.tag) != "url":
            continue
        url = absolute(child_text(entry, "loc"), base_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        title, stamp = _news(entry)
        lastmod = child_text(entry, "lastmod") or stamp
        links.append(Link(url, title, parse_w3c(lastmod) if lastmod else None))
    return links


def _news(entry: Any) -> tuple[str, str]:
    """Title and publication date of a Google News ``<news:news>`` block, if any."""
    for child in entry:
        if local_name(child.tag) == "news":
            return collapse(child_text(child, "title")), child_text(child, "publication_date")
    return "", ""


def _text_sitemap(body: bytes, base_url: str) -> list[Link]:
    data = prepare(body)
    if not data or data.startswith(b"<"):
        return []
    try:
        lines = data.decode("utf-8").split()
    except UnicodeDecodeError:
        return []
    if not lines or not all(line.startswith(("http://", "https://")) for line in lines):
        return []
    links: list[Link] = []
    for line in dict.fromkeys(lines):
        url = absolute(line, base_url)
        if url is not None:
            links.append(Link(url))
    return links
