"""The replica sites by key: five built in, two extra (tests add their configs themselves)."""

from __future__ import annotations

from crawler.replica.sites.base import Site
from crawler.replica.sites.d7760 import D7760
from crawler.replica.sites.haiying import Haiying
from crawler.replica.sites.hanews import Hanews
from crawler.replica.sites.hongze import Hongze
from crawler.replica.sites.laserfair import Laserfair
from crawler.replica.sites.sqgxj import Sqgxj
from crawler.replica.sites.xichu import Xichu

SITES: dict[str, type[Site]] = {
    site.key: site for site in (Hongze, D7760, Xichu, Haiying, Laserfair, Sqgxj, Hanews)
}
BUILT_IN = ("hongze", "d7760", "xichu", "haiying", "laserfair")
EXTRA = ("sqgxj", "hanews")

__all__ = ["BUILT_IN", "EXTRA", "SITES", "Site"]
