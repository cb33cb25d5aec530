"""The cleaning recipe: decode, parse, strip non-text, site selectors, metadata, main text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from archive.cleaning import patterns
from archive.cleaning.article import Article
from archive.cleaning.content import extract_content
from archive.cleaning.decode import decode_html, looks_binary
from archive.cleaning.hints import MISSED_KEY, NO_HINTS, ExtractionHints, read_hints
from archive.cleaning.metadata import extract_metadata, read_json_ld, with_time_of_day
from archive.cleaning.ruby import drop_ruby_annotations, strip_inline_pinyin
from archive.cleaning.script import HANT, detect_script, to_simplified
from archive.cleaning.text import drop_elements, drop_tree, parse_html

Headers = Mapping[str, str] | Iterable[tuple[str, str]]


def clean(
    body: bytes,
    url: str,
    headers: Headers | None = None,
    *,
    fetched_at: datetime | None = None,
    hints: ExtractionHints | None = None,
) -> Article:
    """Turn one fetched page into an Article; never raises on bad input.

    Only the Content-Type header matters (for its charset).  `fetched_at` bounds the
    publication time: a date after the fetch is a misreading and is passed over.  `hints` are
    a site's selectors, tried first for each field; a selector that matches nothing leaves its
    field to the generic path and is named in `extras["hints_missed"]` (comma-separated).
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
    linked_data = read_json_ld(root)  # before scripts go
    drop_elements(root, patterns.ALWAYS_DROP)
    drop_ruby_annotations(root)
    # Selectors and metadata read the page before layout is stripped: info bars often sit in
    # <header>.
    hinted = NO_HINTS
    if hints is not None and not hints.is_empty:
        hinted = read_hints(root, hints, fetched_at=fetched_at)
    meta = extract_metadata(
        root, url, fetched_at=fetched_at, title=hinted.title, linked_data=linked_data
    )
    for element in meta.furniture:
        drop_tree(element)
    content = extract_content(root, meta.title, container=hinted.body, info_lines=hinted.info_lines)
    published = meta.published
    if hinted.published:
        published = with_time_of_day(hinted.published, meta.published)
    extras = dict(meta.extras)
    if published:
        extras["published_precision"] = published.precision
    if decoded.mojibake:
        extras["mojibake"] = decoded.mojibake
    if hinted.missed:
        extras[MISSED_KEY] = ",".join(hinted.missed)
    script = detect_script(f"{meta.title or ''}\n{content.body}")
    return replace(
        base,
        script=script,
        simplified_body=to_simplified(content.body) if script == HANT else None,
        title=meta.title,
        published=published.value if published else None,
        published_raw=published.raw if published else None,
        source=hinted.source or meta.source,
        author=hinted.author or meta.author,
        body=content.body,
        is_article=content.is_article,
        extras=extras,
    )


def header_value(headers: Headers | None, name: str) -> str | None:
    """The first value of header `name`, matched case-insensitively."""
    if headers is None:
        return None
    items = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.lower()
    return next((value for key, value in items if key.lower() == wanted), None)
