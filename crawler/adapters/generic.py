"""Any list page, no configuration: article links, next pages and crawler traps.

Article links are anchors whose URL looks like an article (:func:`article_url_score`) or
whose text reads as a headline inside the page's densest list block, so navigation,
friendly links and footers are left out even when they outnumber the articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml.cssselect import CSSSelector
from lxml.etree import XPath

from crawler.adapters import Link
from crawler.adapters.anchors import absolute, anchor_text, page_base, text_of
from crawler.adapters.dates import date_in_text
from crawler.adapters.urls import (
    PAGE_PARAM,
    article_url_score,
    looks_like_list_url,
    trap_reason,
)

__all__ = [
    "article_links", "article_url_score", "is_headline", "looks_like_list_url",
    "next_page_urls", "trap_reason",
]

HEADLINE_MIN_CJK = 8
BLOCK_DEPTH = 5  # how far above a link its list block may be
_ITEM_TAGS = frozenset({"li", "tr", "dd", "dt"})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Link texts that are furniture however long they are.
_FURNITURE = re.compile(
    r"ICP备|ICP证|公网安备|版权所有|Copyright|网站地图|设为首页|加入收藏|无障碍|适老化|长者模式|"
    r"关怀模式|我为政府网站找错|政府网站工作年度报表|网站纠错|返回顶部|打印本页|关闭窗口|"
    r"^(?:更多|首页|首頁|上一页|下一页|尾页|末页)",
    re.IGNORECASE,
)
# 下一页 / 下页 / 下一頁 / 后页 / Next (with » or >), or a lone > › » (not >> = last page).
_NEXT_TEXT = re.compile(
    r"^[\s\[【(（]*(?:下一?[页頁]|[后後]一?[页頁]|next(?:\s*page)?)[\s>›»＞\]】)）]*$"
    r"|^[\s\[【(（]*[>›»＞][\s\]】)）]*$",
    re.IGNORECASE,
)
_NEXT_CLASS = re.compile(r"(?:^|[\s_-])next(?:[_-]?page)?(?:$|[\s_-])", re.IGNORECASE)
_NEXT_LINK = XPath("//link[@rel='next']/@href")
# Page N of a list: index_N, list_X_N, list_N (N is the last number before the extension).
_NUMBERED = re.compile(
    r"^(?P<stem>(?:index|default|more|list|page)(?:_\d+)*?|list_\d+|node_\d+)"
    r"[_-](?P<n>\d{1,5})\.(?P<ext>\w+)$",
    re.IGNORECASE,
)
_FIRST = re.compile(r"^(?P<stem>index|default|more|list(?:_\d+)?|node_\d+)\.(?P<ext>\w+)$",
                    re.IGNORECASE)


def article_links(root: Any, base_url: str, *, selector: str | None = None) -> list[Link]:
    """Candidate article links of a list page, in page order, with the date printed beside
    each.  With ``selector`` (CSS, or XPath when it starts with ``/``): every link in it."""
    base = page_base(root, base_url)
    current = _Current(base_url)
    if selector:
        found = (
            _link(anchor, url, anchor_text(anchor))
            for anchor, url in _resolved(_select_anchors(root, selector), base, current)
        )
        return _merge(found)
    scored: list[tuple[Any, str, str, bool]] = []  # (anchor, url, text, URL looks like article)
    for anchor, url in _resolved(root.iter("a"), base, current):
        score = article_url_score(url)
        if score > 0:
            scored.append((anchor, url, anchor_text(anchor), True))
        elif score > -3 and not looks_like_list_url(url):
            text = anchor_text(anchor)
            if is_headline(text):
                scored.append((anchor, url, text, False))
    block = _densest_block(scored)
    return _merge(
        _link(anchor, url, text)
        for anchor, url, text, by_url in scored
        if by_url or _inside(anchor, block)
    )


def is_headline(text: str) -> bool:
    """At least 8 CJK characters and not page furniture (ICP lines, 设为首页…)."""
    return len(_CJK.findall(text)) >= HEADLINE_MIN_CJK and _FURNITURE.search(text) is None


def next_page_urls(root: Any, base_url: str, *, selector: str | None = None) -> list[str]:
    """The next page(s) of a list: 下一页/Next/›/» anchors, rel=next, and the links to the
    current URL's numbered sibling (index_N+1.html, list_x_N+1.html, ?page=N+1)."""
    base = page_base(root, base_url)
    current = _Current(base_url)
    if selector:
        return list(dict.fromkeys(
            url for _anchor, url in _resolved(_select_anchors(root, selector), base, current)
        ))
    siblings = _Current(*_next_siblings(base_url))
    found: list[str] = []
    by_sibling: list[str] = []
    for anchor, url in _resolved(root.iter("a"), base, current):
        if _says_next(anchor):
            found.append(url)
        elif siblings.matches(url):
            by_sibling.append(url)
    for href in _NEXT_LINK(root):
        link = absolute(href, base)
        if link is not None and not current.matches(link):
            found.append(link)
    return list(dict.fromkeys([*found, *by_sibling]))


def page_key(url: str) -> str:
    """A URL compared as a page: no fragment, lower-case host, sorted query, no index.html."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith(("/index.html", "/index.htm", "/index.shtml")):
        path = path.rpartition("/")[0] + "/"
    query = "&".join(sorted(parts.query.split("&"))) if parts.query else ""
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, query, ""))


class _Current:
    """Recognises some pages (this one, or its next siblings) under any spelling:
    with or without index.html, query parameters in any order."""

    def __init__(self, *urls: str) -> None:
        self.urls = {url.partition("#")[0] for url in urls}
        self.keys = {page_key(url) for url in urls}
        self.paths = {key.partition("?")[0] for key in self.keys}

    def matches(self, url: str) -> bool:
        if url in self.urls:
            return True
        # Only a URL on one of our paths can be us: spares page_key() for most links.
        path = url.partition("?")[0]
        if path.endswith(("/index.html", "/index.htm", "/index.shtml")):
            path = path.rpartition("/")[0] + "/"
        return path in self.paths and page_key(url) in self.keys


def _resolved(anchors: Iterable[Any], base: str, current: _Current) -> Iterator[tuple[Any, str]]:
    """(anchor, absolute URL) for each anchor that leads to another page."""
    for anchor in anchors:
        url = absolute(anchor.get("href"), base)
        if url is not None and not current.matches(url):
            yield anchor, url


def _link(anchor: Any, url: str, text: str) -> Link:
    return Link(url, text, _date_beside(anchor, url))


def _merge(links: Iterable[Link]) -> list[Link]:
    """One Link per URL (an image link and a text link to one article are one)."""
    merged: dict[str, Link] = {}
    for link in links:
        old = merged.get(link.url)
        if old is None:
            merged[link.url] = link
        elif len(link.text) > len(old.text) or (old.published is None and link.published):
            merged[link.url] = Link(
                link.url,
                link.text if len(link.text) > len(old.text) else old.text,
                old.published or link.published,
            )
    return list(merged.values())


def _densest_block(scored: list[tuple[Any, str, str, bool]]) -> Any | None:
    """The element whose children hold the most candidate links: the article list.

    Each candidate votes for its ancestors up to BLOCK_DEPTH levels; an ancestor counts
    the distinct children the votes came through, so <ul> with 20 <li> scores 20 while
    <body> (header, main, footer) scores 3.  Ties go to the block with more headline text."""
    counts: dict[Any, list[Any]] = {}  # element -> [children seen, last child, CJK chars]
    for anchor, _url, text, _by_url in scored:
        weight = len(_CJK.findall(text))
        child = anchor
        for _ in range(BLOCK_DEPTH):
            parent = child.getparent()
            if parent is None:
                break
            entry = counts.get(parent)
            if entry is None:
                counts[parent] = [1, child, weight]
            else:
                if entry[1] is not child:
                    entry[0] += 1
                    entry[1] = child
                entry[2] += weight
            child = parent
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1][0], item[1][2]))[0]


def _inside(anchor: Any, block: Any | None) -> bool:
    if block is None:
        return False
    node = anchor
    for _ in range(BLOCK_DEPTH):
        node = node.getparent()
        if node is None:
            return False
        if node is block:
            return True
    return False


def _date_beside(anchor: Any, url: str) -> Any:
    """The date printed next to a link: right after it, or elsewhere in its list item."""
    found = date_in_text(_following_text(anchor), url)
    if found is not None:
        return found
    item = _item_of(anchor)
    if item is None:
        return None
    return date_in_text(text_of(item).replace(text_of(anchor), " ", 1), url)


def _following_text(anchor: Any) -> str:
    """Text after the link up to the next link, in the same parent (at most 3 siblings)."""
    parts = [anchor.tail or ""]
    for n, sibling in enumerate(anchor.itersiblings()):
        if n == 3:
            break
        if isinstance(sibling.tag, str):
            if sibling.tag == "a" or sibling.find(".//a") is not None:
                break
            parts.append(text_of(sibling))
        parts.append(sibling.tail or "")
    return " ".join(parts)


def _item_of(anchor: Any) -> Any | None:
    """The list item around a link: its largest ancestor (up to 4 levels) whose links all
    lead where this one does — <li>, <tr>, <div class="item">; None in a flat run of links."""
    href = anchor.get("href")
    item = None
    node = anchor.getparent()
    for _ in range(4):
        if node is None or any(a.get("href") != href for a in node.iter("a")):
            break
        item = node
        if node.tag in _ITEM_TAGS:
            break
        node = node.getparent()
    return item


def _says_next(anchor: Any) -> bool:
    text = anchor_text(anchor)
    if text and len(text) < 16 and _NEXT_TEXT.match(text):
        return True
    if "next" in (anchor.get("rel") or "").lower():
        return True
    title = anchor.get("title")
    if title and _NEXT_TEXT.match(title.strip()):
        return True
    classes = anchor.get("class")
    return bool(classes and _NEXT_CLASS.search(classes)) and not text.startswith("下一篇")


def _next_siblings(url: str) -> list[str]:
    """URLs the page after ``url`` would have under the usual numbering conventions."""
    parts = urlsplit(url)
    directory, _, leaf = parts.path.rpartition("/")
    found: list[str] = []
    page = PAGE_PARAM.search(parts.query) if parts.query else None
    if page is not None:
        n = int(page.group(1))
        start, end = page.span(1)
        found.append(urlunsplit(parts._replace(
            query=parts.query[:start] + str(n + 1) + parts.query[end:], fragment="")))
        return found
    numbered = _NUMBERED.match(leaf)
    if numbered is not None:
        stem, n, ext = numbered.group("stem"), int(numbered.group("n")), numbered.group("ext")
        found.append(_with_leaf(parts, directory, f"{stem}_{n + 1}.{ext}"))
        return found
    first = _FIRST.match(leaf)
    if first is not None or not leaf:
        stem, ext = (first.group("stem"), first.group("ext")) if first else ("index", "html")
        for candidate in (f"{stem}_1.{ext}", f"{stem}_2.{ext}", "list_2.html", "index_2.htm",
                          "index_1.shtml", "index_2.shtml"):
            found.append(_with_leaf(parts, directory, candidate))
    query = [*parse_qsl(parts.query, keep_blank_values=True), ("page", "2")]
    found.append(urlunsplit(parts._replace(query=urlencode(query), fragment="")))
    return found


def _with_leaf(parts: Any, directory: str, leaf: str) -> str:
    return urlunsplit(parts._replace(path=f"{directory}/{leaf}", fragment=""))


@lru_cache(maxsize=64)
def _compiled(selector: str) -> Any:
    return XPath(selector) if selector.startswith(("/", "(")) else CSSSelector(selector)


def _select_anchors(root: Any, selector: str) -> Iterator[Any]:
    """The <a> elements a selector picks, or the ones inside the elements it picks."""
    for element in _compiled(selector)(root):
        if not isinstance(getattr(element, "tag", None), str):
            continue
        if element.tag == "a":
            yield element
        else:
            yield from element.iter("a")
