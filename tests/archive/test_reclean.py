"""Re-cleaning from the raw archive: a version only where the result changed."""

from __future__ import annotations

from dataclasses import replace

from archive import Archive
from tests.archive.helpers import BODY, BODY_CHANGED, article, fetch

URL = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"


def test_a_changed_result_is_a_new_version_on_the_same_capture(arc: Archive) -> None:
    first = arc.record(fetch(URL, "<p>raw</p>"), article(URL, BODY))
    [target] = arc.reclean_targets()
    assert (target.document_id, target.capture_id) == (first.document_id, first.capture_id)

    assert arc.record_reclean(target, article(URL, BODY)) == "unchanged"
    assert arc.record_reclean(target, article(URL, BODY_CHANGED)) == "new_version"
    detail = arc.document(target.document_id)
    assert [(v.number, v.capture_id) for v in detail.versions] == [
        (1, first.capture_id), (2, first.capture_id)]
    assert detail.document.body == BODY_CHANGED
    assert [c.kind for c in arc.changes()] == ["new", "version"]


def test_metadata_alone_can_change_and_non_articles_are_left_alone(arc: Archive) -> None:
    arc.record(fetch(URL, "<p>raw</p>"), article(URL, BODY))
    [target] = arc.reclean_targets()
    retitled = article(URL, BODY, title="洪泽区召开工业经济发展工作委员会会议")
    assert arc.record_reclean(target, retitled) == "new_version"
    assert arc.document(target.document_id).document.title == retitled.title
    assert arc.record_reclean(target, replace(retitled, is_article=False)) == "not_article"
    assert arc.document(target.document_id).document.versions == 2


def test_a_multi_page_article_is_not_cut_to_its_first_page(arc: Archive) -> None:
    merged = replace(article(URL, BODY_CHANGED), extras={"parts": "2"})
    arc.record(fetch(URL, "<p>part one</p>"), merged)
    [target] = arc.reclean_targets()
    assert arc.record_reclean(target, article(URL, BODY)) == "multi_page"
    assert arc.document(target.document_id).document.body == BODY_CHANGED


def test_targets_are_each_documents_latest_good_capture_and_filter_by_site(arc: Archive) -> None:
    arc.record(fetch(URL, "<p>one</p>"), article(URL, BODY), site="hongze")
    latest = arc.record(fetch(URL, "<p>two</p>", minutes=5), article(URL, BODY), site="hongze")
    arc.record(fetch(URL, "gone", minutes=9, status=404), site="hongze")
    other = "http://www.d7760.cn/news/1.html"
    arc.record(fetch(other, "<p>x</p>"), article(other, BODY_CHANGED), site="d7760")
    assert [t.capture_id for t in arc.reclean_targets("hongze")] == [latest.capture_id]
    assert len(arc.reclean_targets()) == 2
