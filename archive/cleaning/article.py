"""The cleaner's output: one article, plain data, no Scrapy and no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Article:
    """What the cleaner made of one page.

    ``is_article`` is False for pages with no main text (list pages, error pages, binaries):
    "not an article" is a value, not an exception.  ``published`` is timezone-aware
    (Asia/Shanghai where the page gives no zone); ``published_raw`` is the string the page
    printed it as.

    ``extras`` holds string fields that only some pages have:

    - ``published_precision``: what ``published_raw`` gives, ``day``, ``minute`` or ``second``
      (a day-only date is stored as midnight).
    - ``editor``: the 责任编辑/编辑 credit, never the author.
    - ``index_no``, ``doc_no``, ``issuer``, ``written_date``, ``published_date``, ``topic``:
      the 信息公开 table of government pages (索引号, 文号, 发布机构, 成文日期, 发布日期,
      主题分类) as printed; the table is not part of ``body``.
    - ``mojibake``: mojibake left in the text, ``utf8-as-latin1``, ``gbk-misaligned`` or
      ``replacement`` (runs of U+FFFD; ``replacement_chars`` counts them all).
    - ``hints_missed``: site selectors that matched nothing, comma-separated.
    """

    url: str
    title: str | None = None
    published: datetime | None = None
    published_raw: str | None = None
    source: str | None = None
    author: str | None = None
    body: str = ""
    encoding: str | None = None
    declared_encoding: str | None = None
    replacement_chars: int = 0
    is_article: bool = True
    extras: dict[str, str] = field(default_factory=dict)
    # The script of title and body (zh-Hans / zh-Hant / None); for a traditional page, the body
    # in simplified characters too, so simplified searches find it.
    script: str | None = None
    simplified_body: str | None = None
