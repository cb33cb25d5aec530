"""Main text: CMS markers or containers when they hold it, else the densest block; clean lines."""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass

from archive.cleaning import patterns
from archive.cleaning.metadata import byline_value, label_value, title_key
from archive.cleaning.text import (
    Element,
    drop_elements,
    drop_tree,
    element_lines,
    meaningful_len,
    text_of,
)

# Thresholds, all in meaningful characters (letters and CJK; see text.meaningful_len).
MIN_ARTICLE_CHARS = 40  # less than this is no article (list, error or index page)
MIN_HINT_CHARS = 80  # a named container (.content, <article>) with less is an empty shell
MIN_CMS_CHARS = 1  # a CMS's own text container (#zoom, .TRS_Editor) only has to hold some text
MAX_LINK_DENSITY = 0.5  # more link text than this and the text is a list of links
MAX_HINT_LINK_DENSITY = 0.3  # a named container that is a whole-page wrapper has menus in it
MAX_FORM_SHARE = 0.5  # ASP.NET pages wrap everything in one <form>; other forms are widgets
MAX_FURNITURE_SHARE = 0.5  # a block named furniture but holding more is a page wrapper
LINK_TEXT_CHARS = 200  # a link holding this much text in sentences is article text
PARAGRAPH_CHARS = 40  # a line this long with sentence punctuation is article text
SHORT_LINE_CHARS = 80  # only lines this short may be judged boilerplate by their words
NOISE_REMAINDER = 0.3  # a short line is boilerplate if this little remains without noise words
LEAD_LINES = 3  # a repeated summary (导读) sits in the first few lines
LEAD_PROBE_CHARS = 30  # ... and is recognised by its opening repeated further down
LEAD_MIN_CHARS = 15  # ... when that opening is long enough not to repeat by chance
TITLE_PART_MIN_CHARS = 6  # a leading line this long that the title contains repeats it
STAMP_EXTRA_CHARS = 4  # a timestamp with at most this much text around it is an info line
_BLOCKISH = patterns.BLOCK_TAGS | patterns.CELL_TAGS
_SENTENCE_END = frozenset("。！？；.!?;")


@dataclass(frozen=True)
class Content:
    """The article text, one paragraph a line, and whether there is an article at all."""

    body: str
    is_article: bool


def extract_content(
    root: Element,
    title: str | None,
    *,
    container: Element | None = None,
    info_lines: frozenset[str] = frozenset(),
) -> Content:
    """Pick the element holding the article and render it as clean lines (mutates `root`).

    A `container` (a site's body selector matched it) replaces the search: its furniture is
    dropped and its lines cleaned as any other, within CMS markers if it holds them.
    `info_lines` (a site's info bars) are never text.
    """
    scope = root if container is None else container
    drop_layout(scope)
    element = marked_content(scope)
    if element is None:
        element = container
    if element is None:
        element = cms_element(root)
    if element is None:
        drop_named_furniture(root)  # before the density count: a comment thread is dense too
        element = densest_element(root)
    if element is None:
        return Content("", is_article=False)
    drop_named_furniture(element)
    lines = [line for line in element_lines(element) if line not in info_lines]
    body = "\n".join(clean_lines(lines, title))
    is_article = (
        meaningful_len(body) >= MIN_ARTICLE_CHARS and link_density(element) < MAX_LINK_DENSITY
    )
    return Content(body, is_article)


def drop_layout(root: Element) -> None:
    """Remove page furniture: navigation, headers, footers, sidebars, embedded frames, widgets."""
    drop_elements(root, patterns.LAYOUT_DROP)
    forms = list(root.iter("form"))
    page_chars = meaningful_len(text_of(root)) if forms else 0
    for form in forms:
        if meaningful_len(text_of(form)) < MAX_FORM_SHARE * page_chars:
            drop_tree(form)


def drop_named_furniture(scope: Element) -> None:
    """Remove blocks inside `scope` whose class or id names them furniture (comments, share).

    `<main>` and `<article>` stay whatever their names say, and so does a block holding most
    of the scope's text: a `has-sidebar` wrapper still wraps the article.
    """
    named = [
        el for el in patterns.NAMED_ELEMENTS(scope) if el is not scope and is_named_furniture(el)
    ]
    if not named:
        return
    page_chars = meaningful_len(text_of(scope))
    for element in named:
        if not _attached(element, scope):
            continue
        if meaningful_len(text_of(element)) <= MAX_FURNITURE_SHARE * page_chars:
            drop_tree(element)


def is_named_furniture(element: Element) -> bool:
    """Whether the element's class or id has a furniture word (`comments`, `share-bar`)."""
    if element.tag in patterns.FURNITURE_KEEP_TAGS:
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not patterns.FURNITURE_HINT.search(names):  # most names: one quick look is enough
        return False
    return any(
        word.lower() in patterns.FURNITURE_WORDS for word in patterns.ATTRIBUTE_WORDS.findall(names)
    )


def marked_content(scope: Element) -> Element | None:
    """A copy of what lies between Hanweb's ContentStart and ContentEnd markers, if any text.

    The markers need not be siblings (table templates put them in different cells): the copy
    is their nearest common ancestor with everything before the start and after the end cut.
    """
    start = end = None
    for meta in scope.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if start is None and name == patterns.CONTENT_START:
            start = meta
        elif start is not None and name == patterns.CONTENT_END:
            end = meta
            break
    if start is None or end is None:
        return None
    common = _common_ancestor(start, end)
    nodes = list(common.iter())
    first, last = nodes.index(start), nodes.index(end)
    span = deepcopy(common)
    span.tail = None
    copied = list(span.iter())
    _cut_before(copied[first], span)
    _cut_after(copied[last], span)
    return span if meaningful_len(text_of(span)) else None


def cms_element(root: Element) -> Element | None:
    """The CMS text container (`#zoom`, `.TRS_Editor`), else a named one with real text."""
    candidates = [
        el for el in patterns.CONTENT_HINT_CANDIDATES(root) if not _in_named_furniture(el)
    ]
    tiers = (
        (patterns.CMS_CONTAINERS, MIN_CMS_CHARS),
        (patterns.CONTENT_HINTS, MIN_HINT_CHARS),
    )
    for hints, min_chars in tiers:
        for attribute, value in hints:
            sized = [
                (meaningful_len(text_of(el)), el) for el in candidates if _is(el, attribute, value)
            ]
            if not sized:
                continue
            size, best = max(sized, key=lambda pair: pair[0])
            if size >= min_chars and link_density(best) < MAX_HINT_LINK_DENSITY:
                return best
    return None


def densest_element(root: Element) -> Element | None:
    """The block with the most text of its own, its children's and (half) its grandchildren's.

    Each run of text scores its letters for its nearest block, that block's parent block and
    (half) grandparent block; text inside links scores against them.  Among equal scores the
    smallest element wins, so a wrapper never beats the block it merely wraps.
    """
    in_link = {node for a in links(root) for node in a.iter()}
    scores: dict[Element, float] = {}
    for element in root.iter():
        text = _own_text(element)
        own = meaningful_len(text) if text and not text.isspace() else 0
        if not own:
            continue
        weight = -own if element in in_link else own
        for block, share in zip(_blocks_up(element), (1.0, 1.0, 0.5), strict=False):
            scores[block] = scores.get(block, 0.0) + weight * share
    best = max(scores.values(), default=0.0)
    if best <= 0:
        return None
    ties = [element for element, score in scores.items() if score == best]
    return min(ties, key=lambda element: len(text_of(element)))


def link_density(element: Element) -> float:
    """Share of the element's meaningful text that sits inside links."""
    total = meaningful_len(text_of(element))
    linked = sum(meaningful_len(text_of(a)) for a in links(element))
    return linked / total if total else 1.0


def links(element: Element) -> Iterator[Element]:
    """The `<a>` elements under `element` that are links, not article text wrapped in one.

    Some templates put the whole article inside one `<a>` (a teaser turned full text); a
    link holding paragraphs of sentences is read as text.
    """
    for anchor in element.iter("a"):
        text = text_of(anchor)
        if (
            len(text) < LINK_TEXT_CHARS  # most links: no need to count
            or meaningful_len(text) < LINK_TEXT_CHARS
            or _SENTENCE_END.isdisjoint(text)
        ):
            yield anchor


def clean_lines(lines: list[str], title: str | None) -> list[str]:
    """Article lines without trailing widgets, boilerplate, the repeated title or 导读 lead."""
    lines = cut_tail(lines)
    lines = [line for line in lines if not is_boilerplate(line)]
    lines = drop_title_lines(lines, title)
    return drop_repeated_leads(lines)


def cut_tail(lines: list[str]) -> list[str]:
    """Drop everything from the first tail marker (上一篇, 免责声明, 相关阅读...) after the text.

    The text has begun once a sentence stood above (of any length: a brief may be all short
    lines).  A related list (相关新闻) or an English marker ends it only past the middle of its
    paragraphs; a reprint notice or follow-us prompt once at least as many sentences stand
    above it as below it.
    """
    sizes = [meaningful_len(line) if is_paragraph(line) else 0 for line in lines]
    said = [meaningful_len(line) if not _SENTENCE_END.isdisjoint(line) else 0 for line in lines]
    total, said_total = sum(sizes), sum(said)
    before = said_before = 0
    for i, line in enumerate(lines):
        past_middle = before >= total - before
        if said_before and is_tail_marker(line):
            if past_middle or not patterns.RELATED_MARKER.match(line):
                return lines[:i]  # a related list ends the text only past its middle
        elif before and past_middle and is_english_tail(line):
            return lines[:i]  # an English marker ends the text only past its middle
        elif _ends_text(line, said_before, said_total - said_before - said[i]):
            return lines[:i]
        before += sizes[i]
        said_before += said[i]
    return lines


def is_tail_marker(line: str) -> bool:
    """A line after which nothing is text: 上一篇, 免责声明, a pager, a `更多>>` link."""
    return bool(
        patterns.TAIL_MARKER.match(line)
        or patterns.PAGER.match(line)
        or patterns.MORE_LINK.match(line)
    )


def _ends_text(line: str, above: int, below: int) -> bool:
    """Whether `line` is a closing notice with the text mostly above it."""
    return bool(above and above >= below and patterns.END_NOTICE.search(line))


def is_english_tail(line: str) -> bool:
    """A short line such as `Related Articles`, `Tags:` or `Leave a comment` ending the text."""
    return len(line) <= patterns.EN_TAIL_MAX_CHARS and bool(patterns.EN_TAIL_MARKER.match(line))


def is_boilerplate(line: str) -> bool:
    """Breadcrumbs, toolbars, footers, info bars: lines a reader would not call article text."""
    if (
        patterns.NOISE_PREFIX.match(line)
        or patterns.BREADCRUMB.match(line)
        or patterns.CAPTION_ONLY.match(line)
        or patterns.URL_ONLY.match(line)
    ):
        return True
    if is_english_info(line) or (
        len(line) <= patterns.EN_CAPTION_MAX_CHARS and patterns.EN_CREDIT.search(line)
    ):
        return True
    if len(line) > SHORT_LINE_CHARS:
        return False
    return bool(
        patterns.NOISE_ANYWHERE.search(line)
        or patterns.SHARE_PROMPT.match(line)
        or (len(line) <= patterns.EN_TAIL_MAX_CHARS and patterns.EN_NOISE_LINE.match(line))
        or is_info_line(line)
        or _mostly_noise_words(line)
    )


def is_english_info(line: str) -> bool:
    """An English byline or dateline: `By Bryan DeArdo`, `Published 11:11 PM EST Nov 19, 2019`."""
    if len(line) > patterns.EN_INFO_MAX_CHARS or patterns.EN_SENTENCE_END.search(line):
        return False
    if patterns.EN_BYLINE.match(line) or patterns.EN_STAMP.match(line):
        return True
    return bool(patterns.EN_DATE.search(line) and patterns.EN_TIME.search(line))


def is_info_line(line: str) -> bool:
    """A metadata line: 来源, 发布时间, a bare timestamp, or an author/editor byline."""
    if (
        patterns.SOURCE.search(line)
        or patterns.LABELLED_DATE.search(line)
        or patterns.REPORTER_LINE.match(line)
    ):
        return True
    stamp = patterns.DATE.search(line)
    if stamp and stamp.group("H"):
        rest = line[: stamp.start()] + line[stamp.end() :]
        if meaningful_len(rest) <= STAMP_EXTRA_CHARS:
            return True
    return byline_value([line]) is not None or any(
        label_value(pattern, [line], names=True) for pattern in (patterns.AUTHOR, patterns.EDITOR)
    )


def is_paragraph(line: str) -> bool:
    return meaningful_len(line) >= PARAGRAPH_CHARS and not _SENTENCE_END.isdisjoint(line)


def drop_title_lines(lines: list[str], title: str | None) -> list[str]:
    """Drop the headline, what stands above it (a column name), and repeats of it.

    Only lines before the first paragraph are looked at: the text itself may quote the title.
    """
    if not title:
        return lines
    key = title_key(title)
    kept: list[str] = []
    for i, line in enumerate(lines):
        if is_paragraph(line):
            return kept + lines[i:]
        line_key = title_key(line)
        if line_key == key or (len(line_key) >= TITLE_PART_MIN_CHARS and line_key in key):
            kept.clear()  # above the headline is furniture
        else:
            kept.append(line)
    return kept


def drop_repeated_leads(lines: list[str]) -> list[str]:
    """Drop a summary (导读, 摘要, or an untitled lead) that the text repeats below.

    A labelled summary cut short (`摘要：...`) goes even when the text does not repeat it word
    for word.  The repeat may run over a paragraph break, so the text below is compared as one
    string without spaces.
    """
    leads = lines[:LEAD_LINES]
    kept: list[str] = []
    for i, line in enumerate(leads):
        later = _compact("".join(lines[i + 1 :]))
        if not _is_summary(line, later):
            kept.append(line)
    return kept + lines[LEAD_LINES:]


def _is_summary(line: str, later: str) -> bool:
    label = patterns.LEAD_LABEL.match(line)
    text = line[label.end() :] if label else line
    if label and patterns.TRUNCATION.search(text):
        return True
    probe = _compact(text)[:LEAD_PROBE_CHARS]
    return meaningful_len(probe) >= LEAD_MIN_CHARS and probe in later


def _compact(text: str) -> str:
    return patterns.WHITESPACE.sub("", text)


def _mostly_noise_words(line: str) -> bool:
    compact = patterns.WHITESPACE.sub("", line)
    total = meaningful_len(compact)
    if not total:  # bullets, separators, page numbers, counters
        return True
    remainder = meaningful_len(patterns.NOISE_WORDS.sub("", compact))
    return remainder <= NOISE_REMAINDER * total


def _in_named_furniture(element: Element) -> bool:
    """Whether the element or a block around it is named furniture (`<article>` in comments)."""
    return is_named_furniture(element) or any(
        is_named_furniture(ancestor) for ancestor in element.iterancestors()
    )


def _attached(element: Element, root: Element) -> bool:
    """Whether `element` is still inside `root` (an ancestor may have been dropped already)."""
    return element is root or any(ancestor is root for ancestor in element.iterancestors())


def _is(element: Element, attribute: str, value: str) -> bool:
    if attribute == "tag":
        return element.tag == value
    if attribute == "class":
        return value in (element.get("class") or "").split()
    return element.get(attribute) == value


def _own_text(element: Element) -> str:
    return (element.text or "") + "".join(child.tail or "" for child in element)


def _common_ancestor(first: Element, second: Element) -> Element:
    ancestors = set(first.iterancestors())
    return next(node for node in second.iterancestors() if node in ancestors)


def _cut_before(node: Element, top: Element) -> None:
    """Remove everything inside `top` that comes before `node` (tails go with their element)."""
    while node is not top:
        parent = node.getparent()
        for sibling in list(node.itersiblings(preceding=True)):
            parent.remove(sibling)
        parent.text = None
        node = parent


def _cut_after(node: Element, top: Element) -> None:
    """Remove everything inside `top` that comes after `node`."""
    while node is not top:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node.tail = None
        node = parent


def _blocks_up(element: Element) -> Iterator[Element]:
    node = element
    while node is not None:
        if node.tag in _BLOCKISH:
            yield node
        node = node.getparent()
