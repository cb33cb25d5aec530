"""What changes between epochs: d7760's view counter and laserfair's corrected article."""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

import pytest

from crawler.replica import ArticleTruth, Replica
from tests.replica.helpers import content_dirs, fetch, started, visible_text

SITEMAP = "https://www.laserfair.com/sitemap.xml"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module", params=content_dirs())
def replica(request: pytest.FixtureRequest) -> Iterator[Replica]:
    yield from started(request.param)


@pytest.fixture(autouse=True)
def back_to_epoch_zero(replica: Replica) -> Iterator[None]:
    replica.set_epoch(0)
    yield
    replica.set_epoch(0)


def views(replica: Replica, url: str) -> int:
    text = visible_text(fetch(replica, url).body.decode())
    match = re.search(r"關注度:(\d+)", text)
    assert match is not None
    return int(match.group(1))


def counted(replica: Replica) -> str:
    """The d7760 article whose counter moves (the one whose content sets ``views``)."""
    site = replica.sites()["d7760"]
    article = next(a for a in site.articles if a.views is not None)
    return site.url(site.path(article))


def corrected(replica: Replica) -> ArticleTruth:
    site = replica.sites()["laserfair"]
    article = next(a for a in site.articles if a.corrected is not None)
    url = site.url(site.path(article))
    return next(t for t in replica.truth("laserfair") if t.url == url)


def lastmods(replica: Replica) -> dict[str, str]:
    root = ET.fromstring(fetch(replica, SITEMAP).body)
    return {
        u.findtext("s:loc", namespaces=NS) or "": u.findtext("s:lastmod", namespaces=NS) or ""
        for u in root.findall("s:url", NS)
    }


def test_the_view_counter_grows_by_41_per_epoch_and_nothing_else_moves(replica: Replica) -> None:
    url = counted(replica)
    before = fetch(replica, url)
    others = {t.url: fetch(replica, t.url).body for t in replica.truth("d7760") if t.url != url}
    truth_before = replica.truth("d7760")

    replica.set_epoch(1)
    after = fetch(replica, url)

    assert views(replica, url) == views_at(before.body) + 41
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.headers["Last-Modified"] == before.headers["Last-Modified"]
    assert strip_views(after.body) == strip_views(before.body)
    assert fetch(replica, url, headers={"If-None-Match": before.headers["ETag"]}).status == 200
    assert {u: fetch(replica, u).body for u in others} == others
    assert replica.truth("d7760") == truth_before
    replica.set_epoch(2)
    assert views(replica, url) == views_at(before.body) + 82


def views_at(body: bytes) -> int:
    match = re.search(r"關注度:(\d+)", visible_text(body.decode()))
    assert match is not None
    return int(match.group(1))


def strip_views(body: bytes) -> bytes:
    return re.sub(rb'<span class="views">\d+</span>', b"", body)


def test_the_corrected_article_changes_from_epoch_one(replica: Replica) -> None:
    before = corrected(replica)
    first = fetch(replica, before.url)
    sitemap_before = lastmods(replica)

    replica.set_epoch(1)
    after = corrected(replica)
    second = fetch(replica, after.url)
    sitemap_after = lastmods(replica)

    assert after.body != before.body
    changed = [
        (a, b)
        for a, b in zip(after.body.split("\n"), before.body.split("\n"), strict=True)
        if a != b
    ]
    assert len(changed) == 1  # one figure in one paragraph
    assert changed[0][0] in visible_text(second.body.decode("gbk"))
    assert second.headers["ETag"] != first.headers["ETag"]
    moved = parsedate_to_datetime(second.headers["Last-Modified"])
    assert moved > parsedate_to_datetime(first.headers["Last-Modified"])
    assert (
        fetch(
            replica, after.url, headers={"If-Modified-Since": first.headers["Last-Modified"]}
        ).status
        == 200
    )
    assert fetch(replica, after.url, headers={"If-None-Match": first.headers["ETag"]}).status == 200
    assert sitemap_after[after.url] > sitemap_before[after.url]
    assert {u: m for u, m in sitemap_after.items() if u != after.url} == {
        u: m for u, m in sitemap_before.items() if u != after.url
    }
    replica.set_epoch(2)
    assert corrected(replica).body == after.body
    assert lastmods(replica)[after.url] == sitemap_after[after.url]


def test_other_sites_are_byte_identical_across_epochs(replica: Replica) -> None:
    urls = [
        t.url
        for site in ("hongze", "xichu", "haiying", "sqgxj", "hanews")
        for t in replica.truth(site)[:3]
    ]
    before = {u: fetch(replica, u).body for u in urls}
    replica.set_epoch(3)
    assert {u: fetch(replica, u).body for u in urls} == before
    replica.set_epoch(0)
    assert {u: fetch(replica, u).body for u in urls} == before


def test_epoch_switches_while_serving(replica: Replica) -> None:
    url = counted(replica)
    errors: list[BaseException] = []

    def hammer() -> None:
        try:
            for _ in range(30):
                assert fetch(replica, url).status == 200
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for epoch in (1, 2, 0, 1, 0):
        replica.set_epoch(epoch)
    for thread in threads:
        thread.join()
    assert errors == []


def test_a_replica_can_start_in_a_later_epoch(replica: Replica) -> None:
    from tests.replica.helpers import FIXTURES

    later = Replica(epoch=1, sites=["laserfair"], content_dir=FIXTURES)
    site = later.sites()["laserfair"]
    article = next(a for a in site.articles if a.corrected is not None)
    truth = next(t for t in later.truth() if t.url == site.url(site.path(article)))
    assert truth.body == "\n".join(article.corrected or ())
    with pytest.raises(ValueError):
        later.set_epoch(-1)
