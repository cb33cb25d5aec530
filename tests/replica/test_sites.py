"""Each replica site's own traits: Hanweb datastores, JS-only lists, TRS paging, feeds, links."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator
from html import unescape
from urllib.parse import quote, urljoin, urlsplit

import pytest

from crawler.replica import Replica
from tests.replica.helpers import content_dirs, fetch, links, started, visible_text

HONGZE = "https://www.hongze.gov.cn"
PROXY = f"{HONGZE}/module/web/jpage/dataproxy.jsp"
RECORD_HREF = re.compile(r'<record><!\[CDATA\[<li><a href="([^"]+)"')


@pytest.fixture(scope="module", params=content_dirs())
def replica(request: pytest.FixtureRequest) -> Iterator[Replica]:
    yield from started(request.param)


def html(replica: Replica, url: str, codec: str = "utf-8") -> str:
    reply = fetch(replica, url)
    assert reply.status == 200, url
    return reply.body.decode(codec)


def paths(urls: list[str]) -> set[str]:
    return {urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in urls}


# --- hongze ---------------------------------------------------------------------------------
def proxy_form(column: int, unit: str) -> bytes:
    fields = (
        f"col=1&appid=1&webid=51&path=/&columnid={column}&sourceContentType=1&unitid={unit}"
        f"&webname={quote('淮安市洪泽区人民政府')}&permissiontype=0"
    )
    return fields.encode()


def test_hongze_column_inlines_ten_records_and_names_its_dataproxy(replica: Replica) -> None:
    page = html(replica, f"{HONGZE}/col/col12187/index.html")
    column = [t for t in replica.truth("hongze") if "/art_12187_" in t.url]

    datastore = re.search(
        r'<script type="text/xml"><datastore>(.*?)</datastore></script>', page, re.S
    )
    assert datastore is not None
    inline = RECORD_HREF.findall(datastore.group(1))
    assert inline == [urlsplit(t.url).path for t in column[:10]]
    assert '<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=51' in page
    assert f"totalRecord: {len(column)}, perPage: 10" in page
    assert "proxyUrl: '/module/web/jpage/dataproxy.jsp'" in page
    # Only the jpage datastore links articles of the column; no plain pagination links.
    assert "index_2.html" not in page


def test_hongze_dataproxy_post_returns_the_next_records(replica: Replica) -> None:
    column = [t for t in replica.truth("hongze") if "/art_12187_" in t.url]
    assert len(column) > 10, "the 工业经济 column needs more than one page"
    reply = fetch(
        replica,
        f"{PROXY}?startrecord=11&endrecord=20&perpage=10",
        method="POST",
        data=proxy_form(12187, "45931"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert reply.status == 200
    text = reply.body.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?><datastore>')
    assert f"<totalrecord>{len(column)}</totalrecord>" in text
    assert f"<totalpage>{-(-len(column) // 10)}</totalpage>" in text
    assert RECORD_HREF.findall(text) == [urlsplit(t.url).path for t in column[10:20]]
    root = ET.fromstring(reply.body)
    assert root.tag == "datastore"


def test_hongze_dataproxy_also_answers_get(replica: Replica) -> None:
    reply = fetch(
        replica,
        f"{PROXY}?startrecord=1&endrecord=10&perpage=10&columnid=12190&unitid=45934&webid=51",
    )
    assert reply.status == 200
    column = [t for t in replica.truth("hongze") if "/art_12190_" in t.url]
    assert RECORD_HREF.findall(reply.body.decode()) == [urlsplit(t.url).path for t in column[:10]]


def test_hongze_article_carries_gov_meta_tags_and_zoom(replica: Replica) -> None:
    truth = replica.truth("hongze")[0]
    page = html(replica, truth.url)

    assert f'<meta name="ArticleTitle" content="{truth.title}">' in unescape(page)
    assert f'<meta name="PubDate" content="{truth.published:%Y-%m-%d %H:%M}' in page
    assert f'<meta name="ContentSource" content="{truth.source}">' in unescape(page)
    zoom = re.search(r'<div id="zoom">(.*?)<meta name="ContentEnd">', page, re.S)
    assert zoom is not None and '<meta name="ContentStart">' in zoom.group(1)
    assert f"<title>{truth.title}_淮安市洪泽区人民政府</title>" in unescape(page)


def test_hongze_hidden_column_is_linked_but_disallowed(replica: Replica) -> None:
    hidden = replica.hidden_urls()
    assert hidden[0] == f"{HONGZE}/col/col12199/index.html"
    assert len(hidden) == 3
    home = html(replica, f"{HONGZE}/col/col12187/index.html")
    assert 'href="/col/col12199/index.html"' in home
    hidden_page = html(replica, hidden[0])
    assert set(RECORD_HREF.findall(hidden_page)) == paths(hidden[1:])
    assert not set(hidden) & {t.url for t in replica.truth()}


# --- d7760 ----------------------------------------------------------------------------------
def test_d7760_is_traditional_with_ruby_lead_and_reporter(replica: Replica) -> None:
    truth = next(t for t in replica.truth("d7760") if t.author)
    page = html(replica, truth.url)
    text = visible_text(page)

    assert "<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>" in page or "<ruby>" in page
    assert "首頁 > " in text.replace("&gt;", ">")
    assert f"發布時間: {truth.published:%Y-%m-%d %H:%M}" in text
    assert re.search(r"關注度:\d+", text)
    assert f"導讀:{truth.body.splitlines()[0]}" in text  # the lead repeats the first paragraph
    assert text.count(truth.body.splitlines()[0]) == 2
    assert f"記者 {truth.author}" in text
    assert "聲明:淮安114網(d7760.cn)" in text


def test_d7760_lists_page_with_list_n(replica: Replica) -> None:
    first = html(replica, "http://www.d7760.cn/news/huaian/index.html")
    assert 'class="next" href="/news/huaian/list_2.html"' in first or "list_2.html" not in first


# --- xichu ----------------------------------------------------------------------------------
def test_xichu_list_pages_have_no_article_links_without_javascript(replica: Replica) -> None:
    for node in ("jj", "sz"):
        page = html(replica, f"https://www.xichu.net/{node}/index.html")
        hrefs = links(f"https://www.xichu.net/{node}/index.html", page)
        assert not [h for h in hrefs if "content_" in h]
        assert not [h for h in hrefs if "index_2" in h]
        assert '<ul id="list" class="news-list"></ul>' in page
        assert 'fetch("/api/list?node=" + node' in page and f'var node = "{node}"' in page


def test_xichu_api_lists_ten_articles_a_page(replica: Replica) -> None:
    reply = fetch(replica, "https://www.xichu.net/api/list?node=jj&page=1")
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(reply.body)
    assert data["page"] == 1 and data["pages"] >= 1
    assert 0 < len(data["list"]) <= 10
    item = data["list"][0]
    assert re.fullmatch(r"/\d{4}-\d{2}/\d{2}/content_\d+\.htm", item["url"])
    assert fetch(replica, "https://www.xichu.net" + item["url"]).status == 200
    # Parameter order does not matter.
    assert fetch(replica, "https://www.xichu.net/api/list?page=1&node=jj").body == reply.body


def test_xichu_article_in_two_parts(replica: Replica) -> None:
    truth = next(t for t in replica.truth("xichu") if len(t.parts) == 2)
    one, two = (html(replica, url) for url in truth.parts)
    name_two = truth.parts[1].rsplit("/", 1)[1]

    assert "总共: 2页" in one and f'<a href="{name_two}">下一页</a>' in one
    assert "上一页" in two
    text = visible_text(one) + visible_text(two)
    for paragraph in truth.body.splitlines():
        assert f"\u3000\u3000{paragraph}" in text
    assert re.search(r"首页 / \S+ / 正文", visible_text(one))
    assert re.search(r"\d{4}年\d{2}月\d{2}日\d{2}:\d{2}", one)


# --- laserfair ------------------------------------------------------------------------------
def test_laserfair_sitemap_lists_every_article_with_lastmod(replica: Replica) -> None:
    reply = fetch(replica, "https://www.laserfair.com/sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(reply.body)
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]

    assert sorted(locs) == sorted(t.url for t in replica.truth("laserfair"))  # type: ignore[type-var]
    assert all(u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns))


def test_laserfair_rss_has_the_newest_twenty(replica: Replica) -> None:
    root = ET.fromstring(fetch(replica, "https://www.laserfair.com/rss.xml").body)
    items = root.findall("channel/item")
    truth = replica.truth("laserfair")

    assert root.tag == "rss" and root.get("version") == "2.0"
    assert [i.findtext("link") for i in items] == [t.url for t in truth[:20]]
    assert all(i.findtext("pubDate") for i in items)


def test_laserfair_glues_source_and_date_and_shows_a_summary(replica: Replica) -> None:
    truth = replica.truth("laserfair")[0]
    text = visible_text(fetch(replica, truth.url).body.decode("gbk"))
    assert f"来源:{truth.source}{truth.published:%Y-%m-%d}" in text
    assert "摘要：" in text and "免责声明" in text and "网友点评" in text


# --- sqgxj / hanews / haiying ---------------------------------------------------------------
def test_sqgxj_pages_only_through_create_page_html(replica: Replica) -> None:
    page = html(replica, "http://gxj.suqian.gov.cn/sqgxj/gzdt/index.html")
    pages = -(-len(replica.truth("sqgxj")) // 10)

    assert f'createPageHTML({pages}, 0, "index", "html");' in page
    assert 'href="index_1.html"' not in page  # only document.write() makes those links
    assert re.search(r'href="\./\d{6}/t\d{8}_\d+\.html"', page)
    if pages > 1:
        second = html(replica, "http://gxj.suqian.gov.cn/sqgxj/gzdt/index_1.html")
        assert f'createPageHTML({pages}, 1, "index", "html");' in second
    article = html(replica, replica.truth("sqgxj")[0].url)
    assert '<div class="TRS_Editor">' in article and '<meta name="PubDate"' in article


def test_hanews_pages_with_a_next_link_and_no_cms_markers(replica: Replica) -> None:
    first = html(replica, "http://www.hanews.cn/economy/")
    assert '<a href="/economy/?page=2">下一页</a>' in first
    article = html(replica, replica.truth("hanews")[0].url)
    for marker in ("<meta name=", "TRS_Editor", 'id="zoom"', "ContentStart"):
        assert marker not in article
    assert re.search(r"发布时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? 来源：", article)


def test_haiying_lists_by_query_string(replica: Replica) -> None:
    url = "http://www.hychanfa.com/news/list.asp?classid=3&page=1"
    page = fetch(replica, url).body.decode("big5")
    found = [h for h in links(url, page) if "show.asp?id=" in h]
    assert 0 < len(found) <= 10
    assert (
        fetch(replica, "http://www.hychanfa.com/news/list.asp?classid=3").body.decode("big5")
        == page
    )


# --- every site -----------------------------------------------------------------------------
def test_links_use_real_hosts_and_every_onsite_link_is_served(replica: Replica) -> None:
    """A crawl over plain <a href>s from each home page meets no dead link and no 127.0.0.1."""
    hidden = set(replica.hidden_urls())
    for site in replica.sites().values():
        start = site.url("/")
        seen, queue = {start}, deque([start])
        while queue:
            url = queue.popleft()
            reply = fetch(replica, url)
            if reply.status == 302:
                queue.append(urljoin(url, reply.headers["Location"]))
                continue
            assert reply.status == 200, f"{url} is linked but not served"
            if "html" not in reply.headers["Content-Type"]:
                continue
            page = reply.body.decode(site.encoding)
            assert "127.0.0.1" not in page
            for link in links(url, page):
                if urlsplit(link).netloc == site.host and link not in seen and link not in hidden:
                    seen.add(link)
                    queue.append(link)
