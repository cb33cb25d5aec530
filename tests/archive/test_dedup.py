"""The dedup rules, each on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive import Archive
from archive.models import Blob, Capture, Content
from tests.archive.helpers import BODY, BODY_CHANGED, article, fetch

URL = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"


def count(arc: Archive, model: type) -> int:
    with Session(arc.engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def blob_files(arc: Archive) -> list[Path]:
    return [p for p in arc.blobs.root.rglob("*.zst")]


def test_same_url_same_bytes_reuses_the_blob(arc: Archive) -> None:
    first = arc.record(fetch(URL, "<html>same</html>"), article(URL, BODY))
    second = arc.record(fetch(URL, "<html>same</html>", minutes=5), article(URL, BODY))

    assert (first.outcome, second.outcome) == ("new", "unchanged")
    assert second.document_id == first.document_id
    assert second.blob_sha256 == first.blob_sha256
    assert second.capture_id != first.capture_id
    assert count(arc, Blob) == 1 and len(blob_files(arc)) == 1
    assert count(arc, Capture) == 2


def test_raw_bytes_differ_but_content_same_moves_last_seen(arc: Archive) -> None:
    first = arc.record(fetch(URL, "<html>views: 10</html>"), article(URL, BODY))
    second = arc.record(fetch(URL, "<html>views: 11</html>", minutes=60), article(URL, BODY))

    assert second.outcome == "unchanged"
    detail = arc.document(first.document_id or 0)
    assert detail.document.versions == 1
    assert len(detail.versions) == 1
    assert detail.document.last_seen > detail.document.first_seen
    assert len(detail.captures) == 2
    assert count(arc, Blob) == 2


def test_changed_content_becomes_a_new_version_and_old_stays_readable(arc: Archive) -> None:
    first = arc.record(fetch(URL, "<html>v1</html>"), article(URL, BODY))
    second = arc.record(fetch(URL, "<html>v2</html>", minutes=60), article(URL, BODY_CHANGED))

    assert second.outcome == "new_version" and second.version == 2
    assert second.describe() == "new version 2"
    detail = arc.document(first.document_id or 0)
    assert [v.number for v in detail.versions] == [1, 2]
    assert detail.versions[0].body == BODY
    assert detail.versions[1].body == BODY_CHANGED
    assert detail.document.body == BODY_CHANGED
    assert detail.document.versions == 2


def test_whitespace_only_changes_are_not_a_new_version(arc: Archive) -> None:
    arc.record(fetch(URL, "<html>a</html>"), article(URL, BODY))
    spaced = "  " + BODY.replace("\n", "\n\n\u3000\u3000") + "  "
    again = arc.record(fetch(URL, "<html>b</html>", minutes=1), article(URL, spaced))
    assert again.outcome == "unchanged"


def test_another_url_with_the_same_content_is_a_duplicate(arc: Archive) -> None:
    mirror = "https://mirror.example.com/news/2024/0724/123.html"
    original = arc.record(fetch(URL, "<html>gov</html>"), article(URL, BODY))
    copy = arc.record(fetch(mirror, "<html>spam wrapper</html>"), article(mirror, BODY))

    assert copy.outcome == "duplicate"
    assert copy.duplicate_of == original.document_id
    assert copy.describe() == f"duplicate of {original.document_id}"
    assert count(arc, Content) == 1  # the body is not stored twice
    dup = arc.document(copy.document_id or 0).document
    assert dup.duplicate_of == original.document_id
    assert dup.body == BODY  # still readable through the shared content row
    assert dup.site == "mirror.example.com"


def test_tracking_parameters_and_fragments_name_the_same_document(arc: Archive) -> None:
    first = arc.record(fetch(URL, "<html>a</html>"), article(URL, BODY))
    decorated = URL.replace("http://www.hongze.gov.cn", "HTTP://WWW.Hongze.gov.cn:80")
    decorated += "?utm_source=wechat&utm_medium=share#comments"
    second = arc.record(fetch(decorated, "<html>a</html>", minutes=1), article(decorated, BODY))

    assert second.document_id == first.document_id
    assert second.outcome == "unchanged"
    assert count(arc, Content) == 1


def test_non_article_responses_are_captured_without_a_document(arc: Archive) -> None:
    result = arc.record(fetch(URL, "<html>gone</html>", status=404), article(URL, BODY))
    assert result.outcome == "not_article" and result.document_id is None
    assert count(arc, Capture) == 1
    assert list(arc.documents()) == []
