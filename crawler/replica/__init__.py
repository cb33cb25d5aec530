"""The offline replica web: the source sites served on 127.0.0.1, with each article's truth.

from crawler.replica import Replica
with Replica() as replica:
    replica.base_urls      # {"www.hongze.gov.cn": "http://127.0.0.1:PORT", ...}
    replica.truth("xichu")  # what a polite full crawl must archive
"""

from __future__ import annotations

from crawler.replica.records import ArticleTruth, RequestRecord
from crawler.replica.replica import Replica

__all__ = ["ArticleTruth", "Replica", "RequestRecord"]
