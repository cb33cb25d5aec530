"""Title, publication time, source (来源), author and editor of an article page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from itertools import chain
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.cleaning import patterns
from archive.cleaning.disclosure import find_disclosure
from archive.cleaning.text import Element, element_lines, meaningful_len, normalize_space, text_of

try:
    SHANGHAI: timezone | ZoneInfo = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # no tz database (slim containers); China has no DST since 1991
    SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

# How far after the title line the info bar (date, 来源, 作者) may sit, and how long it may be:
# longer lines are paragraphs, whose dates are events, not publication times.
INFO_BAR_LINES = 6
INFO_BAR_MAX_CHARS = 120
# Label searches outside the info bar only trust short lines (bylines, footers of the article).
LABEL_LINE_MAX_CHARS = 80
MAX_NAME_CHARS = 40
# One Chinese name has two to four characters; a longer "name" after 记者 is a sentence
# (`记者从市工信局获悉`).  Names joined with `·` (transliterations) are exempt.
MAX_NAME_TOKEN_CHARS = 4
MIN_BYLINE_CHARS = 2
# A line holding the title plus this much more still shows the title.
TITLE_LINE_EXTRA_CHARS = 30
# An <h1> shorter than this is a logo or a column name, not a headline.
MIN_HEADING_CHARS = 4
# Punctuation around label values and headings (`全區工業發展大會召開 |`), never brackets that
# may belong to the text.
_VALUE_TRIM = " ,，;；、.。:：|｜-—–_"


@dataclass(frozen=True)
class Published:
    """A publication time and the string the page printed it as."""

    value: datetime
    raw: str

    @property
    def precision(self) -> str:
        """What the page printed down to: `day`, `minute` or `second`."""
        if patterns.TIME_WITH_SECONDS.search(self.raw):
            return "second"
        return "minute" if patterns.TIME_OF_DAY.search(self.raw) else "day"


@dataclass(frozen=True)
class Metadata:
    """What the page says about the article, beside its text."""

    title: str | None = None
    published: Published | None = None
    source: str | None = None
    author: str | None = None
    extras: dict[str, str] = field(default_factory=dict)
    # Elements that are metadata, not text (a 信息公开 table): the body leaves them out.
    furniture: tuple[Element, ...] = field(default=(), compare=False, repr=False)


def extract_metadata(
    root: Element,
    url: str,
    *,
    fetched_at: datetime | None = None,
    title: str | None = None,
    linked_data: dict[str, str] | None = None,
) -> Metadata:
    """Read the head's meta tags, then the visible info bar near the title, then the URL.

    A `title` already known (from a site's selector) is used to find the info bar instead of
    guessing the title.  `linked_data` (from `read_json_ld`, taken before scripts are dropped)
    fills in meta tags the page lacks.
    """
    metas = meta_contents(root)
    for key, value in (linked_data or {}).items():
        metas.setdefault(key, value)
    title = title or find_title(root, metas)
    body = root.find("body")
    lines = element_lines(body if body is not None else root)
    start = title_line_index(lines, title)
    bar = info_bar(lines, start)
    # Outside the info bar, labels are looked for from the title on (never in the menus above).
    rest = [line for line in lines[start or 0 :] if len(line) <= LABEL_LINE_MAX_CHARS]
    source = _first(metas.get(k) for k in patterns.SOURCE_META) or label_value(
        patterns.SOURCE, [*bar, *rest]
    )
    meta_author = _first(metas.get(k) for k in patterns.AUTHOR_META)
    if meta_author and not is_name_list(meta_author):  # CMS banners: "Page published at ..."
        meta_author = None
    author = (
        meta_author or label_value(patterns.AUTHOR, [*bar, *rest], names=True) or byline_value(rest)
    )
    editor = label_value(patterns.EDITOR, [*bar, *rest], names=True)
    site = _first(metas.get(k) for k in patterns.SITE_NAME_META)
    disclosure = find_disclosure(root, "\n".join(lines))
    table = disclosure.fields
    source = source or table.get("source") or table.get("issuer")
    extras = {k: v for k, v in table.items() if k not in patterns.DISCLOSURE_NOT_EXTRAS}
    if editor:
        extras["editor"] = editor
    return Metadata(
        title=title,
        published=find_published(metas, bar, rest, url, fetched_at, disclosure.fields),
        source=source,
        # Government CMSs fill Author with the publishing unit or the site, some portals with
        # the title.
        author=author if author not in (source, title, site, editor) else None,
        extras=extras,
        furniture=(disclosure.container,) if disclosure.container is not None else (),
    )


def meta_contents(root: Element) -> dict[str, str]:
    """First non-empty content of each `<meta>` by lowercased name, property or itemprop."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop")
        content = normalize_space(meta.get("content") or "")
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def read_json_ld(root: Element) -> dict[str, str]:
    """datePublished and author names from schema.org JSON-LD, keyed like meta tags."""
    found: dict[str, str] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            if isinstance(date := item.get("datePublished"), str) and date.strip():
                found.setdefault("datepublished", date.strip())
            if names := _ld_names(item.get("author")):
                found.setdefault("author", names)
    return found


def _ld_items(data: object) -> Iterator[dict[str, object]]:
    """The objects of a JSON-LD document: itself, list members, `@graph` members."""
    if isinstance(data, list):
        for member in data:
            yield from _ld_items(member)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph"))


def _ld_names(author: object) -> str | None:
    """`"张三"`, `{"name": "张三"}` or a list of either, as `张三,李四`."""
    people = author if isinstance(author, list) else [author]
    names = [p.get("name") if isinstance(p, dict) else p for p in people]
    text = ",".join(normalize_space(n) for n in names if isinstance(n, str) and n.strip())
    return text or None


def find_title(root: Element, metas: dict[str, str]) -> str | None:
    """ArticleTitle / og:title, else the longest `<h1>` in `<title>`, else `<title>` trimmed.

    Requiring the `<h1>` inside `<title>` skips most logo headings (the longest wins over a
    site-name `<h1>` that `<title>` also holds), and the `<h1>` beats `<title>` itself because
    mirrors stuff `<title>` with spam before the real headline.
    """
    if title := _first(metas.get(k) for k in patterns.TITLE_META):
        return title
    page_title = normalize_space(root.findtext(".//title") or "")
    site = _first(metas.get(k) for k in patterns.SITE_NAME_META)
    headings = (heading_text(h1) for h1 in root.iter("h1"))
    in_title = [
        h
        for h in headings
        if meaningful_len(h) >= MIN_HEADING_CHARS and h in page_title and h != site
    ]
    if in_title:
        return max(in_title, key=meaningful_len)
    return title_without_site(page_title, site)


def heading_text(element: Element) -> str:
    """The text of a heading element, without the separators some templates put around it."""
    return trim_value(normalize_space(text_of(element)))


def trim_value(text: str) -> str:
    """`text` without the punctuation around label values and headings (`工業發展大會召開 |`)."""
    return text.strip(_VALUE_TRIM)


def title_without_site(page_title: str, site_name: str | None = None) -> str | None:
    """The longest part of `<title>` between site-name separators (` - `, `_`, `|`...)."""
    parts = [p.strip() for p in patterns.TITLE_SEPARATORS.split(page_title)]
    best = max((p for p in parts if p != site_name), key=meaningful_len, default="")
    return best or None


def title_key(text: str) -> str:
    """A title for comparison: no spaces, no separators around it (`全區工業發展大會召開 |`)."""
    return patterns.WHITESPACE.sub("", text).strip(_VALUE_TRIM)


def title_line_index(lines: list[str], title: str | None) -> int | None:
    """Index of the line showing the title: exact first, else a short line containing it."""
    if not title:
        return None
    key = title_key(title)
    keys = [title_key(line) for line in lines]
    for i, line_key in enumerate(keys):
        if line_key == key:
            return i
    for i, line_key in enumerate(keys):
        # A breadcrumb ending in the title, or the title with a date glued on.
        if key in line_key and len(line_key) <= len(key) + TITLE_LINE_EXTRA_CHARS:
            return i
    return None


def info_bar(lines: list[str], title_index: int | None) -> list[str]:
    """Short lines right after the title line (then the two before it): date, 来源, 作者."""
    if title_index is None:
        return []
    after = lines[title_index + 1 : title_index + 1 + INFO_BAR_LINES]
    before = lines[max(0, title_index - 2) : title_index]
    return [line for line in (*after, *before) if len(line) <= INFO_BAR_MAX_CHARS]


def label_value(
    pattern: re.Pattern[str], lines: Iterable[str], *, names: bool = False
) -> str | None:
    """The first plausible value printed after a label (`来源:`, `作者:`) in `lines`."""
    for line in lines:
        for match in pattern.finditer(line):
            value = re.sub(r"\s*([,，、])\s*", r"\1", match.group("value")).strip(_VALUE_TRIM)
            if not value or len(value) > MAX_NAME_CHARS or meaningful_len(value) == 0:
                continue
            if names:
                # `（编辑：周八）`: the bracket closes around the credit, not inside the name.
                value = leading_names(value.rstrip(")）】]") if not _opens(value) else value)
                if not value:
                    continue
            return value
    return None


def _opens(value: str) -> bool:
    return any(bracket in value for bracket in "(（【[")


def leading_names(value: str) -> str:
    """The names that open a label's value: `许涛` of `许涛 我要评论(2 )`.

    Lines are whitespace-normalized, so a value runs on into whatever the info bar prints next;
    trailing words go until the rest is a name list that ends in no furniture word.
    """
    words = value.split(" ")
    while words and (not is_name_list(" ".join(words)) or patterns.NOISE_WORDS.search(words[-1])):
        words.pop()
    return " ".join(words).strip(_VALUE_TRIM)


def is_name_list(value: str) -> bool:
    """Letters, CJK and list punctuation only, short: `张乃川,张晔 孙安`, not a sentence."""
    return len(value) <= MAX_NAME_CHARS and bool(patterns.NAME_LIST.fullmatch(value))


def byline_value(lines: Iterable[str]) -> str | None:
    """The names in the first whole-line reporter credit without a label colon (`記者 王喆`)."""
    for line in lines:
        match = patterns.BYLINE.match(line)
        if not match:
            continue
        value = match.group("value").strip(_VALUE_TRIM)
        if meaningful_len(value) >= MIN_BYLINE_CHARS and _short_names(value):
            return value
    return None


def _short_names(value: str) -> bool:
    return all(
        len(name) <= MAX_NAME_TOKEN_CHARS or "·" in name or "•" in name or name.isascii()
        for name in patterns.NAME_SEPARATORS.split(value)
    )


def find_published(
    metas: dict[str, str],
    bar: list[str],
    lines: list[str],
    url: str,
    fetched_at: datetime | None,
    disclosure: dict[str, str] | None = None,
) -> Published | None:
    """The first credible publication time: meta tags, a disclosure table's 发布日期, info bar,
    labelled dates in `lines`, the table's 成文日期, URL.

    A date later than the fetch is a wrong pick (a copyright year, a deadline), not a scoop.
    A document is written (成文) days before it is published, so 成文日期 comes last.
    """
    table = disclosure or {}
    candidates = chain(
        (parse_date(metas[k]) for k in patterns.DATE_META if k in metas),
        (parse_date(table[k]) for k in ("published_date",) if k in table),
        dates_in(bar),
        dates_in(lines, labelled_only=True),
        (parse_date(table[k]) for k in ("written_date",) if k in table),
        url_dates(url),
    )
    return first_credible(candidates, fetched_at)


def with_time_of_day(day: Published, other: Published | None) -> Published:
    """`day`, or `other` if that is the same day with the time `day` does not print.

    A site's info bar may print only the day (`发布日期：2024-07-24`) where its PubDate meta tag
    has the minute.
    """
    if other is None or has_time_of_day(day) or not has_time_of_day(other):
        return day
    same_day = other.value.astimezone(day.value.tzinfo).date() == day.value.date()
    return other if same_day else day


def has_time_of_day(published: Published) -> bool:
    return bool(patterns.TIME_OF_DAY.search(published.raw))


def first_credible(
    candidates: Iterable[Published | None], fetched_at: datetime | None
) -> Published | None:
    """The first candidate that is no later than the fetch (all of them without a fetch time)."""
    limit = _aware(fetched_at) if fetched_at else None
    for found in candidates:
        if found and (limit is None or found.value <= limit):
            return found
    return None


def dates_in(lines: list[str], *, labelled_only: bool = False) -> Iterator[Published]:
    """Dates in `lines`: those after a 发布时间-style label first, then (optionally) any."""
    for line in lines:
        for match in patterns.LABELLED_DATE.finditer(line):
            if found := _from_match(match, match.group("date")):
                yield found
    if labelled_only:
        return
    for line in lines:
        for match in patterns.DATE.finditer(line):
            if found := _from_match(match, match.group(0)):
                yield found


def url_dates(url: str) -> Iterator[Published]:
    """Dates in URL paths (`/2024/7/24/`, `/202407/t20240724_`, `/2024-07/24/`)."""
    for pattern in patterns.URL_DATES:
        for match in pattern.finditer(url):
            if found := _from_match(match, match.group(0).strip("/_")):
                yield found


def parse_date(text: str) -> Published | None:
    """A date from a meta tag: ISO 8601 if it is, else the first date pattern in it."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        match = patterns.DATE.search(text)
        return _from_match(match, text) if match else None
    return Published(value if value.tzinfo else value.replace(tzinfo=SHANGHAI), text)


def _from_match(match: re.Match[str], raw: str) -> Published | None:
    groups = match.groupdict()
    if groups.get("cy"):
        return _from_chinese_numerals(groups, raw)
    y, m, d, hh, mm, ss = (int(groups.get(k) or 0) for k in ("y", "m", "d", "H", "M", "S"))
    try:
        value = datetime(y, m, d, hh, mm, ss, tzinfo=_zone(groups.get("tz")))
    except ValueError:  # 2023-02-30 and the like
        return None
    return Published(value, raw.strip())


def _from_chinese_numerals(groups: dict[str, str | None], raw: str) -> Published | None:
    """`二〇二三年六月十九日`: the year digit by digit, month and day counted in tens."""
    year = int("".join(str(_cn_digit(c)) for c in groups["cy"] or ""))
    try:
        value = datetime(
            year, _cn_number(groups["cm"] or ""), _cn_number(groups["cd"] or ""), tzinfo=SHANGHAI
        )
    except ValueError:
        return None
    return Published(value, raw.strip())


def _cn_digit(char: str) -> int:
    return 0 if char in "〇零○" else patterns.CN_DIGITS.index(char) - 2


def _cn_number(text: str) -> int:
    """一 to 三十一: `十` alone is ten, `二十` twenty, `十九` nineteen."""
    if "十" not in text:
        return _cn_digit(text)
    tens, _, units = text.partition("十")
    return (_cn_digit(tens) if tens else 1) * 10 + (_cn_digit(units) if units else 0)


def _zone(offset: str | None) -> timezone | ZoneInfo:
    if not offset:
        return SHANGHAI
    if offset == "Z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _aware(moment: datetime) -> datetime:
    # The crawler records fetch times in UTC; a naive one is read as such.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)
