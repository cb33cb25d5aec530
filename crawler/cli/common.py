"""What every verb shares: opening the archive from the global options, errors, tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from archive import Archive, open_archive
from archive.timeutil import local, parse_user_date


class CliError(Exception):
    """Reported as one line on stderr with a nonzero exit."""


def open_from(args: argparse.Namespace) -> Archive:
    return open_archive(home=args.home, db=args.db)


def user_date(text: str | None, *, end_of_day: bool = False) -> datetime | None:
    """A ``--since``/``--until`` value; a bare date as ``--until`` includes that whole day."""
    if text is None:
        return None
    try:
        value = parse_user_date(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if end_of_day and len(text.strip()) == 10:
        value += timedelta(days=1, microseconds=-1)
    return value


def when(value: datetime | None, minutes: bool = True) -> str:
    shown = local(value)
    if shown is None:
        return "-"
    return shown.strftime("%Y-%m-%d %H:%M" if minutes else "%Y-%m-%d")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Columns padded to their widest cell, counting CJK characters as two columns."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        padded = (cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row))
        sys.stdout.write("  ".join(padded).rstrip() + "\n")


def shorten(text: str | None, limit: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if _width(text) <= limit else _cut(text, limit - 1) + "…"


def _width(text: str) -> int:
    return sum(2 if ord(ch) >= 0x1100 and not 0xFF61 <= ord(ch) <= 0xFFDC else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit:
            break
        out.append(ch)
    return "".join(out)
