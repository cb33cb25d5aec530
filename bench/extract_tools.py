"""The extractors compared by bench/extract.py, each wrapped as bytes + URL in, Result out.

Every wrapper starts from the page's bytes, so decoding is part of what is timed.  Ours decodes
inside ``clean``; the third-party tools get the text ``archive.cleaning.decode.decode_html``
makes of the bytes (trafilatura and readability-lxml also accept bytes and would guess the
encoding themselves; GNE needs a str), so all four read exactly the same characters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import lxml.html

from archive.cleaning import clean
from archive.cleaning.decode import decode_html


@dataclass(frozen=True)
class Result:
    title: str | None = None
    body: str | None = None
    published: object = None  # datetime or the tool's date string
    source: str | None = None


Extractor = Callable[[bytes, str | None], Result]

# Elements whose end starts a new line when readability's HTML is turned into text, so that
# bigrams do not run across paragraphs.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "section",
        "article",
        "table",
        "ul",
        "ol",
    ]
)


def ours(body: bytes, url: str | None) -> Result:
    article = clean(body, url or "http://unknown.invalid/")
    return Result(article.title, article.body, article.published, article.source)


def trafilatura(body: bytes, url: str | None) -> Result:
    from trafilatura import bare_extraction

    text = decode_html(body).text
    doc = bare_extraction(text, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return Result()
    return Result(doc.title, doc.text, doc.date, doc.sitename)


def readability(body: bytes, url: str | None) -> Result:
    from readability import Document

    doc = Document(decode_html(body).text, url=url)
    return Result(doc.short_title(), html_to_text(doc.summary(html_partial=True)))


_GNE = None


def gne(body: bytes, url: str | None) -> Result:
    global _GNE
    if _GNE is None:
        from gne import GeneralNewsExtractor

        _GNE = GeneralNewsExtractor()
    found = _GNE.extract(decode_html(body).text)
    return Result(found.get("title"), found.get("content"), found.get("publish_time"))


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with a newline after each block element."""
    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


EXTRACTORS: dict[str, Extractor] = {
    "ours": ours,
    "trafilatura": trafilatura,
    "readability-lxml": readability,
    "gne": gne,
}

# Distribution names, for the version line of the report.
DISTRIBUTIONS = {
    "ours": "newsarchive",
    "trafilatura": "trafilatura",
    "readability-lxml": "readability-lxml",
    "gne": "gne",
}


def tool_version(name: str) -> str:
    try:
        return version(DISTRIBUTIONS[name])
    except PackageNotFoundError:
        return "?"
