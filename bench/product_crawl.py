"""Phase B child: the full product crawling one configured site, as ``newsarchive crawl`` does.

``python bench/product_crawl.py SITE HOME SITES_DIR RESULT_FILE SETTINGS_JSON`` — calls
:func:`crawler.run.crawl_site` (discover, fetch, archive raw, clean, store) and writes its
RunSummary as JSON to RESULT_FILE.  ``seconds`` is the wall time of the ``crawl_site`` call.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time

from crawler.run import crawl_site


def main(site: str, home: str, sites_dir: str, result_file: str, settings_json: str) -> None:
    started = time.monotonic()
    summary = crawl_site(site, home=home, sites_dir=sites_dir,
                         settings=json.loads(settings_json))
    seconds = time.monotonic() - started
    result = {**dataclasses.asdict(summary), "call_seconds": seconds}
    with open(result_file, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(*sys.argv[1:6])
