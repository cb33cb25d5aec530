"""Crawl benchmark: raw Scrapy fetching vs the full product, on a generated site on 127.0.0.1.

    .venv/bin/python bench/crawl.py [--articles 5000] [--runs 2] [--out docs/crawl-benchmark.md]

One run = phase A (a bare Scrapy spider fetching every page URL of the site, no-op callback,
no pipeline) then phase B (``crawler.run.crawl_site`` on a site config naming the section
pages: discover, fetch, archive raw, clean, store into SQLite).  Each phase is a child process
whose RSS and CPU are sampled every 0.5 s; the site is served by another process
(``server.py``, pages from ``sitegen.py``).  Prints a markdown report; ``--out`` also writes
it, keeping any notes below ``NOTES_MARKER`` in that file.

For finding where phase B's time goes: ``--profile FILE`` (cProfile, prints the top
functions), ``--wrap 'py-spy record -o FILE --format raw --'`` (a sampling profiler),
``--skip-raw``, and ``--setting`` / ``--product-setting NAME=JSON`` for experiments (they show
in the report; the published figures use none).  ``bench/costs.py`` times each stage alone.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import pstats
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import server
from sampler import Sample, Sampler, cpu_seconds

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SITE_KEY = "benchsite"
WARM_UP = 0.2  # memory growth is measured from this share of the pages to the end
TARGET_RATIO = 0.2
NOTES_MARKER = "<!-- notes: everything below this line is kept when the benchmark rewrites -->"


@dataclass
class SiteServer:
    """The generated site, served by a child process; ``manifest`` is what it sent back."""

    process: Any
    counter: Any
    manifest: dict[str, Any]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.manifest['port']}"

    @property
    def page_paths(self) -> list[str]:
        return [*self.manifest["list_paths"], *self.manifest["article_paths"]]

    def served(self) -> int:
        return int(self.counter.value)


@dataclass
class Phase:
    name: str
    pages: int  # responses (A) or captures (B)
    seconds: float  # wall time of the crawl inside the child
    samples: list[Sample]
    expected: int  # requests the server should answer in this phase
    server_cpu: float  # server CPU seconds during the phase
    wall: float  # wall seconds of the whole phase (child start to exit)
    result: dict[str, Any]

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def peak_mb(self) -> float:
        return max((s.hwm_kb for s in self.samples), default=0) / 1024

    def at_share(self, share: float) -> Sample | None:
        """The first sample taken once the server had answered ``share`` of the phase."""
        return next((s for s in self.samples if s.served >= share * self.expected), None)

    @property
    def growth_mb(self) -> float | None:
        warm = self.at_share(WARM_UP)
        if warm is None or not self.samples:
            return None
        return (self.samples[-1].rss_kb - warm.rss_kb) / 1024

    @property
    def cpu_ms_per_page(self) -> float:
        idle = [s for s in self.samples if s.served == 0]
        start = idle[-1].cpu if idle else 0.0
        end = self.samples[-1].cpu if self.samples else 0.0
        return 1000 * (end - start) / self.pages if self.pages else 0.0


# --- the site --------------------------------------------------------------------------------

@contextmanager
def served_site(articles: int, encoding: str) -> Iterator[SiteServer]:
    context = multiprocessing.get_context("spawn")
    counter = context.Value("q", 0, lock=False)
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=server.serve, args=(articles, encoding, counter, send),
                              name="bench-site", daemon=True)
    process.start()
    send.close()
    try:
        manifest = receive.recv()
        yield SiteServer(process, counter, manifest)
    finally:
        process.terminate()
        process.join(10)


# --- the phases ------------------------------------------------------------------------------

def run_child(name: str, command: list[str], site: SiteServer, expected: int, work: Path,
              result_file: Path) -> tuple[list[Sample], float, float]:
    """Run one crawl child with its sampler; (samples, server CPU seconds, wall seconds)."""
    log = work / f"{name}.log"
    server_cpu = cpu_seconds(site.process.pid) or 0.0
    started = time.monotonic()
    with open(log, "wb") as err:
        child = subprocess.Popen(command, cwd=ROOT, stdout=err, stderr=subprocess.STDOUT)
        sampler = Sampler(child.pid, site.served).start()
        code = child.wait()
        sampler.stop()
    wall = time.monotonic() - started
    server_cpu = (cpu_seconds(site.process.pid) or 0.0) - server_cpu
    if code != 0 or not result_file.exists():
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{name} failed (exit {code}); its log ends:\n{tail}")
    return sampler.samples, server_cpu, wall


def phase_a(site: SiteServer, settings: dict[str, Any], work: Path) -> Phase:
    urls = work / "urls.txt"
    urls.write_text("".join(f"{site.base}{p}\n" for p in site.page_paths), encoding="utf-8")
    result_file = work / "raw.json"
    command = [sys.executable, str(HERE / "raw_fetch.py"), str(urls), str(result_file),
               json.dumps(settings)]
    expected = len(site.page_paths)
    samples, server_cpu, wall = run_child("phase-a", command, site, expected, work, result_file)
    result = json.loads(result_file.read_text(encoding="utf-8"))
    return Phase("A raw Scrapy", result["responses"], result["seconds"], samples, expected,
                 server_cpu, wall, result)


def site_config(site: SiteServer) -> str:
    """What a user would write for this site: its name, its section pages, and a budget that
    covers the site (the default ``max_pages`` of 500 would stop the crawl early)."""
    starts = ", ".join(f'"{site.base}{p}"' for p in site.manifest["start_paths"])
    budget = (len(site.page_paths) // 1000 + 2) * 1000
    return f'name = "淮河市人民政府"\nstart_urls = [{starts}]\nmax_pages = {budget}\n'


def phase_b(site: SiteServer, settings: dict[str, Any], work: Path, profile: Path | None,
            wrap: list[str]) -> Phase:
    home, sites_dir = work / "home", work / "sites"
    sites_dir.mkdir()
    (sites_dir / f"{SITE_KEY}.toml").write_text(site_config(site), encoding="utf-8")
    result_file = work / "product.json"
    prefix = [*wrap, sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else [])]
    command = [*prefix, str(HERE / "product_crawl.py"), SITE_KEY, str(home), str(sites_dir),
               str(result_file), json.dumps({**settings, "ROBOTSTXT_OBEY": True})]
    expected = len(site.page_paths) + 1  # and robots.txt
    samples, server_cpu, wall = run_child("phase-b", command, site, expected, work, result_file)
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["check"] = check_archive(home, site)
    return Phase("B full product", result["captures"], result["seconds"], samples, expected,
                 server_cpu, wall, result)


def check_archive(home: Path, site: SiteServer) -> dict[str, Any]:
    """Documents archived vs articles served, and whether their cleaned fields are right."""
    from archive import open_archive  # the parent needs the archive only here
    from archive.timeutil import SHANGHAI

    facts = site.manifest["facts"]
    counts = dict.fromkeys(("documents", "duplicates", "unknown_url", "wrong_title",
                            "wrong_published", "wrong_source", "missing_first_paragraph"), 0)
    with open_archive(home=home) as archive:
        for doc in archive.documents(site=SITE_KEY, include_duplicates=True):
            counts["documents"] += 1
            counts["duplicates"] += doc.duplicate_of is not None
            fact = facts.get("/" + doc.url.split("/", 3)[-1])
            if fact is None:
                counts["unknown_url"] += 1
                continue
            title, published, source, first = fact
            shown = doc.published.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M") \
                if doc.published else None
            counts["wrong_title"] += doc.title != title
            counts["wrong_published"] += shown != published
            counts["wrong_source"] += doc.source != source
            counts["missing_first_paragraph"] += first not in doc.body
    db = home / "archive.sqlite3"
    return {**counts, "articles": len(facts),
            "db_mb": round(db.stat().st_size / 2**20, 1) if db.exists() else None,
            "blobs_mb": round(_size(home / "blobs") / 2**20, 1)}


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0
# --- the report ------------------------------------------------------------------------------

def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}"


def table(runs: list[tuple[Phase, Phase]]) -> list[str]:
    lines = ["| run | phase | pages | seconds | pages/s | crawler CPU ms/page | server CPU | "
             "peak RSS MB | RSS growth after warm-up MB |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for number, pair in enumerate(runs, 1):
        for phase in pair:
            busy = phase.server_cpu / phase.seconds if phase.seconds else 0.0
            lines.append(
                f"| {number} | {phase.name} | {phase.pages} | {phase.seconds:.1f} | "
                f"{phase.rate:.0f} | {phase.cpu_ms_per_page:.2f} | {busy:.0%} | "
                f"{phase.peak_mb:.0f} | {_mb(phase.growth_mb)} |")
    return lines


def rss_curve(phase: Phase) -> str:
    points = []
    for share in (0.1, 0.2, 0.4, 0.6, 0.8, 1.0):
        sample = phase.at_share(share)
        if sample is not None:
            points.append(f"{share:.0%}: {sample.rss_kb / 1024:.0f}")
    return ", ".join(points)


def _statuses(result: dict[str, Any]) -> str:
    statuses = result.get("statuses", {})
    return ", ".join(f"{count} × HTTP {status}" for status, count in sorted(statuses.items()))


def check_line(check: dict[str, Any]) -> str:
    ok = check["documents"] == check["articles"]
    faults = {k: v for k, v in check.items()
              if k in ("duplicates", "unknown_url", "wrong_title", "wrong_published",
                       "wrong_source", "missing_first_paragraph") and v}
    return (f"{check['documents']} documents for {check['articles']} articles "
            f"({'OK' if ok else 'MISMATCH'}); "
            + (", ".join(f"{k}: {v}" for k, v in faults.items()) or "titles, publish times, "
               "sources and first paragraphs all as generated")
            + f"; SQLite {check['db_mb']} MB, blobs {check['blobs_mb']} MB")


def report(runs: list[tuple[Phase, Phase]], site: SiteServer, args: argparse.Namespace,
           settings: dict[str, Any], command: str) -> str:
    import scrapy

    pages = len(site.page_paths)
    lines = [
        "# Crawl benchmark", "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on this machine ({os.cpu_count()} cores, "
        f"Python {platform.python_version()}, Scrapy {scrapy.__version__}, "
        f"SQLite {_sqlite_version()}){' under cProfile' if args.profile else ''}, with:", "",
        "```sh", command, "```", "",
        f"Site: {args.articles} generated articles + {len(site.manifest['list_paths'])} list "
        f"pages = {pages} pages, {site.manifest['bytes'] / pages / 1024:.1f} KB a page on "
        f"average, {args.encoding}, served from prebuilt bytes by an asyncio HTTP/1.1 server "
        "(keep-alive) in its own process on 127.0.0.1.",
        "Both phases: " + ", ".join(f"`{k}={v}`" for k, v in settings.items()) +
        "; phase B also `ROBOTSTXT_OBEY=True`"
        + "".join(f", `{k}={v}`" for k, v in args.product_settings.items()) + ".", "",
        *table(runs), "",
    ]
    for number, (a, b) in enumerate(runs, 1):
        ratio = b.rate / a.rate if a.rate else 0.0
        verdict = "meets" if ratio >= TARGET_RATIO else "is below"
        lines += [
            f"Run {number}: **B/A = {ratio:.3f}** ({verdict} the {TARGET_RATIO}× target). "
            f"Raw fetch: {_statuses(a.result)}. Product run: {b.result['status']}, "
            f"{b.result['errors']} errors, {b.result['new_documents']} new documents; archive: "
            f"{check_line(b.result['check'])}. Phase B RSS (MB) by share of pages served: "
            f"{rss_curve(b)}.", ""]
    lines += [
        "Pages/s = responses (A) or captures (B) / wall time of the crawl inside the child "
        "process (`process.start()` / `crawl_site()`; interpreter start-up and imports "
        "excluded). Peak RSS is the kernel's VmHWM of the crawl process; growth is VmRSS at "
        f"the end minus VmRSS once {WARM_UP:.0%} of the pages were served (sampled every "
        "0.5 s). Server CPU is the serving process's CPU seconds over the crawl's wall "
        "time: well under 100% means the server was not the bottleneck.", ""]
    return "\n".join(lines)


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def write_out(path: Path, text: str) -> None:
    notes = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARKER in old:
            notes = old[old.index(NOTES_MARKER) + len(NOTES_MARKER):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{text}\n{NOTES_MARKER}{notes or chr(10)}", encoding="utf-8")


def print_profile(profile: Path, count: int = 30) -> None:
    stats = pstats.Stats(str(profile))
    stats.strip_dirs()
    for order in ("tottime", "cumulative"):
        print(f"\n--- phase B profile, top {count} by {order} ---")
        stats.sort_stats(order).print_stats(count)


# --- main ------------------------------------------------------------------------------------

def product_concurrent_items() -> int:
    """The product's CONCURRENT_ITEMS, given to both phases: Scrapy spends ~1 ms per callback
    starting that many tasks (100 by default) even for a callback that returns nothing, so a
    product that lowers it must not be compared with a raw crawl that does not."""
    from crawler.run import crawl_settings

    return crawl_settings().getint("CONCURRENT_ITEMS")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/crawl.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=1, help="A-then-B runs (default 1)")
    parser.add_argument("--encoding", choices=("utf-8", "gbk"), default="utf-8")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--out", type=Path, help="also write the report here")
    parser.add_argument("--profile", type=Path, help="run phase B under cProfile into FILE")
    parser.add_argument("--wrap", help="prefix phase B's command with this (a sampling "
                        "profiler: 'py-spy record -o FILE --'); RSS is then the wrapper's")
    parser.add_argument("--skip-raw", action="store_true", help="phase B only (profiling)")
    parser.add_argument("--setting", metavar="NAME=JSON", action="append", default=[],
                        help="experiment: an extra Scrapy setting for both phases")
    parser.add_argument("--product-setting", metavar="NAME=JSON", action="append", default=[],
                        help="experiment: an extra Scrapy setting for phase B only (the "
                        "report shows it; not for the published figures)")
    args = parser.parse_args(argv)
    args.settings = _settings(args.setting)
    args.product_settings = _settings(args.product_setting)
    return args


def _settings(items: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            settings[name] = json.loads(value)
        except ValueError:
            settings[name] = value
    return settings


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for name in ("NEWSARCHIVE_DB", "NEWSARCHIVE_HOME", "NEWSARCHIVE_SITES_DIR"):
        os.environ.pop(name, None)  # the benchmark's archive is its own temp SQLite
    settings = {"CONCURRENT_REQUESTS": args.concurrency,
                "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
                "CONCURRENT_ITEMS": product_concurrent_items(), "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING", **args.settings}
    command = shlex.join([".venv/bin/python", "bench/crawl.py",
                          *(argv if argv is not None else sys.argv[1:])])
    runs: list[tuple[Phase, Phase]] = []
    with served_site(args.articles, args.encoding) as site:
        for number in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
                work = Path(tmp)
                a = phase_a(site, settings, work) if not args.skip_raw else None
                b = phase_b(site, {**settings, **args.product_settings}, work, args.profile,
                            shlex.split(args.wrap or ""))
                if a is None:
                    a = Phase("A raw Scrapy (skipped)", 0, 0.0, [], 0, 0.0, 0.0, {})
                print(f"run {number}: A {a.rate:.0f} pages/s, B {b.rate:.0f} pages/s",
                      file=sys.stderr)
                runs.append((a, b))
        text = report(runs, site, args, settings, command)
    print(text)
    if args.out:
        write_out(args.out, text)
    if args.profile:
        print_profile(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
