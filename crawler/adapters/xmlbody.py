"""Parse an XML response body (sitemap, feed) safely: gzip, GB charsets, HTML entities."""

from __future__ import annotations

import html.entities
import re
import zlib
from typing import Any

from lxml import etree

MAX_XML_BYTES = 64 * 1024 * 1024  # a sitemap is at most 50 MB uncompressed
GZIP_MAGIC = b"\x1f\x8b"

_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_GB = re.compile(rb"gb[-_ ]?(?:2312|k|18030)|cp936|euc-?cn", re.IGNORECASE)
# Feeds written by HTML templates carry HTML entities XML does not define (&nbsp; &mdash;).
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


def gunzip(body: bytes, limit: int = MAX_XML_BYTES) -> bytes | None:
    """Decompress a gzip body, refusing more than ``limit`` bytes (gzip bombs)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        return None
    return data if len(data) <= limit else None


def prepare(body: bytes) -> bytes | None:
    """Uncompressed bytes starting at the first ``<``, re-encoded as UTF-8 when GB-declared."""
    if body.startswith(GZIP_MAGIC):
        unpacked = gunzip(body)
        if unpacked is None:
            return None
        body = unpacked
    body = body.lstrip(b"\xef\xbb\xbf \t\r\n")  # PHP templates emit blank lines first
    declared = _DECLARED.match(body[:200])
    if declared is not None and _GB.search(declared.group(1)):
        # "gb2312" feeds are GBK in practice; GB18030 decodes both (PERFORMANCE.md).
        text = body.decode("gb18030", errors="replace")
        body = text.encode("utf-8").replace(declared.group(1), b"utf-8", 1)
    return body


def parse(body: bytes) -> Any | None:
    """The root element, or None when the body is not well-formed XML."""
    data = prepare(body)
    if not data or not data.startswith(b"<"):
        return None
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        pass
    if b"&" not in data:
        return None
    try:
        return etree.fromstring(_NAMED_ENTITY.sub(_numeric, data), _parser())
    except etree.XMLSyntaxError:
        return None


def local_name(tag: object) -> str:
    """``{ns}loc`` -> ``loc``; comments and processing instructions -> ``""``."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child_text(element: Any, name: str) -> str:
    """Text of the first direct child with local name ``name`` (any namespace)."""
    for child in element:
        if local_name(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _parser() -> Any:
    # A fresh parser per call: lxml parsers are not thread-safe.  No DTDs, no entity
    # expansion, no network: sitemaps and feeds come from the open web.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
        remove_pis=True,
    )


def _numeric(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    codepoint = html.entities.name2codepoint.get(name.decode("ascii"))
    return b"&#%d;" % codepoint if codepoint is not None else b""
