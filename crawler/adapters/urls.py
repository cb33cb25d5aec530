"""What a URL alone says: article or list page, and whether it is a crawler trap.

All the URL vocabulary of the generic adapter lives here.  Results are cached: the same
navigation links appear on every page of a site.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

MAX_URL_LENGTH = 512
MAX_QUERY_PARAMS = 6
MAX_PATH_SEGMENTS = 12
YEARS = range(1990, 2101)  # a date parameter outside this is a calendar running away

_ASSETS = frozenset({
    "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "ico", "tif", "tiff", "psd",
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps", "ofd", "ceb", "caj",
    "rtf", "txt", "csv", "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "iso", "exe",
    "msi", "apk", "ipa", "dmg", "mp3", "mp4", "m4a", "avi", "flv", "wmv", "mov", "mkv", "rm",
    "rmvb", "swf", "wav", "css", "js", "json", "xml", "rss", "atom", "woff", "woff2", "ttf",
    "eot",
})
# Known article URL shapes of Chinese CMSs: hanweb art_<col>_<id>, TRS t<date>_<id>,
# LivCMS/Xinhua content_<id> (each with an optional _<part>).
_CMS_ARTICLE = re.compile(
    r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+(?:_\d+)?\.html?$"
    r"|/t(?:19|20)\d{6}_\d+(?:_\d+)?\.s?html?$"
    r"|/content_\d+(?:_\d+)?\.s?html?$",
    re.IGNORECASE,
)
_MM = r"(?:0?[1-9]|1[0-2])"
_DD = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:19|20)\d{2}"
# A full date in the path: /2024/7/24/, /2024-07/24/, /2024-07-24/, /201611/15/,
# /2024/0724/, /20240724/, or a leaf starting with one (/20240724123456.html).
_DATE_PATH = re.compile(
    rf"/{_YEAR}[-/_]{_MM}[-/_]{_DD}(?=[/_.-])"
    rf"|/{_YEAR}(?:0[1-9]|1[0-2])/{_DD}/"
    rf"|/{_YEAR}/(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/"
    rf"|/t?{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=[/_]|\d*\.\w+$)"
)
_YEAR_MONTH_PATH = re.compile(rf"/{_YEAR}(?:0[1-9]|1[0-2])/|/{_YEAR}[-_/](?:0[1-9]|1[0-2])/")
# Leaf names and directories of detail pages: show.asp?id=, /detail/…, newsshow.php?…
_DETAIL = re.compile(
    r"(?:^|/)(?:news|info|art|article|wap|m)?[_-]?"
    r"(?:detail|details|show|view|article|articles|content|read|display|showinfo|shownews|"
    r"newsshow|showarticle|articleshow|infodetail|newsinfo|newsview|readnews)"
    r"(?:[_-]?\d+)?(?:/|\.(?:s?html?|asp|aspx|php|jsp|do|action|cgi)(?:$|\?))",
    re.IGNORECASE,
)
_ID_QUERY = re.compile(
    r"(?:^|&)(?:id|aid|nid|tid|artid|articleid|article_id|newsid|news_id|docid|doc_id|infoid|"
    r"info_id|contentid|content_id|itemid|postid|wbnewsid|wbtreeid_)=\d+",
    re.IGNORECASE,
)
_LONG_ID = re.compile(r"\d{8,}")
_NUMERIC_LEAF = re.compile(r"(?:^|[/_-])\d{4,}\.\w+$")
_HAS_DIGIT = re.compile(r"\d")
# Pages that are never articles: about, search, login, print…
_NAV_PATH = re.compile(
    r"(?:^|/)(?:about|aboutus|contact|contactus|login|logon|logout|register|reg|signup|search|"
    r"sitemap|map|help|guestbook|feedback|rss|mailbox|member|user|account|copyright|privacy|"
    r"print|share|download|intro|jianjie|lxwm|gywm|wzdt)(?:[_./-]|$)",
    re.IGNORECASE,
)
# List pages: index/list/default/more/node leaves, hanweb /col/colN/, page parameters.
_LIST_LEAF = re.compile(
    r"^(?:(?:index|default|more|node|page|list)(?:[_-]\w+)?|\w*list\w*)\.(?:s?html?|jhtml|asp|"
    r"aspx|php|jsp|do|action)$",
    re.IGNORECASE,
)
_COL_PATH = re.compile(r"/col/col\d+(?:/|$)", re.IGNORECASE)
_LIST_DIR = re.compile(
    r"/(?:list|lists|category|categories|channel|channels|column|columns|lanmu|catalog|tag|tags|"
    r"node|class|sort)/",
    re.IGNORECASE,
)
PAGE_PARAM = re.compile(
    r"(?:^|&)(?:page|pageno|page_no|pagenum|pagenumber|pageindex|page_index|curpage|"
    r"currentpage|cpage|pn|pg|p|paged|start|offset)=(\d{1,6})(?=&|$)",
    re.IGNORECASE,
)
_DATE_KEYS = frozenset({
    "year", "yr", "y", "yyyy", "month", "mon", "m", "day", "d", "date", "dt", "time", "ym",
    "ymd", "riqi", "cal", "calendar",
})
_YEAR_KEYS = frozenset({"year", "yr", "y", "yyyy"})
_CALENDAR_WORD = re.compile(r"(?:^|[/_=&?-])(?:calendar|cal|rili)(?:[/_=&?.-]|$)", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(\d{4})(?:[-/.]?\d{1,2}){0,2}$")


def article_url_score(url: str) -> int:
    """> 0 when the URL looks like an article page, <= 0 otherwise."""
    return _shape(url)[0]


def looks_like_list_url(url: str) -> bool:
    """Whether the URL looks like a list page (a section, or page N of one)."""
    return _shape(url)[1]


@lru_cache(maxsize=8192)
def _shape(url: str) -> tuple[int, bool]:
    """(article score, is a list page) from the URL alone."""
    lowered = url[:11].lower()
    if lowered.startswith(("javascript", "mailto:", "tel:", "data:")):
        return -10, False
    parts = urlsplit(url)
    path, query = parts.path or "/", parts.query
    leaf = path.rpartition("/")[2]
    if "." in leaf and leaf.rpartition(".")[2].lower() in _ASSETS:
        return -10, False
    score = -1
    cms = _CMS_ARTICLE.search(path) is not None
    dated = _DATE_PATH.search(path) is not None
    detail = _DETAIL.search(path) is not None
    if cms:
        score += 4
    if dated:
        score += 3
    elif _YEAR_MONTH_PATH.search(path):
        score += 2
    if detail:
        score += 3
    if query and _ID_QUERY.search(query):
        score += 2
    if _LONG_ID.search(path):
        score += 2
    if _NUMERIC_LEAF.search(leaf):
        score += 2
    elif leaf and _HAS_DIGIT.search(leaf):
        score += 1
    if _NAV_PATH.search(path):
        score -= 3
    is_list = _is_list(path, leaf, query, strong=cms or detail or dated or score >= 3)
    if is_list:
        score -= 5
    return score, is_list


def _is_list(path: str, leaf: str, query: str, *, strong: bool) -> bool:
    if _LIST_LEAF.match(leaf) or _COL_PATH.search(path):
        return True
    if not leaf:
        # A directory is a section, unless it is a dated slug (/2024/07/24/some-title/).
        last = path.rstrip("/").rpartition("/")[2]
        return not (_DATE_PATH.search(path) and last and not last.isdigit())
    if strong:
        return False
    return bool((query and PAGE_PARAM.search(query)) or _LIST_DIR.search(path))


def trap_reason(url: str) -> str | None:
    """Why following ``url`` would lead a crawler into an endless URL space, or None."""
    if len(url) > MAX_URL_LENGTH:
        return "too long"
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    if len(params) > MAX_QUERY_PARAMS:
        return "too many query parameters"
    segments = [s for s in parts.path.split("/") if s]
    if _repeats(segments):
        return "repeating path segments"
    if len(segments) > MAX_PATH_SEGMENTS:
        return "too deep"
    if _calendar(parts.path, parts.query, params):
        return "calendar"
    return None


def _repeats(segments: list[str]) -> bool:
    """a/b/a/b (a block of 2+ repeated back to back), or one word segment 3+ times."""
    counts: dict[str, int] = {}
    for segment in segments:
        if not segment.isdigit():
            counts[segment] = counts.get(segment, 0) + 1
            if counts[segment] >= 3:
                return True
    n = len(segments)
    for size in range(2, n // 2 + 1):
        for start in range(n - 2 * size + 1):
            block = segments[start:start + size]
            if block == segments[start + size:start + 2 * size] and not all(
                s.isdigit() for s in block
            ):
                return True
    return False


def _calendar(path: str, query: str, params: list[tuple[str, str]]) -> bool:
    """A date parameter far outside 2000..2100, or a calendar page (those never end)."""
    for key, value in params:
        key, value = key.lower(), value.strip()
        dated = _DATE_VALUE.match(value)
        if dated and (key in _DATE_KEYS or not value.isdigit()):
            year = int(dated.group(1))  # date=2024-07-24, ym=202407, d=1850-01
        elif key in _YEAR_KEYS and value.isdigit():
            year = int(value)  # year=99999
        else:
            continue
        if year not in YEARS:
            return True
    if _CALENDAR_WORD.search(path) or (query and _CALENDAR_WORD.search(query)):
        return any(ch.isdigit() for ch in path + query)
    return False
