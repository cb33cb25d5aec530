"""Phase A child: a bare Scrapy spider fetching a given URL list; no-op callback, no pipeline.

``python bench/raw_fetch.py URLS_FILE RESULT_FILE SETTINGS_JSON`` — writes
``{"responses", "seconds", "statuses"}`` to RESULT_FILE.  ``seconds`` is the wall time of
``process.start()`` only (the crawl, not the interpreter start-up or the imports).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response


class RawSpider(Spider):
    name = "raw"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.statuses: Counter[int] = Counter()

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            yield Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response: Response) -> None:
        self.statuses[response.status] += 1


def main(urls_file: str, result_file: str, settings_json: str) -> None:
    with open(urls_file, encoding="utf-8") as f:
        urls = [line.strip() for line in f if line.strip()]
    settings: dict[str, Any] = {
        "ITEM_PIPELINES": {},
        "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        **json.loads(settings_json),
    }
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(RawSpider)
    process.crawl(crawler, urls=urls)
    started = time.monotonic()
    process.start()
    seconds = time.monotonic() - started
    spider: Any = crawler.spider
    result = {"responses": sum(spider.statuses.values()), "seconds": seconds,
              "statuses": {str(k): v for k, v in spider.statuses.items()}}
    with open(result_file, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(*sys.argv[1:4])
