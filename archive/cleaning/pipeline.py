"""The cleaning recipe: decode, parse, strip non-text, read metadata, pick the main text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from archive.cleaning import patterns
from archive.cleaning.article import Article
from archive.cleaning.content import extract_content
from archive.cleaning.decode import decode_html, looks_binary
from archive.cleaning.metadata import extract_metadata
from archive.cleaning.ruby import drop_ruby_annotations, strip_inline_pinyin
from archive.cleaning.text import drop_elements, parse_html

Headers = Mapping[str, str] | Iterable[tuple[str, str]]


def clean(
    body: bytes,
    url: str,
    headers: Headers | None = None,
    *,
    fetched_at: datetime | None = None,
) -> Article:
    """Turn one fetched page into an Article; never raises on bad input.

    Only the Content-Type header matters (for its charset).  `fetched_at` bounds the
    publication time: a date after the fetch is a misreading and is passed over.
    """
    if looks_binary(body):  # before decoding: detection on binary bytes is slow and pointless
        return Article(url=url, is_article=False)
    decoded = decode_html(body, header_value(headers, "content-type"))
    # What decoding tells us; the rest is filled in once the page is read.
    base = Article(
        url=url,
        encoding=decoded.encoding,
        declared_encoding=decoded.declared,
        replacement_chars=decoded.replacements,
        is_article=False,
    )
    # Flattened pinyin is removed from the whole document at once so that the title, the meta
    # tags and the body all come out without it.
    root = parse_html(strip_inline_pinyin(decoded.text))
    if root is None:
        return base
    drop_elements(root, patterns.ALWAYS_DROP)
    drop_ruby_annotations(root)
    # Metadata reads the page before layout is stripped: info bars often sit in <header>.
    meta = extract_metadata(root, url, fetched_at=fetched_at)
    content = extract_content(root, meta.title)
    return replace(
        base,
        title=meta.title,
        published=meta.published.value if meta.published else None,
        published_raw=meta.published.raw if meta.published else None,
        source=meta.source,
        author=meta.author,
        body=content.body,
        is_article=content.is_article,
        extras=meta.extras,
    )


def header_value(headers: Headers | None, name: str) -> str | None:
    """The first value of header `name`, matched case-insensitively."""
    if headers is None:
        return None
    items = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.lower()
    return next((value for key, value in items if key.lower() == wanted), None)
