"""The lxml tree and plain text: parse a page, drop elements, render one block as one line."""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element as Element

from archive.cleaning import patterns

# An explicit encoding makes libxml2 ignore the page's own (now stale) `<meta charset>`, and
# bytes avoid lxml's refusal of str input that carries an XML encoding declaration.  Plain
# etree elements, not lxml.html's: its Python class lookup runs for every node we touch and
# cost a third of the cleaning time.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_BLOCKS = patterns.BLOCK_TAGS
_CELLS = patterns.CELL_TAGS


def parse_html(text: str) -> Element | None:
    """Parse decoded page text; None when there is no document to speak of."""
    # NUL ends libxml2's input early; zero-width marks split words and defeat the patterns.
    # Most pages have neither, and looking is cheaper than substituting.
    if any(char in text for char in patterns.INVISIBLE_CHARS):
        text = patterns.INVISIBLE.sub("", text)
    data = text.encode("utf-8", errors="replace")
    if not data.strip():
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def drop_elements(root: Element, tags: tuple[str, ...]) -> None:
    """Remove elements with their text in place, keeping the text that follows them."""
    etree.strip_elements(root, *tags, with_tail=False)


def drop_tree(element: Element) -> None:
    """Remove one element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def text_of(element: Element) -> str:
    """All text inside `element`, without its tail."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def normalize_space(text: str) -> str:
    """Collapse whitespace, including U+3000 indentation and NBSP, and trim it."""
    return " ".join(text.split())


def meaningful_len(text: str) -> int:
    """Letters and CJK characters in `text`: what the density and length thresholds count."""
    return len(patterns.NOT_MEANINGFUL.sub("", text))


def element_lines(root: Element) -> list[str]:
    """The text under `root`, one line per block element or `<br>`; table cells space-separated."""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        if parts:
            line = normalize_space("".join(parts))
            parts.clear()
            if line:
                lines.append(line)

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag in _BLOCKS or tag == "br":
                flush()
            elif tag in _CELLS:
                parts.append(" ")
            if element.text:
                parts.append(element.text)
            continue
        if tag in _BLOCKS:
            flush()
        elif tag in _CELLS:
            parts.append(" ")
        if element is not root and element.tail:
            parts.append(element.tail)
    flush()
    return lines
