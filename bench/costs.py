"""Where a product page's time goes, without Scrapy: each stage timed alone, serially.

    .venv/bin/python bench/costs.py [--articles 2000]

Runs the product's own functions over the benchmark site's pages in one process: parsing and
link discovery as the spider does it, cleaning, and ``Archive.record`` (blob + one SQLite
transaction) split into its steps by wrapping the archive's functions with timers (the
product's code is not changed).  Prints milliseconds per page for each stage; compare their
sum with a crawl's CPU ms/page from ``bench/crawl.py``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import sitegen
from scrapy.http import HtmlResponse
from sqlalchemy.engine.default import DefaultDialect

import archive.blobs
import archive.frontier
import archive.store
import archive.write
from archive import Fetch, Visit, canonicalize, clean, open_archive
from crawler.adapters import generic, multipage

HOST = "http://www.huaihe.example.cn"
TIMES: dict[str, float] = defaultdict(float)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - started
    return wrapper


def instrument() -> None:
    """Timers around the steps of Archive.record (module globals are looked up per call)."""
    for name in ("ensure_site", "record_fetch", "_archive_article", "_count", "_settle_visit",
                 "_next_seq"):
        setattr(archive.write, name, timed(f"write.{name}", getattr(archive.write, name)))
    archive.store.ensure_site = archive.write.ensure_site  # type: ignore[attr-defined]
    archive.store.record_fetch = archive.write.record_fetch  # type: ignore[attr-defined]
    archive.blobs.BlobStore.put = timed("blobs.put", archive.blobs.BlobStore.put)  # type: ignore[method-assign]
    os.fsync = timed("os.fsync (blobs)", os.fsync)
    archive.frontier.discover = timed("frontier.discover", archive.frontier.discover)
    # The database's own share: time inside the DB-API calls (SQLite), the rest is Python.
    for name in ("do_execute", "do_executemany", "do_execute_no_params"):
        setattr(DefaultDialect, name, timed("  sqlite3: execute", getattr(DefaultDialect, name)))
    DefaultDialect.do_commit = timed("  sqlite3: COMMIT (WAL fsync)",  # type: ignore[method-assign]
                                     DefaultDialect.do_commit)


def spider_side(site: sitegen.Site, headers: list[tuple[str, str]]) -> None:
    """What the spider does per response besides handing it on: parse, find links, keys."""
    content_type = dict(headers)["Content-Type"].encode()
    for path in site.list_paths:
        started = time.perf_counter()
        response = HtmlResponse(HOST + path, body=site.pages[path],
                                headers={"Content-Type": content_type})
        root = response.selector.root
        TIMES["spider: parse (list)"] += time.perf_counter() - started
        started = time.perf_counter()
        links = generic.article_links(root, response.url)
        generic.next_page_urls(root, response.url)
        for link in links:
            canonicalize(link.url)
        TIMES["spider: links + keys (list)"] += time.perf_counter() - started
    for path in site.article_paths:
        started = time.perf_counter()
        response = HtmlResponse(HOST + path, body=site.pages[path],
                                headers={"Content-Type": content_type})
        root = response.selector.root
        TIMES["spider: parse (article)"] += time.perf_counter() - started
        started = time.perf_counter()
        multipage.next_part_url(root, response.url)
        TIMES["spider: next_part_url (article)"] += time.perf_counter() - started


def archive_side(site: sitegen.Site, headers: list[tuple[str, str]], home: str) -> None:
    fetched_at = datetime.now(UTC)
    with open_archive(home=home) as arc:
        run_id = arc.start_run("benchsite", "manual", "淮河市人民政府")
        for path in [*site.list_paths, *site.article_paths]:
            url, body = HOST + path, site.pages[path]
            kind = "list" if path in site.list_paths else "article"
            fetch = Fetch(url, 200, headers, body, fetched_at, url)
            started = time.perf_counter()
            article = clean(body, url, headers, fetched_at=fetched_at)
            TIMES[f"clean ({kind})"] += time.perf_counter() - started
            started = time.perf_counter()
            arc.record(fetch, article, site="benchsite", run_id=run_id,
                       visit=Visit(url, kind, timedelta(days=7) if kind == "article" else None))
            TIMES["Archive.record (all)"] += time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    site = sitegen.build(args.articles)
    headers = [("Server", "nginx"), ("Content-Type", "text/html; charset=utf-8"),
               ("Content-Length", "0"), ("Connection", "keep-alive")]
    pages = len(site.pages)
    spider_side(site, headers)
    instrument()
    with tempfile.TemporaryDirectory(prefix="newsarchive-costs-") as home:
        archive_side(site, headers, home)
    inner = sum(TIMES[k] for k in ("write.ensure_site", "write.record_fetch", "blobs.put"))
    TIMES["record: session, BEGIN, COMMIT (rest)"] = TIMES["Archive.record (all)"] - inner
    print(f"{pages} pages ({args.articles} articles); ms per page of the whole site:")
    for name, seconds in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        print(f"{1000 * seconds / pages:8.2f}  {name}")


if __name__ == "__main__":
    main()
