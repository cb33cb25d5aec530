"""The crawl progress extension: its text, and real crawls (child processes) on a pipe and on a
pseudo-terminal against the local web server."""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import textwrap
import time
import tty
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extensions.progress import (
    CrawlProgress,
    Figures,
    duration_text,
    final_text,
    fit,
    progress_text,
)
from tests.webserver import WebServer

ROOT = Path(__file__).resolve().parents[2]
PAGES = 30
BOOM_PAGE = 7  # its callback raises after following on: one spider exception, one error

# A plain Scrapy spider (not the project's settings or pipeline) walking a chain of pages;
# prints what the crawl did as JSON on stdout.  argv: start URL, settings as JSON.
CHILD = textwrap.dedent("""
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Chain(scrapy.Spider):
        name = "progress-test"
        site_key = "hongze"
        start_urls = [sys.argv[1]]

        def parse(self, response):
            yield from response.follow_all(css="a")
            if response.css(".boom"):
                raise RuntimeError("boom")

    process = CrawlerProcess(json.loads(sys.argv[2]))
    crawler = process.create_crawler(Chain)
    process.crawl(crawler)
    process.start()
    progress = [ext for ext in crawler.extensions.middlewares
                if type(ext).__name__ == "CrawlProgress"]
    print(json.dumps({
        "pages": crawler.stats.get_value("downloader/response_count"),
        "reason": crawler.stats.get_value("finish_reason"),
        "progress_writing": [ext.stream is not None for ext in progress],
    }))
""")


def chain_site(web: WebServer) -> str:
    for number in range(PAGES):
        link = f'<a href="/p/{number + 1}">next</a>' if number + 1 < PAGES else ""
        boom = '<p class="boom">x</p>' if number == BOOM_PAGE else ""
        web.route(f"/p/{number}", f"<html><body><p>page {number}</p>{link}{boom}</body></html>")
    return web.url("/p/0")


def crawl_settings(mode: str, interval: float) -> str:
    return json.dumps({
        "EXTENSIONS": {"crawler.extensions.progress.CrawlProgress": 500},
        "CRAWL_PROGRESS": mode,
        "CRAWL_PROGRESS_INTERVAL": interval,
        "DOWNLOAD_DELAY": 0.05,
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "CRITICAL",  # only our output on stderr
    })


def child_command(web: WebServer, mode: str, interval: float) -> list[str]:
    return [sys.executable, "-c", CHILD, chain_site(web), crawl_settings(mode, interval)]


def child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)  # the width must come from the terminal itself
    return env


# --- the text ---------------------------------------------------------------------------------

def test_progress_line_names_every_figure() -> None:
    figures = Figures("hongze", pages=120, new=40, new_versions=2, errors=1, queued=15,
                      rate=3.21)
    assert progress_text(figures) == (
        "hongze: 120 pages (3.2/s), 40 new, 2 new versions, 1 error, 15 queued")


def test_progress_line_singulars_and_no_queue_figure() -> None:
    figures = Figures("jiading", pages=1, new=0, new_versions=1, errors=0, queued=None, rate=0)
    assert progress_text(figures) == (
        "jiading: 1 page (0.0/s), 0 new, 1 new version, 0 errors")


def test_final_line_has_reason_duration_and_overall_rate() -> None:
    figures = Figures("hongze", pages=131, new=42, new_versions=2, errors=3, queued=0,
                      rate=3.54)
    assert final_text(figures, "finished", 37.4) == (
        "hongze: done (finished) in 37 s: 131 pages (3.5/s), 42 new, 2 new versions, 3 errors")
    assert final_text(figures, "shutdown", 3725).startswith(
        "hongze: done (shutdown) in 1 h 02 min: ")


def test_durations() -> None:
    assert [duration_text(s) for s in (0, 59.4, 60, 245, 3599, 7380)] == [
        "0 s", "59 s", "1 min 00 s", "4 min 05 s", "59 min 59 s", "2 h 03 min"]


def test_fit_counts_terminal_cells() -> None:
    assert fit("hongze: 12 pages", 40) == "hongze: 12 pages"
    assert fit("hongze: 12 pages", 10) == "hongze: 1…"
    # CJK characters take two cells each: 4 of them fill 8 of the 9 cells, the ellipsis one.
    assert fit("洪泽区工业信息化局", 9) == "洪泽区工…"


def make_crawler(**settings: Any) -> Crawler:
    return Crawler(Spider, {"TELNETCONSOLE_ENABLED": False, **settings})


def test_off_by_default_and_bad_setting_is_one_line() -> None:
    with pytest.raises(NotConfigured):
        CrawlProgress.from_crawler(make_crawler())
    with pytest.raises(ValueError) as bad_mode:
        CrawlProgress.from_crawler(make_crawler(CRAWL_PROGRESS="loud"))
    assert str(bad_mode.value) == (
        "CRAWL_PROGRESS must be one of off, auto, tty, lines, not 'loud'")
    with pytest.raises(ValueError) as bad_interval:
        CrawlProgress.from_crawler(make_crawler(CRAWL_PROGRESS="lines",
                                                CRAWL_PROGRESS_INTERVAL="soon"))
    assert "\n" not in str(bad_interval.value)


def test_auto_picks_lines_off_a_terminal_with_its_default_interval(tmp_path: Path) -> None:
    with (tmp_path / "err.txt").open("w") as not_a_tty:
        progress = CrawlProgress(make_crawler(), mode="auto", interval=0, stream=not_a_tty)
    assert (progress.mode, progress.interval) == ("lines", 15.0)


# --- real crawls ------------------------------------------------------------------------------

PERIODIC = re.compile(r"hongze: (\d+) pages? \((\d+\.\d)/s\), 0 new, 0 new versions, "
                      r"(\d+) errors?, (\d+) queued")
FINAL = re.compile(rf"hongze: done \(finished\) in \d+ s: {PAGES} pages \((\d+\.\d)/s\), "
                   r"0 new, 0 new versions, 1 error")


@pytest.mark.slow
def test_lines_on_a_pipe_show_the_crawl_advancing(web: WebServer) -> None:
    proc = subprocess.run(child_command(web, "lines", 0.25), cwd=ROOT, env=child_env(),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout)["pages"] == PAGES
    lines = proc.stderr.splitlines()
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    periodic = [PERIODIC.fullmatch(line) for line in lines[:-1]]
    assert all(periodic), lines
    counts = [tuple(int(match[n]) for n in (1, 3, 4)) for match in periodic if match]
    pages = [count[0] for count in counts]
    assert len(set(pages)) >= 3, lines
    assert pages == sorted(pages) and pages[0] > 0 and pages[-1] <= PAGES
    # A line only when something changed; the spider's exception shows up as an error.
    assert all(a != b for a, b in itertools.pairwise(counts)), lines
    errors = [count[1] for count in counts]
    assert errors == sorted(errors) and set(errors) <= {0, 1}
    assert any(float(match[2]) > 0 for match in periodic if match)
    final = FINAL.fullmatch(lines[-1])
    assert final, lines[-1]
    assert float(final[1]) > 0


@pytest.mark.slow
def test_tty_rewrites_one_line_fitted_to_the_terminal(web: WebServer) -> None:
    columns = 60
    master, slave = pty.openpty()
    tty.setraw(slave)  # no \n -> \r\n translation: read exactly what the extension wrote
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen(child_command(web, "auto", 0.1), cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    output = read_until_closed(master, deadline=time.monotonic() + 60)
    stdout, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output[-3000:]
    assert json.loads(stdout)["pages"] == PAGES

    assert output.endswith("\n") and output.count("\n") == 1, output
    *live, final = output.split("\r")[1:]
    assert len(live) >= 3, output
    for line in live:
        assert line.endswith("\x1b[K")
        assert len(line.removesuffix("\x1b[K")) <= columns - 1
    # The full live line is longer than the terminal: it was cut, not wrapped.
    assert any(line.startswith("hongze: ") and "…" in line for line in live), live
    assert FINAL.fullmatch(final.removesuffix("\x1b[K\n")), final


def read_until_closed(master: int, *, deadline: float) -> str:
    """All a pseudo-terminal's child wrote, up to its exit (reads then fail with EIO)."""
    chunks = []
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
    except OSError:
        pass
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.slow
def test_a_closed_stream_turns_progress_off_not_the_crawl(web: WebServer) -> None:
    proc = subprocess.Popen(child_command(web, "lines", 0.1), cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    proc.stderr.close()  # nobody reads: the first progress line meets a broken pipe
    stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    result = json.loads(stdout)
    assert (result["pages"], result["reason"]) == (PAGES, "finished")
    assert result["progress_writing"] == [False]
