"""``newsarchive demo``: the whole product on a machine with no internet.

Starts the offline replica of the five built-in sites (crawler/replica/), crawls all of them
into an archive through the normal crawl path (only the bytes come from 127.0.0.1; the archive
records the real URLs), and reports what each run did.  Run again on the same home, the crawl
is incremental, and the replica has moved on one "day" (its epoch): one article was really
corrected and a view counter went up.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.run import RunSummary, crawl_sites
from crawler.sites import load_site

DEMO_SITES = ("hongze", "d7760", "xichu", "haiying", "laserfair")
STATE_FILE = "demo-state.json"
# The replica is on this machine: no need to be slow with it.
LOCAL_SETTINGS: Mapping[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "LOG_LEVEL": "WARNING",
    # Only the replica on 127.0.0.1 sees it; no operator contact is needed.
    "USER_AGENT": "newsarchive-demo (offline replica on 127.0.0.1)",
}


@dataclass(frozen=True)
class DemoReport:
    home: Path
    epoch: int
    runs: list[RunSummary]


def run_demo(home: Path, db: str | None = None,
             settings: Mapping[str, Any] | None = None) -> DemoReport:
    """Crawl the replica into ``home``; blocks; once per process (it runs a crawl)."""
    from crawler.replica import Replica

    for key in DEMO_SITES:
        load_site(key)  # the built-in configs, never a user's --sites-dir replacement
    home.mkdir(parents=True, exist_ok=True)
    epoch = _read_epoch(home)
    with Replica(epoch=epoch, sites=DEMO_SITES) as replica:
        runs = crawl_sites(DEMO_SITES, home=home, db=db, base_urls=replica.base_urls,
                           settings={**LOCAL_SETTINGS, **(settings or {})})
    if all(run.status == "finished" for run in runs):
        _write_epoch(home, epoch + 1)
    return DemoReport(home, epoch, runs)


def _read_epoch(home: Path) -> int:
    try:
        return int(json.loads((home / STATE_FILE).read_text())["next_epoch"])
    except FileNotFoundError:
        return 0
    except (ValueError, KeyError, TypeError):
        raise ValueError(f"{home / STATE_FILE} is damaged; remove it to start the replica "
                         "from its first day") from None


def _write_epoch(home: Path, epoch: int) -> None:
    path = home / STATE_FILE
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps({"next_epoch": epoch}) + "\n")
    os.replace(temp, path)
