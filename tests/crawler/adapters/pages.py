"""Load the saved list, article, sitemap and feed fixtures the way the spider sees them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html

FIXTURES = Path(__file__).parent / "fixtures"

# Real URL each saved page was served at (the replica serves them at these paths).
HONGZE_COL = "https://www.hongze.gov.cn/col/col12187/index.html"
SQGXJ_INDEX = "http://gxj.suqian.gov.cn/sqgxj/gzdt/index.html"
SQGXJ_INDEX_1 = "http://gxj.suqian.gov.cn/sqgxj/gzdt/index_1.html"
SQGXJ_ARTICLE = "http://gxj.suqian.gov.cn/sqgxj/gzdt/202407/t20240724_123460.html"
HANEWS_ECONOMY = "http://www.hanews.cn/economy/"
D7760_INDEX = "http://www.d7760.cn/news/huaian/index.html"
LASERFAIR_LIST = "https://www.laserfair.com/news/list_12_1.html"
HAIYING_LIST = "http://www.hychanfa.com/news/list.asp?classid=3&page=1"
HAIYING_ARTICLE = "http://www.hychanfa.com/news/show.asp?id=128"
ASP_PARTS = "http://www.hychanfa.com/news/show.asp?id=130"
PORTAL_BMDT = "https://www.hongze.gov.cn/xwzx/bmdt/"
XICHU_JJ = "https://www.xichu.net/jj/index.html"
XICHU_PART1 = "https://www.xichu.net/2020-03/19/content_7231.htm"
XICHU_PART2 = "https://www.xichu.net/2020-03/19/content_7231_2.htm"


def raw(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def page(name: str, url: str) -> Any:
    """The fixture parsed as the spider parses a response: once, with its URL as base."""
    return lxml.html.fromstring((FIXTURES / name).read_text(encoding="utf-8"), base_url=url)
