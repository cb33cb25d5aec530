"""Timezone rules in one place: stored in UTC, shown in Asia/Shanghai."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """A naive datetime is taken to be Asia/Shanghai wall time (the sites' own zone)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=SHANGHAI)


def local(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value).astimezone(SHANGHAI)


def parse_user_date(text: str) -> datetime:
    """Parse a date given on the command line or to the API (``2024-07-24`` or ISO 8601)."""
    try:
        return aware(datetime.fromisoformat(text.strip()))
    except ValueError:
        raise ValueError(f"bad date {text!r}: use YYYY-MM-DD or ISO 8601") from None
