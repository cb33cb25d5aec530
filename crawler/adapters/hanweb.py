"""大汉 (Hanweb) jcms column pages: inline ``<datastore>`` records and the dataproxy.jsp pager.

A jcms column page (/col/colN/index.html) inlines its first records as
``<script type="text/xml"><datastore><nextgroup>…</nextgroup><recordset><record><![CDATA[
<li><a href=…>…</a><span>2024-07-24</span></li>]]></record>…`` and a ``$('#UNIT').jpage({…
totalRecord: 17, perPage: 10, proxyUrl: '/module/web/jpage/dataproxy.jsp'…})`` call; the
browser POSTs the column's parameters to ``dataproxy.jsp?startrecord=A&endrecord=B&perpage=P``
for the rest, which replies with the same ``<datastore>`` XML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html

from crawler.adapters import Link
from crawler.adapters.anchors import absolute, anchor_text, page_base, text_of
from crawler.adapters.dates import date_in_text
from crawler.adapters.urls import article_url_score

DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
DEFAULT_PER_PAGE = 15  # jcms's own default

_RECORD = re.compile(
    r"<record\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.DOTALL | re.IGNORECASE
)
_NEXTGROUP = re.compile(
    r"<nextgroup\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</nextgroup>",
    re.DOTALL | re.IGNORECASE,
)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
# $('#4446537').jpage({ … }) — options written as key: value, values quoted or not.
_JPAGE = re.compile(r"""\(\s*['"]#?([\w-]+)['"]\s*\)\s*\.jpage\s*\(\s*\{(.*?)\}\s*\)""", re.DOTALL)
_OPTION = {
    name: re.compile(rf"""\b{name}\s*:\s*['"]?([^'",}}\s]+)""")
    for name in ("perPage", "totalRecord", "proxyUrl", "groupSize")
}
# POST fields the jcms pager sends, in its order; values from <nextgroup> override these.
_FORM_DEFAULTS = {
    "col": "1", "appid": "1", "webid": "", "path": "/", "columnid": "", "sourceContentType": "1",
    "unitid": "", "webname": "", "permissiontype": "0",
}


@dataclass(frozen=True)
class ProxyParams:
    """What it takes to ask dataproxy.jsp for the records after the inline ones."""

    proxy_url: str  # absolute URL of dataproxy.jsp
    fields: dict[str, str]  # the POST form (col, appid, webid, path, columnid, …)
    per_page: int
    total_records: int | None  # None when the page does not say
    inline_records: int  # records already on the column page


def detect(root: Any) -> bool:
    """A jcms page: a ``<script type="text/xml">`` datastore or a jpage proxyUrl call."""
    for script in root.iter("script"):
        text = script.text or ""
        if "datastore" in text and "xml" in (script.get("type") or "").lower():
            return True
        if "proxyUrl" in text and "jpage" in text:
            return True
    return False


def datastore(root: Any, base_url: str) -> tuple[list[Link], ProxyParams | None]:
    """Links of the inline records (with the date printed in each record), and the
    parameters for dataproxy.jsp (None when the page has no pager)."""
    base = page_base(root, base_url)
    links: list[Link] = []
    stores: list[str] = []
    calls: dict[str, str] = {}
    for script in root.iter("script"):
        text = script.text or ""
        if "<datastore" in text:
            stores.append(text)
            links.extend(records(text, base))
        elif "jpage" in text:
            calls.update((m.group(1), m.group(2)) for m in _JPAGE.finditer(text))
    params = None
    for store in stores:
        params = _params(store, calls, base)
        if params is not None:
            break
    return _unique(links), params


def proxy_call(params: ProxyParams, start_record: int) -> tuple[str, dict[str, str]]:
    """URL and POST form for the page of records starting at ``start_record`` (1-based)."""
    end_record = start_record + params.per_page - 1
    joiner = "&" if "?" in params.proxy_url else "?"
    url = (
        f"{params.proxy_url}{joiner}startrecord={start_record}&endrecord={end_record}"
        f"&perpage={params.per_page}"
    )
    return url, dict(params.fields)


def proxy_starts(params: ProxyParams) -> list[int]:
    """Start records of the proxy pages after the inline records: all of them when the total
    is known, else just the next one (its reply carries ``totalrecord``)."""
    first = params.inline_records + 1
    if params.total_records is None:
        return [first]
    return list(range(first, params.total_records + 1, params.per_page))


def parse_proxy_reply(text: str, base_url: str) -> tuple[list[Link], int | None]:
    """Links of a dataproxy.jsp reply and its ``totalrecord`` (None if absent)."""
    total = _TOTAL.search(text)
    return _unique(records(text, base_url)), int(total.group(1)) if total else None


def records(xml: str, base: str) -> list[Link]:
    """One link per ``<record>``: its title link, with the date printed in the record."""
    links: list[Link] = []
    for match in _RECORD.finditer(xml):
        fragment = match.group(1) if match.group(1) is not None else html.unescape(match.group(2))
        if "<a" not in fragment and "<A" not in fragment:
            continue
        try:
            record = lxml.html.fragment_fromstring(fragment, create_parent="div")
        except Exception:  # lxml raises ParserError or XMLSyntaxError on junk
            continue
        link = _record_link(record, base)
        if link is not None:
            links.append(link)
    return links


def _record_link(record: Any, base: str) -> Link | None:
    best: tuple[int, int] | None = None
    chosen: tuple[Any, str, str] | None = None
    for anchor in record.iter("a"):
        url = absolute(anchor.get("href"), base)
        if url is None:
            continue
        text = anchor_text(anchor)
        rank = (article_url_score(url) > 0, len(text))  # the title link, not [栏目名]
        if best is None or rank > best:
            best, chosen = rank, (anchor, url, text)
    if chosen is None:
        return None
    anchor, url, text = chosen
    beside = text_of(record).replace(text_of(anchor), " ", 1)
    return Link(url, text, date_in_text(beside, url))


def _params(store: str, calls: dict[str, str], base: str) -> ProxyParams | None:
    nextgroup = _NEXTGROUP.search(store)
    href_match = _HREF.search(nextgroup.group(1) or nextgroup.group(2)) if nextgroup else None
    if href_match is None and not calls:
        return None
    fields = dict(_FORM_DEFAULTS)
    proxy_path = DEFAULT_PROXY
    if href_match is not None:
        href = html.unescape(href_match.group(1))
        proxy_path = urlsplit(href).path or DEFAULT_PROXY
        fields.update((k, v) for k, v in parse_qsl(urlsplit(href).query, keep_blank_values=True)
                      if k != "page")
    options = calls.get(fields["unitid"]) or next(iter(calls.values()), "")
    proxy_url = _option(options, "proxyUrl") or proxy_path
    inline = sum(1 for _ in _RECORD.finditer(store))
    per_page = _int(_option(options, "perPage")) or inline or DEFAULT_PER_PAGE
    total = _int(_option(options, "totalRecord"))
    if total is None:
        in_store = _TOTAL.search(store)
        total = int(in_store.group(1)) if in_store else None
    return ProxyParams(urljoin(base, proxy_url), fields, per_page, total, inline)


def _option(options: str, name: str) -> str | None:
    match = _OPTION[name].search(options)
    return match.group(1) if match else None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def _unique(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    result = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            result.append(link)
    return result
