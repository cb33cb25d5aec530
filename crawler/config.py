"""The operator's configuration file (TOML): where the archive is, how crawls run, the
schedule's defaults, health and notifications.  ``deploy/newsarchive.example.toml`` shows
every key.

Found through ``--config FILE`` or ``NEWSARCHIVE_CONFIG``; nothing is read implicitly, so a
command behaves the same wherever it is run from.  Precedence: command-line option, then
environment variable, then this file, then the built-in default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.sites.config import parse_duration

CONFIG_ENV = "NEWSARCHIVE_CONFIG"
SECTIONS = {
    "archive": {"home", "db"},
    "crawl": {"sites_dir", "contact", "time_limit", "base_urls", "settings"},
    "schedule": {"timezone", "window", "max_parallel", "misfire_grace"},
    "health": {"history"},
    "notify": {"repeat_after", "webhook", "email"},
}


class ConfigError(ValueError):
    """A bad configuration file; the message is one line naming the file and key."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    home: str | None = None
    db: str | None = None
    sites_dir: str | None = None
    contact: str | None = None
    time_limit: timedelta = timedelta(hours=4)  # wall clock of one crawl run
    base_urls: dict[str, str] = field(default_factory=dict)
    scrapy_settings: dict[str, Any] = field(default_factory=dict)
    timezone: str = "Asia/Shanghai"
    window: tuple[int, int] = (60, 300)  # minutes after midnight: default nightly runs
    max_parallel: int = 2
    misfire_grace: timedelta = timedelta(hours=6)
    health_history: int = 10
    repeat_after: timedelta = timedelta(hours=24)
    notify: dict[str, Any] = field(default_factory=dict)  # see crawler.notify

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def find_config(given: str | None) -> Config:
    """The config named by ``--config`` or ``NEWSARCHIVE_CONFIG``, else the defaults."""
    path = given or os.environ.get(CONFIG_ENV)
    return load_config(path) if path else Config()


def load_config(path: str | os.PathLike[str]) -> Config:
    where = Path(path)
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config {where}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    return _parse(data, where)


def _parse(data: Mapping[str, Any], where: Path) -> Config:
    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {why}")

    for section, value in data.items():
        if section not in SECTIONS:
            raise bad(section, f"unknown section (known: {', '.join(SECTIONS)})")
        if not isinstance(value, dict):
            raise bad(section, "must be a table ([" + section + "])")
        for key in value:
            if key not in SECTIONS[section]:
                raise bad(f"{section}.{key}", "unknown key")

    def get(section: str, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = data.get(section, {}).get(key, default)
        if value is not default and not isinstance(value, kind):
            raise bad(f"{section}.{key}", f"must be {_kind_name(kind)}")
        return value

    def duration(section: str, key: str, default: timedelta) -> timedelta:
        text = get(section, key, str)
        if text is None:
            return default
        try:
            value = parse_duration(text)
        except ValueError as exc:
            raise bad(f"{section}.{key}", str(exc)) from None
        if value <= timedelta(0):
            raise bad(f"{section}.{key}", "must be longer than 0s")
        return value

    def positive(section: str, key: str, default: int) -> int:
        value = get(section, key, int, default)
        if isinstance(value, bool) or value < 1:
            raise bad(f"{section}.{key}", "must be a whole number of at least 1")
        return int(value)

    timezone = get("schedule", "timezone", str, "Asia/Shanghai")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise bad("schedule.timezone", f"unknown time zone {timezone!r}") from None
    base_urls = get("crawl", "base_urls", dict, {})
    for host, url in base_urls.items():
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise bad(f"crawl.base_urls.{host}", "must be an http(s) URL")
    # Checked by crawler.notify.targets_from_config, which knows the targets' keys.
    notify = {key: value for key, value in data.get("notify", {}).items()
              if key in ("webhook", "email")}
    return Config(
        path=where,
        home=get("archive", "home", str),
        db=get("archive", "db", str),
        sites_dir=get("crawl", "sites_dir", str),
        contact=get("crawl", "contact", str),
        time_limit=duration("crawl", "time_limit", Config.time_limit),
        base_urls=dict(base_urls),
        scrapy_settings=dict(get("crawl", "settings", dict, {})),
        timezone=timezone,
        window=_window(get("schedule", "window", str, "01:00-05:00"),
                       lambda why: bad("schedule.window", why)),
        max_parallel=positive("schedule", "max_parallel", 2),
        misfire_grace=duration("schedule", "misfire_grace", Config.misfire_grace),
        health_history=positive("health", "history", 10),
        repeat_after=duration("notify", "repeat_after", Config.repeat_after),
        notify=notify,
    )


def _window(text: str, bad: Any) -> tuple[int, int]:
    try:
        start, end = (_minutes(part) for part in text.split("-"))
    except ValueError:
        raise bad(f"{text!r} is not a window like \"01:00-05:00\"") from None
    if end <= start:
        raise bad("must end after it starts, within one day")
    return start, end


def _minutes(text: str) -> int:
    hours, minutes = text.strip().split(":")
    value = int(hours) * 60 + int(minutes)
    if not (0 <= int(minutes) < 60 and 0 <= value <= 24 * 60):
        raise ValueError(text)
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", dict: "a table", list: "a list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)
