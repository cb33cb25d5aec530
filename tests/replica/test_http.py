"""HTTP behaviour every replica site shares: headers, encodings, 304s, robots.txt, the log."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from email.utils import format_datetime, parsedate_to_datetime
from html import unescape
from urllib.parse import urlsplit

import pytest

from crawler.replica import Replica
from tests.replica.helpers import ALL_SITES, FIXTURES, content_dirs, fetch, started


@pytest.fixture(scope="module", params=content_dirs())
def replica(request: pytest.FixtureRequest) -> Iterator[Replica]:
    yield from started(request.param)


def first_article(replica: Replica, site: str) -> str:
    return replica.truth(site)[0].url


@pytest.mark.parametrize(
    ("site", "content_type", "codec"),
    [
        ("hongze", "text/html; charset=utf-8", "utf-8"),
        ("d7760", "text/html; charset=utf-8", "utf-8"),
        ("xichu", "text/html; charset=utf-8", "utf-8"),
        ("haiying", "text/html", "big5"),
        ("laserfair", "text/html", "gbk"),
        ("sqgxj", "text/html; charset=utf-8", "utf-8"),
        ("hanews", "text/html; charset=utf-8", "utf-8"),
    ],
)
def test_articles_are_served_with_the_sites_content_type_and_bytes(
    replica: Replica, site: str, content_type: str, codec: str
) -> None:
    reply = fetch(replica, first_article(replica, site))

    assert reply.status == 200
    assert reply.headers["Content-Type"] == content_type
    assert int(reply.headers["Content-Length"]) == len(reply.body)
    assert reply.headers["ETag"].startswith('"')
    assert parsedate_to_datetime(reply.headers["Last-Modified"]).tzinfo is not None
    reply.body.decode(codec)  # strict: every byte is in the site's real encoding


def test_haiying_is_big5_declared_only_in_the_page(replica: Replica) -> None:
    truth = replica.truth("haiying")[0]
    body = fetch(replica, truth.url).body

    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = unescape(body.decode("big5"))  # characters outside Big5 are sent as &#NNNN;
    assert '<meta http-equiv="Content-Type" content="text/html; charset=big5">' in text
    assert "發表時間:" in text and "瀏覽次數:" in text
    assert truth.title in text


def test_laserfair_declares_gb2312_but_sends_gbk_only_characters(replica: Replica) -> None:
    for truth in replica.truth("laserfair"):
        body = fetch(replica, truth.url).body
        assert b'<meta charset="gb2312" />' in body
        with pytest.raises(UnicodeDecodeError):
            body.decode("gb2312")  # the comment widget's mojibake alone has GBK-only characters
        body.decode("gbk")
    texts = [t.body + t.title + (t.author or "") for t in replica.truth("laserfair")]
    rare = [t for t in texts if any(ch in t for ch in "喆堃")]
    assert rare, "the content should carry GBK-only characters such as 喆 or 堃"


def test_unknown_paths_get_an_html_404(replica: Replica) -> None:
    for site in replica.sites().values():
        reply = fetch(replica, f"http://{site.host}/no/such/page.html")
        assert reply.status == 404
        assert reply.headers["Content-Type"].startswith("text/html")
        assert b"404" in reply.body


def test_query_names_a_page_only_where_the_site_is_dynamic(replica: Replica) -> None:
    assert fetch(replica, "http://www.hychanfa.com/news/show.asp?id=999999").status == 404
    assert fetch(replica, "http://www.hanews.cn/economy/?page=999").status == 404
    # Static files ignore a query string, as their web servers do.
    url = first_article(replica, "laserfair")
    assert fetch(replica, url + "?from=rss").body == fetch(replica, url).body


def test_head_sends_headers_without_body(replica: Replica) -> None:
    url = first_article(replica, "hongze")
    get = fetch(replica, url)
    head = fetch(replica, url, method="HEAD")

    assert head.status == 200 and head.body == b""
    assert head.headers["Content-Length"] == str(len(get.body))
    assert head.headers["ETag"] == get.headers["ETag"]


def test_post_to_a_static_page_is_not_allowed(replica: Replica) -> None:
    reply = fetch(replica, first_article(replica, "d7760"), method="POST", data=b"a=1")
    assert reply.status == 405


@pytest.mark.parametrize("site", ALL_SITES)
def test_conditional_get_answers_304_without_body(replica: Replica, site: str) -> None:
    url = first_article(replica, site)
    first = fetch(replica, url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]

    by_etag = fetch(replica, url, headers={"If-None-Match": etag})
    by_date = fetch(replica, url, headers={"If-Modified-Since": modified})

    for reply in (by_etag, by_date):
        assert reply.status == 304
        assert reply.body == b""
        assert reply.headers["ETag"] == etag


def test_if_none_match_wins_over_if_modified_since(replica: Replica) -> None:
    url = first_article(replica, "d7760")
    first = fetch(replica, url)

    stale = fetch(
        replica,
        url,
        headers={"If-None-Match": '"old"', "If-Modified-Since": first.headers["Last-Modified"]},
    )
    earlier = parsedate_to_datetime(first.headers["Last-Modified"]).replace(year=2000)
    older = fetch(replica, url, headers={"If-Modified-Since": format_datetime(earlier, True)})

    assert stale.status == 200 and stale.body == first.body
    assert older.status == 200


def test_keep_alive_serves_several_requests_on_one_connection(replica: Replica) -> None:
    urls = [t.url for t in replica.truth("xichu")[:3]]
    port = urlsplit(replica.base_url("xichu")).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for url in urls:
            conn.request("GET", urlsplit(url).path)
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200
            assert len(body) == int(response.headers["Content-Length"])
            assert response.headers.get("Connection", "").lower() != "close"
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("site", "host", "expected"),
    [
        ("hongze", "www.hongze.gov.cn", "Disallow: /col/col12199/"),
        ("laserfair", "www.laserfair.com", "Sitemap: https://www.laserfair.com/sitemap.xml"),
        ("xichu", "www.xichu.net", "Disallow:\n"),
        ("sqgxj", "gxj.suqian.gov.cn", "Disallow:\n"),
    ],
)
def test_robots_txt(replica: Replica, site: str, host: str, expected: str) -> None:
    reply = fetch(replica, f"http://{host}/robots.txt")
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/plain")
    assert expected in reply.body.decode()


def test_every_request_is_logged(replica: Replica) -> None:
    replica.clear_requests()
    url = first_article(replica, "hanews")
    fetch(replica, url, headers={"X-Probe": "1"})
    fetch(replica, "http://www.hanews.cn/economy/?page=999")

    records = [r for r in replica.requests if r.site == "hanews"]
    assert [(r.method, r.path, r.status) for r in records] == [
        ("GET", urlsplit(url).path, 200),
        ("GET", "/economy/?page=999", 404),
    ]
    assert records[0].headers["X-Probe"] == "1"
    assert records[0].at > 0
    replica.clear_requests()
    assert replica.requests == []


def test_base_urls_map_real_hosts_to_loopback(replica: Replica) -> None:
    assert set(replica.base_urls) == {
        "www.hongze.gov.cn",
        "www.d7760.cn",
        "www.xichu.net",
        "www.hychanfa.com",
        "www.laserfair.com",
        "gxj.suqian.gov.cn",
        "www.hanews.cn",
    }
    for site in ALL_SITES:
        assert replica.base_url(site).startswith("http://127.0.0.1:")
        assert replica.base_url(site) in replica.base_urls.values()


def test_a_replica_of_some_sites_serves_only_those() -> None:
    with Replica(sites=["laserfair"], content_dir=FIXTURES) as replica:
        assert list(replica.base_urls) == ["www.laserfair.com"]
        copy = next(t for t in replica.truth() if t.copy_of)
        assert copy.copy_of is not None and copy.copy_of.startswith("https://www.xichu.net/")
        with pytest.raises(KeyError):
            replica.truth("xichu")
    with pytest.raises(KeyError):
        Replica(sites=["nosuchsite"], content_dir=FIXTURES)
