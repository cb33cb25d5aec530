"""truth() agrees with what is served: every article reachable from a list, and shown as told."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import quote, urljoin, urlsplit

import pytest

from crawler.replica import ArticleTruth, Replica
from tests.replica.helpers import ALL_SITES, content_dirs, fetch, links, started, visible_text

RECORD_HREF = re.compile(r'<a href="([^"]+)"')


@pytest.fixture(scope="module", params=content_dirs())
def replica(request: pytest.FixtureRequest) -> Iterator[Replica]:
    yield from started(request.param)


def page_text(replica: Replica, url: str) -> str:
    site = next(s for s in replica.sites().values() if urlsplit(url).netloc == s.host)
    reply = fetch(replica, url)
    assert reply.status == 200, url
    return visible_text(reply.body.decode(site.encoding))


def stamp(truth: ArticleTruth) -> str:
    time = {"day": "", "minute": " %H:%M", "second": " %H:%M:%S"}[truth.precision]
    return truth.published.strftime("%Y-%m-%d" + time)


def haiying_date(t: ArticleTruth) -> str:
    return f"發表時間:{t.published.year}-{t.published.month}-{t.published.day}"


PRINTED: dict[str, Callable[[ArticleTruth], str]] = {
    "hongze": lambda t: f"发布日期：{stamp(t)}",
    "d7760": lambda t: f"發布時間: {stamp(t)}",
    "xichu": lambda t: t.published.strftime("%Y年%m月%d日%H:%M"),
    "haiying": haiying_date,
    "laserfair": lambda t: f"来源:{t.source}{stamp(t)}",
    "sqgxj": lambda t: f"发布时间：{stamp(t)}",
    "hanews": lambda t: f"发布时间：{stamp(t)}",
}


def listed_urls(replica: Replica, site_key: str) -> set[str]:
    """Article URLs named by the site's list pages, feeds, API and dataproxy replies."""
    site = replica.sites()[site_key]
    found: set[str] = set()
    for path in site.list_paths():
        url = site.url(path)
        reply = fetch(replica, url)
        assert reply.status == 200, url
        html = reply.headers["Content-Type"].startswith("text/html")
        text = reply.body.decode(site.encoding if html else "utf-8")
        found.update(links(url, text))
        found.update(urljoin(url, u) for u in re.findall(r'"url": "([^"]+)"', text))
        found.update(re.findall(r"<(?:loc|link)>([^<]+)</(?:loc|link)>", text))
    if site_key == "hongze":
        for column, unit in ((12187, "45931"), (12190, "45934")):
            form = f"columnid={column}&unitid={unit}&webid=51&webname={quote(site.name)}"
            reply = fetch(
                replica,
                site.url("/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=1000&perpage=10"),
                method="POST",
                data=form.encode(),
            )
            found.update(site.url(p) for p in RECORD_HREF.findall(reply.body.decode()))
    return found


@pytest.mark.parametrize("site", ALL_SITES)
def test_every_truth_url_is_linked_from_a_list_reply(replica: Replica, site: str) -> None:
    truth = replica.truth(site)
    assert truth, f"{site} has no articles"
    missing = {t.url for t in truth} - listed_urls(replica, site)
    assert not missing


@pytest.mark.parametrize("site", ALL_SITES)
def test_every_truth_article_is_served_as_told(replica: Replica, site: str) -> None:
    for truth in replica.truth(site):
        texts = [page_text(replica, url) for url in truth.parts]
        whole = "".join(texts)
        joiner = "" if site == "haiying" else "\n"
        paragraphs = truth.body.split("\n") if joiner else [truth.body]
        for paragraph in paragraphs:
            assert paragraph in whole, f"{truth.url}: paragraph not on the page"
        assert truth.title in texts[0]
        assert truth.source in texts[0]
        assert PRINTED[site](truth) in texts[0], truth.url
        if truth.author:
            assert truth.author in texts[0]


@pytest.mark.parametrize("site", ALL_SITES)
def test_titles_carry_a_site_suffix_that_truth_leaves_out(replica: Replica, site: str) -> None:
    for truth in replica.truth(site)[:3]:
        head = page_text(replica, truth.url)  # <title> text is kept by visible_text
        assert re.search(re.escape(truth.title) + r"\s*[_-]", head), truth.url


def test_truth_fields_are_well_formed(replica: Replica) -> None:
    truths = replica.truth()
    assert len({t.url for t in truths}) == len(truths)
    assert {t.site for t in truths} == set(ALL_SITES)
    for t in truths:
        offset = t.published.utcoffset()
        assert offset is not None and offset.total_seconds() == 8 * 3600
        assert t.precision in {"day", "minute", "second"}
        assert t.parts[0] == t.url
        assert t.body and "\n\n" not in t.body and t.body == t.body.strip()
        assert t.author is None or t.author
        assert isinstance(t.published, datetime)
    assert {t.precision for t in replica.truth("haiying")} == {"day"}
    assert {t.precision for t in replica.truth("laserfair")} == {"day"}
    assert {t.precision for t in replica.truth("xichu")} == {"minute"}


def test_scripts_follow_the_page(replica: Replica) -> None:
    simplified_only = "区业经发开产会时间项设导读报"  # their traditional forms differ
    for site in ("d7760", "haiying"):
        for t in replica.truth(site):
            assert not set(t.body + t.title) & set(simplified_only), t.url
            assert not re.search(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔù][a-zü]*)\)", t.body)


def test_the_syndicated_copy_points_at_the_xichu_original(replica: Replica) -> None:
    copies = [t for t in replica.truth() if t.copy_of]
    assert [c.site for c in copies] == ["laserfair"]
    copy = copies[0]
    original = next(t for t in replica.truth("xichu") if t.url == copy.copy_of)
    assert copy.body == original.body
    assert copy.title != original.title


def test_hidden_urls_are_not_in_truth_and_robots_forbids_them(replica: Replica) -> None:
    hidden = replica.hidden_urls()
    assert hidden and not set(hidden) & {t.url for t in replica.truth()}
    robots = fetch(replica, "https://www.hongze.gov.cn/robots.txt").body.decode()
    assert "Disallow: /col/col12199/" in robots
    assert all(fetch(replica, url).status == 200 for url in hidden)
    for truth in replica.truth("hongze"):
        reply = fetch(replica, truth.url).body.decode()
        assert not set(links(truth.url, reply)) & set(hidden[1:])
