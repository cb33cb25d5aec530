"""Cron expressions for sites: theirs, or a nightly time staggered across the window."""

from __future__ import annotations

import zlib
from datetime import tzinfo

from apscheduler.triggers.cron import CronTrigger

FIELDS_5 = ("minute", "hour", "day", "month", "day_of_week")
FIELDS_6 = ("second", *FIELDS_5)


def cron_trigger(expression: str, timezone: tzinfo | str) -> CronTrigger:
    """A crontab line (5 fields) or one with seconds first (6 fields, for sub-minute
    schedules); ValueError with APScheduler's reason when a field is wrong.

    Day-of-week numbers follow crontab (0 or 7 = Sunday), not APScheduler (0 = Monday)."""
    values = expression.split()
    if len(values) not in (5, 6):
        raise ValueError(f"{expression!r} needs 5 fields (minute hour day month weekday), "
                         "or 6 with seconds first")
    names = FIELDS_5 if len(values) == 5 else FIELDS_6
    fields = dict(zip(names, values, strict=True))
    fields["day_of_week"] = _crontab_weekdays(fields["day_of_week"])
    try:
        return CronTrigger(timezone=timezone, **fields)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ValueError(f"{expression!r}: {exc}") from None


def _crontab_weekdays(text: str) -> str:
    """crontab counts weekdays from Sunday = 0 (or 7); APScheduler from Monday = 0, so numeric
    items are spelled out by name (ranges expanded: "0-2" would wrap in APScheduler's count)."""
    names = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
    out = []
    for item in text.split(","):
        span, _, step = item.partition("/")
        low, _, high = ("0-6" if span == "*" and step else span).partition("-")
        if not (low.isdigit() and (not high or high.isdigit())):
            out.append(item)  # "*", "*/2", names: the same in both
            continue
        last = int(high) if high else (7 if step else int(low))
        days = range(int(low), last + 1, int(step) if step else 1)
        if any(day > 7 for day in days):
            raise ValueError(f"day of week {item!r} is out of range 0-7")
        out.extend(dict.fromkeys(names[day] for day in days))
    return ",".join(out)


def staggered(key: str, window: tuple[int, int]) -> str:
    """The nightly cron of a site without its own: a minute of the window chosen by the key,
    so each site keeps its time when others are added and the sites spread over the night."""
    start, end = window
    minute = start + zlib.crc32(key.encode()) % max(end - start, 1)
    return f"{minute % 60} {minute // 60 % 24} * * *"
