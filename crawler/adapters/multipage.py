"""Articles split over several pages: content_1.htm, content_1_2.htm … and their pager.

A part URL is the first part's URL with a part number added: ``_N``/``-N`` before the
extension (content_123_2.htm, t20240724_1_1.html, art_1_2_2.html) or a page parameter
(show.asp?id=5&page=2).  A link counts as a part only when it shares this page's stem AND
reads like a pager (a page number, 下一页, 上一页, 首页/尾页): related-article lists share
stems by accident, pagers do not.  List pages are never split articles: their 下一页 is the
next list page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from crawler.adapters.anchors import absolute, anchor_text, page_base
from crawler.adapters.urls import article_url_score, looks_like_list_url

MAX_PARTS = 200

_SUFFIX = re.compile(r"^(?P<stem>.+?)(?P<sep>[_-])(?P<n>\d{1,3})$")
_PART_PARAM = re.compile(
    r"(?:^|&)(?P<key>page|p|pn|pg|pageno|pagenum|pageindex|curpage|cpage|ipage)=(?P<n>\d{1,3})"
    r"(?=&|$)",
    re.IGNORECASE,
)
_NEXT = re.compile(r"^[\s\[【(（]*(?:下一?[页頁]|[后後]一?[页頁]|next(?:\s*page)?)[\s>›»\]】)）]*$"
                   r"|^[\s\[【(（]*[>›»][\s\]】)）]*$", re.IGNORECASE)
_PAGER_TEXT = re.compile(
    r"^[\s\[【(（]*(?:\d{1,3}|第\s*\d{1,3}\s*[页頁]|[上下]一?[页頁]|[前后後]一?[页頁]|首[页頁]|"
    r"[尾末]\s*[页頁]|最[后後]一?[页頁]|next|prev(?:ious)?|first|last|[<>‹›«»]{1,2})"
    r"[\s>›»<‹«\]】)）]*$",
    re.IGNORECASE,
)


@dataclass
class _Pager:
    """The parts of one article found in its pager: part number -> URL."""

    style: str  # "path" (stem_N.ext) or "query" (…&page=N)
    sep: str = "_"
    parts: dict[int, str] = field(default_factory=dict)
    next_links: list[tuple[int, str]] = field(default_factory=list)


LIKELY_PARTS = 20
_ANY_PART_PARAM = re.compile(r"[?&;](?:page|p|pn|pg|pageno|pagenum|pageindex|curpage|cpage|"
                             r"ipage)=\d", re.IGNORECASE)


def might_be_split(text: str, url: str) -> bool:
    """A cheap test on the page's source before parsing it for a pager: a link to another part
    must name this article's file stem with a part suffix, or a page parameter.  False means
    certainly not split; True means "look" (most article pages are False: ~1 ms saved each)."""
    url = url.partition("#")[0]
    for (_, _, stem, *_), number, style, _sep in _keys(url):
        # "content_123" also reads as part 123 of "content"; real articles have few parts,
        # and neighbouring articles (content_124) would make every page look split.
        if style != "path" or number > LIKELY_PARTS:
            continue
        if stem + "_" in text or stem + "-" in text or (number > 0 and stem + "." in text):
            return True
    return _ANY_PART_PARAM.search(text) is not None


def next_part_url(root: Any, url: str) -> str | None:
    """The URL of the next part of this article, or None (last part, or not split)."""
    url = url.partition("#")[0]
    found = _pager(root, url)
    if found is None:
        return None
    pager, current = found
    for number, link in pager.next_links:
        if number > current and link != url:
            return link
    later = sorted(n for n in pager.parts if n > current)
    return pager.parts[later[0]] if later else None


def part_urls(root: Any, url: str) -> list[str]:
    """Every part URL the pager lists, first part first, this page included (``[url]`` for
    an article in one piece).  Gaps in a windowed pager (1 2 3 … 9) are filled in."""
    url = url.partition("#")[0]
    found = _pager(root, url)
    if found is None:
        return [url]
    pager, _current = found
    return [pager.parts[n] for n in sorted(pager.parts)]


Reading = tuple[tuple[str, ...], int, str, str]  # (article key, part number, style, separator)


def _keys(url: str) -> list[Reading]:
    """Every reading of ``url`` as (article key, part number, style, separator).

    content_12_2.htm reads as part 0 of content_12_2 and as part 2 of content_12; the page's
    pager decides which.  Path parts count from 0 (the unsuffixed first part); query parts
    from 1 (page=1 is the first part)."""
    parts = urlsplit(url)
    directory, _, leaf = parts.path.rpartition("/")
    stem, dot, ext = leaf.rpartition(".")
    if not dot:
        stem, ext = leaf, ""
    readings: list[Reading] = [((parts.netloc, directory, stem, ext, parts.query), 0, "path", "")]
    suffix = _SUFFIX.match(stem)
    if suffix is not None and int(suffix.group("n")) <= MAX_PARTS:
        readings.append(
            ((parts.netloc, directory, suffix.group("stem"), ext, parts.query),
             int(suffix.group("n")), "path", suffix.group("sep"))
        )
    page = _PART_PARAM.search(parts.query) if parts.query else None
    if page is not None:
        rest = (parts.query[:page.start()] + parts.query[page.end():]).strip("&")
        readings.append(((parts.netloc, parts.path, "?", rest), int(page.group("n")), "query",
                         page.group("key")))
    else:
        readings.append(((parts.netloc, parts.path, "?", parts.query), 1, "query", ""))
    return readings


def _pager(root: Any, url: str) -> tuple[_Pager, int] | None:
    """This page's pager and its part number, or None when the page is not a split article."""
    if looks_like_list_url(url) or article_url_score(url) <= 0:
        return None
    own = {key: (number, style, sep) for key, number, style, sep in _keys(url)}
    pagers: dict[tuple[str, ...], _Pager] = {}
    base = page_base(root, url)
    for anchor in root.iter("a"):
        link = absolute(anchor.get("href"), base)
        if link is None:
            continue
        text = anchor_text(anchor)
        if not _PAGER_TEXT.match(text):
            continue
        for key, number, style, sep in _keys(link):
            if link == url or key not in own or number == own[key][0]:
                continue
            pager = pagers.setdefault(key, _Pager(style))
            if sep:
                pager.sep = sep
            pager.parts.setdefault(number, link)
            if _NEXT.match(text):
                pager.next_links.append((number, link))
    if not pagers:
        return None
    key, pager = max(pagers.items(), key=lambda item: len(item[1].parts))
    current = own[key][0]
    pager.parts[current] = url
    _fill_gaps(pager, key)
    return pager, current


def _fill_gaps(pager: _Pager, key: tuple[str, ...]) -> None:
    """Add the parts a windowed pager skips (1 2 3 … 9 lists parts 4-8 nowhere)."""
    numbers = sorted(n for n in pager.parts if n > 0)
    if len(numbers) < 2 or numbers[-1] > MAX_PARTS:
        return
    for n in range(numbers[0], numbers[-1]):
        if n not in pager.parts:
            pager.parts[n] = _part(pager, key, n)


def _part(pager: _Pager, key: tuple[str, ...], n: int) -> str:
    template = urlsplit(next(iter(pager.parts.values())))
    if pager.style == "path":
        _host, directory, stem, ext, query = key
        leaf = f"{stem}{pager.sep}{n}" + (f".{ext}" if ext else "")
        return urlunsplit(template._replace(path=f"{directory}/{leaf}", query=query))
    _host, path, _mark, rest = key
    param = pager.sep or "page"
    query = f"{rest}&{param}={n}" if rest else f"{param}={n}"
    return urlunsplit(template._replace(path=path, query=query))
