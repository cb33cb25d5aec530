"""Reading anchors: resolve an href against the page, and the text a reader sees."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

# Schemes that never lead to a page worth fetching.
_NOT_PAGES = ("javascript:", "mailto:", "tel:", "data:", "vbscript:", "about:", "sms:", "ftp:")
# Ruby annotations (pinyin over characters) are not part of the words.
_RUBY_EXTRAS = frozenset({"rt", "rp", "rtc"})
_ELLIPSIS = ".…．·。 "


def page_base(root: Any, base_url: str) -> str:
    """The URL relative hrefs resolve against: ``<base href>`` if the page has one."""
    head = root.find("head")
    base = head.find("base") if head is not None else None
    href = base.get("href") if base is not None else None
    if href:
        try:
            return urljoin(base_url, href.strip())
        except ValueError:
            return base_url
    return base_url


def absolute(href: str | None, base: str) -> str | None:
    """``href`` made absolute, fragment dropped; None for javascript:, mailto:, bare #…"""
    if not href:
        return None
    href = href.strip()
    if not href or href[0] == "#":
        return None
    if ":" in href[:11] and href[:11].lower().startswith(_NOT_PAGES):
        return None
    if "\n" in href or "\t" in href or "\r" in href:  # browsers drop these; so do we
        href = href.replace("\n", "").replace("\t", "").replace("\r", "")
    if "\\" in href:  # IIS sites write ..\news\show.asp; browsers read it as /
        href = href.replace("\\", "/")
    if href.startswith(("http://", "https://")):
        url = href  # urljoin returns an absolute href unchanged too
    elif href[0] == "/" and href[1:2] != "/" and "/." not in href and "//" not in href:
        url = _origin(base) + href  # root-relative: the common case, 10x cheaper than urljoin
    else:
        try:
            url = urljoin(base, href)
        except ValueError:
            return None
        scheme, colon, rest = url.partition(":")
        if scheme.lower() not in ("http", "https") or not colon:
            return None
        url = f"{scheme.lower()}:{rest}"
    return url.partition("#")[0]


@lru_cache(maxsize=256)
def _origin(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def collapse(text: str) -> str:
    return " ".join(text.split())


def text_of(element: Any) -> str:
    """Visible text, whitespace collapsed, without ruby pinyin (``區(qū)`` reads ``區``)."""
    if len(element) == 0:  # no child elements: most anchors, and 20x cheaper
        return collapse(element.text or "")
    if next(element.iter("rt", "rp"), None) is None:
        return collapse(element.text_content())
    parts: list[str] = []
    _walk(element, parts)
    return collapse("".join(parts))


def _walk(element: Any, parts: list[str]) -> None:
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        if not (isinstance(child.tag, str) and child.tag in _RUBY_EXTRAS):
            _walk(child, parts)
        if child.tail:
            parts.append(child.tail)


def anchor_text(anchor: Any) -> str:
    """The anchor's text; its ``title`` when the text is empty or a truncation of it."""
    text = text_of(anchor)
    title = anchor.get("title")
    if not title:
        return text
    title = collapse(title)
    if not text:
        return title
    stem = text.rstrip(_ELLIPSIS)
    if stem and len(title) > len(stem) and title.startswith(stem):
        return title
    return text
