"""The metadata table of 信息公开 pages: 索引号, 文号, 发布机构, 成文日期, 发布日期, 主题分类."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.cleaning import patterns
from archive.cleaning.text import Element, normalize_space, text_of

# A cell longer than this is a paragraph that happens to open with `分类` or `文号`.
MAX_CELL_CHARS = 80
# An element with more children than this is a container, not a cell (and rendering the text
# of every container would cost time quadratic in the page's depth).
MAX_CELL_CHILDREN = 3
MAX_VALUE_CHARS = 60
# A table found must hold this many fields, one of them a DISCLOSURE_KEYS one.
MIN_FIELDS = 2
# The container dropped from the body holds the cells and little else: at most this many
# characters beyond labels and values (spacing, a heading such as `信息公开`).
CONTAINER_SLACK_CHARS = 40
_TRIM = " ,，;；、.。:：|｜"


@dataclass(frozen=True)
class Disclosure:
    """The fields of a disclosure table by extras key, and the element that holds it."""

    fields: dict[str, str] = field(default_factory=dict)
    container: Element | None = None


def find_disclosure(root: Element, page_text: str | None = None) -> Disclosure:
    """The first value of each label cell, and the smallest element holding all of them.

    A cell is `索引号：014000319/2023-00123` in one element, or `索引号` in one and the value in
    the next element (or right after it: `<span>文号：</span>苏政发〔2023〕12号`).
    `page_text`, if given, is searched first: a page without 索引号, 文号 or 成文日期 has no table.
    """
    if page_text is not None and not patterns.DISCLOSURE_MARK.search(page_text):
        return Disclosure()
    fields: dict[str, str] = {}
    cells: list[Element] = []
    printed = 0
    for element in root.iter(*patterns.DISCLOSURE_CELL_TAGS):
        found = _cell(element)
        if found is None or found[0] in fields:
            continue
        key, value, printed_chars = found
        fields[key] = value
        cells.append(element)
        printed += printed_chars
    if len(fields) < MIN_FIELDS or not any(k in fields for k in patterns.DISCLOSURE_KEYS):
        return Disclosure()
    return Disclosure(fields, _container(cells, printed))


def _cell(element: Element) -> tuple[str, str, int] | None:
    if len(element) > MAX_CELL_CHILDREN:
        return None
    text = normalize_space(text_of(element))
    if not text or len(text) > MAX_CELL_CHARS:
        return None
    if len(patterns.DISCLOSURE_ANY_LABEL.findall(patterns.WHITESPACE.sub("", text))) != 1:
        return None
    match = patterns.DISCLOSURE_CELL.fullmatch(text)
    if match is None:
        return None
    label = patterns.WHITESPACE.sub("", match.group("label"))
    value = match.group("value").strip(_TRIM)
    if value and not match.group("colon"):
        return None  # `分类讨论...`: a label runs into its value only after a colon
    if not value:
        value = _following_value(element)
    if not value or len(value) > MAX_VALUE_CHARS:
        return None
    return patterns.DISCLOSURE_LABEL_KEYS[label], value, len(text) + len(value)


def _following_value(element: Element) -> str:
    """The text right after a label-only cell: its tail, else the next element's text."""
    tail = normalize_space(element.tail or "").strip(_TRIM)
    if tail:
        return tail
    following = element.getnext()
    if following is None:
        return ""
    value = normalize_space(text_of(following)).strip(_TRIM)
    return "" if patterns.DISCLOSURE_ANY_LABEL.search(value) else value


def _container(cells: list[Element], printed: int) -> Element | None:
    """The lowest common ancestor of the cells, if it holds little more than they print."""
    ancestors = [cells[0], *cells[0].iterancestors()]
    for cell in cells[1:]:
        inside = {id(a) for a in (cell, *cell.iterancestors())}
        ancestors = [a for a in ancestors if id(a) in inside]
    if not ancestors or ancestors[0].tag in ("body", "html"):
        return None
    container = ancestors[0]
    if len(normalize_space(text_of(container))) > printed + CONTAINER_SLACK_CHARS:
        return None
    return container
