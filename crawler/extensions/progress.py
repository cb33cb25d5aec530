"""Shows a crawl's progress on stderr while it runs: ``CRAWL_PROGRESS`` = off | auto | tty | lines.

- ``tty``: one live line rewritten in place (``\\r`` ... ``\\x1b[K``) every half second, then a
  final line ending in a newline so the shell prompt starts on a line of its own;
- ``lines``: a plain line per interval (only when a figure changed), for logs and pipes;
- ``auto``: ``tty`` when the stream is a terminal, else ``lines``.

Figures come from the crawler's stats, read on each tick of a looping call (like Scrapy's
LogStats), so the extension costs nothing per request.  A stream that breaks (closed pipe) just
turns the extension off: progress is a courtesy and must never fail a crawl.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
import unicodedata
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawler.pipelines import error_count

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.utils.asyncio import AsyncioLoopingCall
    from twisted.internet.task import LoopingCall

logger = logging.getLogger(__name__)

MODES = ("off", "auto", "tty", "lines")
DEFAULT_INTERVAL = {"tty": 0.5, "lines": 15.0}
# A rate over half a second jumps between 0 and 4/s at our politeness; the live line averages
# over a few seconds instead (the lines mode's window is its interval, already longer).
MIN_RATE_WINDOW = 5.0
CLEAR_TO_EOL = "\x1b[K"


@dataclass(frozen=True)
class Figures:
    """What a progress line shows: the counts so far, and the recent rate in pages a second."""

    site: str
    pages: int = 0
    new: int = 0
    new_versions: int = 0
    errors: int = 0
    queued: int | None = None
    rate: float = 0.0

    def counts(self) -> tuple[int, int, int, int, int | None]:
        """The figures whose change makes a new line worth printing (the rate is not one)."""
        return (self.pages, self.new, self.new_versions, self.errors, self.queued)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _totals(figures: Figures) -> str:
    parts = [f"{figures.new} new",
             _count(figures.new_versions, "new version", "new versions"),
             _count(figures.errors, "error", "errors")]
    return ", ".join(parts)


def progress_text(figures: Figures) -> str:
    """``hongze: 120 pages (3.2/s), 40 new, 2 new versions, 1 error, 15 queued``."""
    text = (f"{figures.site}: {_count(figures.pages, 'page', 'pages')} ({figures.rate:.1f}/s), "
            f"{_totals(figures)}")
    if figures.queued is not None:
        text += f", {figures.queued} queued"
    return text


def duration_text(seconds: float) -> str:
    """``37 s``, ``4 min 05 s``, ``2 h 03 min``."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def final_text(figures: Figures, reason: str, elapsed: float) -> str:
    """``hongze: done (finished) in 37 s: 131 pages (3.5/s), 42 new, 2 new versions, 0 errors``.

    ``figures.rate`` here is the whole crawl's."""
    return (f"{figures.site}: done ({reason}) in {duration_text(elapsed)}: "
            f"{_count(figures.pages, 'page', 'pages')} ({figures.rate:.1f}/s), "
            f"{_totals(figures)}")


def fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal cells (CJK characters take two), with an ellipsis.

    A line exactly as wide as the terminal makes some terminals wrap, and a wrapped line can no
    longer be rewritten with ``\\r``, so callers pass the width minus one."""
    def cells(char: str) -> int:
        return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1

    if sum(cells(char) for char in text) <= columns:
        return text
    out, used = [], 0
    for char in text:
        if used + cells(char) > columns - 1:
            break
        out.append(char)
        used += cells(char)
    return "".join(out) + ("…" if columns > 0 else "")


def terminal_columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to.

    The stream's own terminal first: shutil.get_terminal_size asks stdout's, and stdout may be
    redirected (``newsarchive crawl x > summary.txt``) while stderr is the terminal.  A fresh
    pseudo-terminal reports 0 columns; shutil then falls back to $COLUMNS or 80."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    return columns or shutil.get_terminal_size().columns


def stream_is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed, or not a real file
        return False


class CrawlProgress:
    def __init__(self, crawler: Crawler, *, mode: str, interval: float,
                 stream: TextIO | None = None) -> None:
        self.crawler = crawler
        # Read now, not at import: a test or the CLI may have replaced sys.stderr.
        self.stream: TextIO | None = stream if stream is not None else sys.stderr
        if mode == "auto":
            mode = "tty" if stream_is_tty(self.stream) else "lines"
        self.mode = mode
        self.interval = interval or DEFAULT_INTERVAL[mode]
        self.rate_window = max(self.interval, MIN_RATE_WINDOW) if mode == "tty" else self.interval
        self.task: AsyncioLoopingCall | LoopingCall | None = None
        self.started = time.monotonic()
        # (monotonic time, pages) at recent ticks, oldest first: the rate's window.
        self.samples: deque[tuple[float, int]] = deque()
        # Nothing is printed until a figure moves off zero.
        self.last_counts: tuple[int, int, int, int, int | None] = (0, 0, 0, 0, 0)
        self.site = "crawl"

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        mode = str(settings.get("CRAWL_PROGRESS") or "off").strip().lower()
        if mode not in MODES:
            raise ValueError(f"CRAWL_PROGRESS must be one of {', '.join(MODES)}, "
                             f"not {settings.get('CRAWL_PROGRESS')!r}")
        if mode == "off":
            raise NotConfigured
        try:
            interval = settings.getfloat("CRAWL_PROGRESS_INTERVAL", 0.0)
        except ValueError:
            raise ValueError("CRAWL_PROGRESS_INTERVAL must be a number of seconds, not "
                             f"{settings.get('CRAWL_PROGRESS_INTERVAL')!r}") from None
        if interval < 0:
            raise ValueError(f"CRAWL_PROGRESS_INTERVAL must not be negative, not {interval}")
        extension = cls(crawler, mode=mode, interval=interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    # --- signals ------------------------------------------------------------------------------

    def spider_opened(self, spider: Spider) -> None:
        self.site = str(getattr(spider, "site_key", None) or spider.name)
        self.started = time.monotonic()
        self.samples = deque([(self.started, 0)])
        self.task = create_looping_call(self.tick)
        # The first tick after one interval: at once there is nothing to show yet.
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self._stop()
        try:
            elapsed = time.monotonic() - self.started
            figures = self.figures(overall=True)
            text = final_text(figures, reason, elapsed)
            if self.mode == "tty":
                self._write(f"\r{text}{CLEAR_TO_EOL}\n")
            else:
                self._write(f"{text}\n")
        except Exception as exc:  # progress must never fail a crawl
            self._disable(exc)

    # --- ticks --------------------------------------------------------------------------------

    def tick(self) -> None:
        if self.stream is None:  # turned off by a broken stream
            return
        try:
            figures = self.figures()
            if self.mode == "tty":
                width = terminal_columns(self.stream)
                self._write(f"\r{fit(progress_text(figures), width - 1)}{CLEAR_TO_EOL}")
            elif figures.counts() != self.last_counts:
                self._write(f"{progress_text(figures)}\n")
            self.last_counts = figures.counts()
        except Exception as exc:  # raised, it would end the looping call noisily
            self._disable(exc)

    def figures(self, *, overall: bool = False) -> Figures:
        """The stats now; the rate over the recent window, or over the whole crawl."""
        stats: dict[str, Any] = self.crawler.stats.get_stats() if self.crawler.stats else {}
        pages = int(stats.get("downloader/response_count", 0))
        now = time.monotonic()
        if overall:
            elapsed = now - self.started
            rate = pages / elapsed if elapsed > 0 else 0.0
        else:
            self.samples.append((now, pages))
            # Keep the newest sample at least a window old as the window's start.
            while len(self.samples) > 2 and now - self.samples[1][0] >= self.rate_window:
                self.samples.popleft()
            since, pages_then = self.samples[0]
            rate = (pages - pages_then) / (now - since) if now > since else 0.0
        enqueued = stats.get("scheduler/enqueued")
        queued = None if enqueued is None else int(enqueued) - int(
            stats.get("scheduler/dequeued", 0))
        return Figures(
            site=self.site,
            pages=pages,
            new=int(stats.get("archive/outcome/new", 0)),
            new_versions=int(stats.get("archive/outcome/new_version", 0)),
            errors=error_count(stats),
            queued=queued,
            rate=rate,
        )

    # --- output -------------------------------------------------------------------------------

    def _write(self, text: str) -> None:
        if self.stream is None:
            return
        self.stream.write(text)
        self.stream.flush()

    def _stop(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

    def _disable(self, exc: Exception) -> None:
        self.stream = None
        self._stop()
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        logger.warning("crawl progress turned off: %s", first_line)
