"""The replica's article pages as a benchmark set: ``<id>.html`` as served, ``<id>.json`` truth.

Single-page articles of every replica site (a multi-page article's first page does not hold
its whole text, so scoring it against the merged truth would measure the crawler, not the
extractor).  Pages are fetched over HTTP from a running replica, so the bytes are exactly what
a crawl archives.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from crawler.replica import Replica

SET_NAME = "replica"


def export(root: Path) -> Path:
    """Write the set under ``root/replica`` and return that folder."""
    folder = root / SET_NAME
    folder.mkdir(parents=True, exist_ok=True)
    with Replica() as replica:
        for number, truth in enumerate(replica.truth()):
            if len(truth.parts) > 1:
                continue
            real = urlsplit(truth.url)
            wire = replica.base_urls[real.hostname or ""] + real.path + (
                f"?{real.query}" if real.query else "")
            with urllib.request.urlopen(wire) as response:
                body = response.read()
            page_id = f"{truth.site}-{number:03d}"
            (folder / f"{page_id}.html").write_bytes(body)
            (folder / f"{page_id}.json").write_text(json.dumps({
                "url": truth.url, "title": truth.title, "body": truth.body,
                "published": truth.published.isoformat(), "source": truth.source,
                "site": truth.site,
            }, ensure_ascii=False), encoding="utf-8")
    return folder
