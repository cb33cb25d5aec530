"""The site config schema: one TOML file per site, checked into a :class:`SiteConfig`.

A site file is named after its key (``gxt-example.toml`` declares site ``gxt-example``)::

    name = "某省工业和信息化厅"                     # required: shown to people
    start_urls = ["https://gxt.example.gov.cn/col/col123/index.html"]   # required
    allowed_domains = ["gxt.example.gov.cn"]      # optional: default, the start URLs' hosts
    article_pattern = '/art/\\d{4}/'              # optional regex: article pages
    follow_pattern = '/col/col123/index(_\\d+)?\\.html'   # optional regex: list pages to follow
    max_pages = 500                               # optional: request budget for one crawl

With neither pattern, the spider follows every link within ``allowed_domains``.  Unknown keys
are errors, so a typo cannot silently switch a setting off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive import BadURL, canonicalize

DEFAULT_MAX_PAGES = 500
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Names taken by spiders that are not site configs (see crawler/spiders/).
RESERVED_KEYS = frozenset({"add"})
FIELDS = frozenset(
    {"key", "name", "start_urls", "allowed_domains", "article_pattern", "follow_pattern",
     "max_pages"}
)


class UnknownSite(KeyError):
    """No site config with that key.  A KeyError so Scrapy's spider loader contract holds."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else "unknown site"


class BadSiteConfig(ValueError):
    """A site file (or the sites directory) is unreadable or breaks the schema."""


@dataclass(frozen=True)
class SiteConfig:
    key: str
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    article_pattern: str | None = None
    follow_pattern: str | None = None
    max_pages: int = DEFAULT_MAX_PAGES
    source: Path | None = None  # the file it was read from, for messages

    @property
    def link_patterns(self) -> tuple[str, ...]:
        """Regexes a link must match to be followed; empty means "any link on the site"."""
        return tuple(p for p in (self.article_pattern, self.follow_pattern) if p)


def parse_site(key: str, data: dict[str, Any], source: Path | None = None) -> SiteConfig:
    """Check one site file's parsed TOML; raise BadSiteConfig with a one-line reason."""
    where = str(source) if source else f"site {key!r}"

    def bad(problem: str) -> BadSiteConfig:
        return BadSiteConfig(f"{where}: {problem}")

    if not KEY_PATTERN.fullmatch(key):
        raise bad(f"site key {key!r} must be lower-case letters, digits, '-' or '_'")
    if key in RESERVED_KEYS:
        raise bad(f"site key {key!r} is reserved")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise bad(f"unknown setting(s): {', '.join(unknown)}")
    if data.get("key", key) != key:
        raise bad(f"key {data['key']!r} does not match the file name ({key!r})")

    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise bad("'name' must be a non-empty string")
    start_urls = _string_list(data.get("start_urls"), "start_urls", bad)
    if not start_urls:
        raise bad("'start_urls' must list at least one URL")
    for url in start_urls:
        try:
            canonicalize(url)
        except BadURL as exc:
            raise bad(str(exc)) from None
    domains = _string_list(data.get("allowed_domains"), "allowed_domains", bad)
    for domain in domains:
        if not re.fullmatch(r"[A-Za-z0-9.-]+", domain):
            raise bad(f"allowed domain {domain!r} must be a bare host name (no scheme, port, path)")
    if not domains:
        domains = sorted({urlsplit(url).hostname or "" for url in start_urls})
    max_pages = data.get("max_pages", DEFAULT_MAX_PAGES)
    if isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages < 1:
        raise bad("'max_pages' must be a positive integer")

    return SiteConfig(
        key=key,
        name=name.strip(),
        start_urls=tuple(start_urls),
        allowed_domains=tuple(d.lower() for d in domains),
        article_pattern=_pattern(data.get("article_pattern"), "article_pattern", bad),
        follow_pattern=_pattern(data.get("follow_pattern"), "follow_pattern", bad),
        max_pages=max_pages,
        source=source,
    )


def _string_list(value: Any, field: str, bad: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise bad(f"'{field}' must be a list of strings")
    return [v.strip() for v in value]


def _pattern(value: Any, field: str, bad: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise bad(f"'{field}' must be a non-empty regular expression string")
    try:
        re.compile(value)
    except re.error as exc:
        raise bad(f"'{field}' is not a valid regular expression: {exc}") from None
    return value
