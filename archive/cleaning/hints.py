"""A site's CSS selectors for article fields, tried before the generic extraction of each field."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from functools import lru_cache

from lxml.cssselect import CSSSelector, SelectorError

from archive.cleaning import patterns
from archive.cleaning.metadata import (
    MAX_NAME_CHARS,
    Published,
    byline_value,
    dates_in,
    first_credible,
    heading_text,
    is_name_list,
    label_value,
    trim_value,
)
from archive.cleaning.text import Element, element_lines, meaningful_len, text_of

# Where a hint's value ends up in Article.extras when its selector found nothing.
MISSED_KEY = "hints_missed"
# Label punctuation that a bare value (`<span class="source">淮安日报</span>`) never holds.
_LABEL_COLON = frozenset(":：")


@dataclass(frozen=True)
class ExtractionHints:
    """CSS selectors from a site config, one per field; None leaves the field to the generic path.

    `title` is the headline element, `body` the element holding the article text, and
    `published`, `source` and `author` elements whose text holds them (typically one info bar,
    `2020年03月19日08:27 来源:西楚网`, for all three).  Invalid selectors raise ValueError here,
    so a site config is rejected when loaded rather than on its first page.
    """

    title: str | None = None
    body: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        for name, selector in self.selectors():
            compile_selector(selector, name)

    @property
    def is_empty(self) -> bool:
        return not self.selectors()

    def selectors(self) -> list[tuple[str, str]]:
        """(field name, selector) for every field that has one, in field order."""
        return [
            (item.name, value)
            for item in fields(self)
            if (value := getattr(self, item.name)) is not None
        ]

    def first(self, root: Element, name: str) -> Element | None:
        """The first element (in document order) that the selector for field `name` matches."""
        selector = getattr(self, name)
        if selector is None:
            return None
        matches = compile_selector(selector, name)(root)
        return matches[0] if matches else None


def compile_selector(selector: object, name: str = "selector") -> CSSSelector:
    """The compiled selector; ValueError naming the field for anything that is not valid CSS."""
    if not isinstance(selector, str):
        raise ValueError(f"{name}: a CSS selector must be a string, not {selector!r}")
    if not selector.strip():
        raise ValueError(f"{name}: empty CSS selector")
    try:
        return _compiled(selector)
    except SelectorError as error:
        advice = " (select the element itself; its text is read)" if "::" in selector else ""
        raise ValueError(f"{name}: invalid CSS selector {selector!r}: {error}{advice}") from None


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    # The HTML translator matches element names case-insensitively, as browsers do.
    return CSSSelector(selector, translator="html")


@dataclass(frozen=True)
class Hinted:
    """What a site's selectors found; None where the generic extraction decides the field.

    `missed` names the fields whose selector matched nothing (or, for title and body, only an
    element without text): the mark of a layout change.  `info_lines` are the lines of the
    elements a date, source or author was read from: metadata, not text, wherever they sit.
    """

    title: str | None = None
    body: Element | None = None
    published: Published | None = None
    source: str | None = None
    author: str | None = None
    missed: tuple[str, ...] = ()
    info_lines: frozenset[str] = frozenset()


NO_HINTS = Hinted()


def read_hints(
    root: Element, hints: ExtractionHints, *, fetched_at: datetime | None = None
) -> Hinted:
    """Apply each selector to the page (read-only); the parsers of the generic path read values.

    A matched info bar without a value for its field (an article that credits no author) falls
    back silently; only a selector that matches nothing counts as missed.
    """
    found: dict[str, Element] = {}
    missed: list[str] = []
    for name, _ in hints.selectors():
        element = hints.first(root, name)
        if element is None or (name in ("title", "body") and not meaningful_len(text_of(element))):
            missed.append(name)
        else:
            found[name] = element
    lines = {name: element_lines(element) for name, element in found.items() if name != "body"}
    title = heading_text(found["title"]) if "title" in found else None
    published = source = author = None
    if "published" in lines:
        published = first_credible(dates_in(lines["published"]), fetched_at)
    if "source" in lines:
        source = source_in(lines["source"])
    if "author" in lines:
        author = author_in(lines["author"])
    read = {"published": published, "source": source, "author": author}
    info_lines = frozenset(
        line for name, value in read.items() if value is not None for line in lines[name]
    )
    return Hinted(
        title=title or None,
        body=found.get("body"),
        published=published,
        source=source,
        author=author,
        missed=tuple(missed),
        info_lines=info_lines,
    )


def source_in(lines: list[str]) -> str | None:
    """The 来源/發布者 value in an element's lines, else its whole text when that is a bare name."""
    labelled = label_value(patterns.SOURCE, lines)
    if labelled:
        return labelled
    value = _bare(lines)
    return value if value is not None and not patterns.DATE.search(value) else None


def author_in(lines: list[str]) -> str | None:
    """The 作者/記者 value in an element's lines, else its whole text when that is a name list."""
    labelled = label_value(patterns.AUTHOR, lines, names=True) or byline_value(lines)
    if labelled:
        return labelled
    value = _bare(lines)
    return value if value is not None and is_name_list(value) else None


def _bare(lines: list[str]) -> str | None:
    """The element's whole text as a value: short, and no `label:` in it (an unknown label)."""
    text = " ".join(lines)
    value = trim_value(text)
    if not _LABEL_COLON.isdisjoint(text) or len(value) > MAX_NAME_CHARS:
        return None
    return value if meaningful_len(value) else None
