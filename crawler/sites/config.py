"""The site config schema: one TOML file per site, checked into a :class:`SiteConfig`.

A site file is named after its key (``hongze.toml`` declares site ``hongze``); every setting
is described in ``docs/sites.md``.  Only ``name`` and ``start_urls`` are required: with nothing
else, the generic spider finds article links, pagination and the article text by itself.
Unknown keys are errors, so a typo cannot silently switch a setting off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cssselect import GenericTranslator, SelectorError

from archive import BadURL, canonicalize
from archive.cleaning import ExtractionHints

DEFAULT_MAX_PAGES = 500
DEFAULT_REVISIT_AFTER = timedelta(days=7)
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Names taken by spiders that are not site configs (see crawler/spiders/).
RESERVED_KEYS = frozenset({"add"})
CMS_KINDS = ("auto", "hanweb", "trs", "none")
SELECTOR_FIELDS = ("article_links", "next_page", "title", "body", "published", "source", "author")
FIELDS = frozenset({
    "key", "name", "region", "start_urls", "allowed_domains", "schedule", "browser", "cms",
    "sitemaps", "feeds", "article_pattern", "list_pattern", "max_pages",
    "stop_after_known_pages", "revisit_after", "hook", "selectors",
})
_DURATION = re.compile(r"(\d+)([smhd])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_HOOK = re.compile(r"[A-Za-z_][\w.]*")


class UnknownSite(KeyError):
    """No site config with that key.  A KeyError so Scrapy's spider loader contract holds."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else "unknown site"


class BadSiteConfig(ValueError):
    """A site file (or the sites directory) is unreadable or breaks the schema."""


@dataclass(frozen=True)
class Selectors:
    """CSS selectors from a site's ``[selectors]`` table; None means "find it generically"."""

    article_links: str | None = None
    next_page: str | None = None
    title: str | None = None
    body: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class SiteConfig:
    key: str
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    region: str | None = None
    schedule: str | None = None  # cron, Asia/Shanghai; None = nightly, staggered by the scheduler
    browser: bool = False  # list pages need JavaScript: render them in headless chromium
    cms: str = "auto"
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    article_pattern: str | None = None
    list_pattern: str | None = None
    max_pages: int = DEFAULT_MAX_PAGES
    stop_after_known_pages: int = 1
    revisit_after: timedelta = DEFAULT_REVISIT_AFTER
    hook: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    source: Path | None = None  # the file it was read from, for messages

    @property
    def extraction_hints(self) -> ExtractionHints | None:
        """The field selectors, as the cleaner takes them (None when the site has none)."""
        s = self.selectors
        hints = ExtractionHints(title=s.title, body=s.body, published=s.published,
                                source=s.source, author=s.author)
        return None if hints.is_empty else hints


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

    name = _text(data, "name", bad)
    if name is None:
        raise bad("'name' must be a non-empty string")
    start_urls = _urls(data, "start_urls", bad)
    if not start_urls:
        raise bad("'start_urls' must list at least one URL")
    domains = _string_list(data.get("allowed_domains"), "allowed_domains", bad)
    for domain in domains:
        if not re.fullmatch(r"[A-Za-z0-9.-]+", domain):
            raise bad(f"allowed domain {domain!r} must be a bare host name (no scheme, port, path)")
    if not domains:
        domains = sorted({urlsplit(url).hostname or "" for url in start_urls})
    cms = data.get("cms", "auto")
    if cms not in CMS_KINDS:
        raise bad(f"'cms' must be one of {', '.join(CMS_KINDS)}")
    browser = data.get("browser", False)
    if not isinstance(browser, bool):
        raise bad("'browser' must be true or false")

    return SiteConfig(
        key=key,
        name=name,
        start_urls=tuple(start_urls),
        allowed_domains=tuple(d.lower() for d in domains),
        region=_text(data, "region", bad),
        schedule=_schedule(data.get("schedule"), bad),
        browser=browser,
        cms=cms,
        sitemaps=tuple(_urls(data, "sitemaps", bad)),
        feeds=tuple(_urls(data, "feeds", bad)),
        article_pattern=_pattern(data.get("article_pattern"), "article_pattern", bad),
        list_pattern=_pattern(data.get("list_pattern"), "list_pattern", bad),
        max_pages=_positive(data, "max_pages", DEFAULT_MAX_PAGES, bad),
        stop_after_known_pages=_positive(data, "stop_after_known_pages", 1, bad),
        revisit_after=_duration(data.get("revisit_after"), bad),
        hook=_hook(data.get("hook"), bad),
        selectors=_selectors(data.get("selectors"), bad),
        source=source,
    )


def _text(data: dict[str, Any], name: str, bad: Any) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise bad(f"'{name}' must be a non-empty string")
    return value.strip()


def _string_list(value: Any, name: str, bad: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise bad(f"'{name}' must be a list of strings")
    return [v.strip() for v in value]


def _urls(data: dict[str, Any], name: str, bad: Any) -> list[str]:
    urls = _string_list(data.get(name), name, bad)
    for url in urls:
        try:
            canonicalize(url)
        except BadURL as exc:
            raise bad(f"'{name}': {exc}") from None
    return urls


def _positive(data: dict[str, Any], name: str, default: int, bad: Any) -> int:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise bad(f"'{name}' must be a positive integer")
    return value


def _pattern(value: Any, name: str, bad: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise bad(f"'{name}' must be a non-empty regular expression string")
    try:
        re.compile(value)
    except re.error as exc:
        raise bad(f"'{name}' is not a valid regular expression: {exc}") from None
    return value


def parse_duration(text: str) -> timedelta:
    """``"7d"``, ``"12h"``, ``"1d12h"``, ``"0s"`` → timedelta; ValueError otherwise."""
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        raise ValueError(f"{text!r} is not a duration like '7d', '12h', '30m' or '0s'")
    return timedelta(**{_UNITS[u]: sum(int(n) for n, unit in parts if unit == u)
                        for u in {unit for _, unit in parts}})


def _duration(value: Any, bad: Any) -> timedelta:
    if value is None:
        return DEFAULT_REVISIT_AFTER
    if not isinstance(value, str):
        raise bad("'revisit_after' must be a string such as \"7d\" or \"12h\"")
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise bad(f"'revisit_after': {exc}") from None


def _schedule(value: Any, bad: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad("'schedule' must be a cron expression, e.g. \"10 2 * * *\"")
    from crawler.schedule.triggers import cron_trigger

    try:
        cron_trigger(value, "Asia/Shanghai")
    except ValueError as exc:
        raise bad(f"'schedule': {exc}") from None
    return " ".join(value.split())


def _hook(value: Any, bad: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _HOOK.fullmatch(value):
        raise bad("'hook' must be a dotted Python module name, e.g. \"mysites.hooks.example\"")
    return value


def _selectors(value: Any, bad: Any) -> Selectors:
    if value is None:
        return Selectors()
    if not isinstance(value, dict):
        raise bad("'selectors' must be a table")
    unknown = sorted(set(value) - set(SELECTOR_FIELDS))
    if unknown:
        raise bad(f"unknown selector(s): {', '.join(unknown)}")
    translator = GenericTranslator()
    for name, css in value.items():
        if not isinstance(css, str) or not css.strip():
            raise bad(f"selector '{name}' must be a non-empty CSS selector string")
        try:
            translator.css_to_xpath(css)
        except SelectorError as exc:
            raise bad(f"selector '{name}' is not valid CSS: {exc}") from None
    return Selectors(**{name: css.strip() for name, css in value.items()})
