"""The change feed: each new document or version exactly once, resumable from a cursor."""

from __future__ import annotations

from archive import Archive
from tests.archive.helpers import BODY, BODY_CHANGED, article, fetch

A = "http://www.hongze.gov.cn/art/2024/7/24/art_1_1.html"
B = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"
MIRROR = "http://mirror.example.com/a/1.html"


def test_changes_list_every_new_document_and_version_in_order(arc: Archive) -> None:
    arc.record(fetch(A, "a1"), article(A, BODY))
    arc.record(fetch(A, "a1-again", minutes=1), article(A, BODY))  # unchanged: no change
    arc.record(fetch(B, "b1"), article(B, "另一篇文章的正文，讲重大项目开工。"))
    arc.record(fetch(A, "a2", minutes=2), article(A, BODY_CHANGED))
    arc.record(fetch(MIRROR, "m"), article(MIRROR, BODY_CHANGED))

    changes = list(arc.changes())
    assert [c.kind for c in changes] == ["new", "new", "version", "duplicate"]
    assert [c.url for c in changes] == [A, B, A, MIRROR]
    seqs = [c.seq for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4


def test_a_consumer_resumes_from_its_saved_cursor(arc: Archive) -> None:
    arc.record(fetch(A, "a1"), article(A, BODY))
    arc.record(fetch(B, "b1"), article(B, "第二篇：开发区新签约项目十二个。"))

    processed = []
    cursor = 0
    for change in arc.changes(after=cursor):
        processed.append((change.document_id, change.version))
        cursor = change.seq

    arc.record(fetch(A, "a2", minutes=5), article(A, BODY_CHANGED))
    later = list(arc.changes(after=cursor))
    assert [(c.url, c.kind, c.version) for c in later] == [(A, "version", 2)]
    assert list(arc.changes(after=later[-1].seq)) == []
    assert len(processed) == 2


def test_changes_can_be_read_in_pages(arc: Archive) -> None:
    for i in range(5):
        url = f"http://www.hongze.gov.cn/art/2024/7/24/art_1_{i + 10}.html"
        arc.record(fetch(url, f"p{i}"), article(url, f"第{i}篇文章正文，内容各不相同。"))
    cursor, seen = 0, []
    while page := list(arc.changes(after=cursor, limit=2)):
        seen.extend(c.seq for c in page)
        cursor = page[-1].seq
    assert len(seen) == 5 and len(set(seen)) == 5
