"""TRS WCM list pages: the pager is written by ``createPageHTML(N, i, "index", "html")``.

Page 0 is ``index.html``, page k is ``index_k.html`` beside it; N is the page count and i
the current page (both sometimes given as ``var countPage = N`` variables).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from lxml import etree

MAX_PAGES = 10_000  # a page count beyond this is a typo or a trap

_CALL = re.compile(r"createPageHTML\s*\(([^()]*)\)")
_STRING = re.compile(r"""^(['"])([\w.-]*)\1$""")
_EXTENSION = re.compile(r"^s?html?$|^jsp$|^php$|^asp$", re.IGNORECASE)
_EDITOR = etree.XPath("boolean(//*[contains(@class, 'TRS_Editor')])")


def detect(root: Any) -> bool:
    """A TRS page: a ``createPageHTML(`` pager call or a ``TRS_Editor`` body."""
    for script in root.iter("script"):
        if "createPageHTML" in (script.text or ""):
            return True
    return bool(_EDITOR(root))


def page_urls(root: Any, base_url: str) -> list[str]:
    """Every other page of this list: the page after the current one first, then the rest
    in order (``index_2.html`` … ``index_{N-1}.html``, then ``index.html`` … before it)."""
    for script in root.iter("script"):
        text = script.text or ""
        if "createPageHTML" not in text:
            continue
        for call in _CALL.finditer(text):
            pager = _pager(call.group(1), text)
            if pager is not None:
                count, current, name, ext = pager
                order = [*range(current + 1, count), *range(0, min(current, count))]
                return [
                    urljoin(base_url, f"{name}.{ext}" if k == 0 else f"{name}_{k}.{ext}")
                    for k in order
                ]
    return []


def _pager(arguments: str, script: str) -> tuple[int, int, str, str] | None:
    """(page count, current page, file name, extension) of one createPageHTML call.

    Both ``createPageHTML(5, 0, "index", "html")`` and the newer
    ``createPageHTML('page_div', 5, 0, 'index', 'html', 89)`` are read; the function's own
    definition (identifiers only) is not a call and gives None."""
    args = [a.strip() for a in arguments.split(",")]
    for k in range(2, len(args) - 1):
        name, ext = _STRING.match(args[k]), _STRING.match(args[k + 1])
        if name is None or ext is None or not _EXTENSION.match(ext.group(2)):
            continue
        count, current = _number(args[k - 2], script), _number(args[k - 1], script)
        if count is None or current is None or not 0 < count <= MAX_PAGES:
            return None
        return count, max(current, 0), name.group(2) or "index", ext.group(2)
    return None


def _number(arg: str, script: str) -> int | None:
    """An integer argument, or the value of ``var NAME = N`` in the same script."""
    arg = arg.strip("'\"")
    if arg.isdigit():
        return int(arg)
    if not arg.isidentifier():
        return None
    assigned = re.search(rf"\b{re.escape(arg)}\s*=\s*['\"]?(\d+)", script)
    return int(assigned.group(1)) if assigned else None
