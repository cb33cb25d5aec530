"""Storage guarantees: raw bytes, atomic writes, concurrency, time zones, filters, migrations."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from archive import Archive, NotFound
from archive.models import Base, Capture, Content, Document, Version
from archive.timeutil import SHANGHAI
from tests.archive.helpers import BODY, article, fetch

URL = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"
GBK_PAGE = (
    '<html><head><meta charset="gb2312"><title>洪泽区召开会议</title></head>'
    "<body><p>6月19日，区委书记主持召开区工业经济发展工作委员会会议。</p></body></html>"
).encode("gbk")


def rows(arc: Archive, model: type) -> int:
    with Session(arc.engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_raw_bytes_come_back_bit_for_bit(arc: Archive) -> None:
    result = arc.record(fetch(URL, GBK_PAGE), article(URL, BODY))
    assert arc.raw(result.blob_sha256) == GBK_PAGE
    assert arc.latest_raw(result.document_id or 0) == GBK_PAGE
    path = arc.blobs.path(result.blob_sha256)
    assert path.name == f"{result.blob_sha256}.zst"  # named by digest, never by URL
    assert path.read_bytes() != GBK_PAGE  # stored compressed


def test_a_failed_write_leaves_no_rows_and_can_be_retried(arc: Archive) -> None:
    # A naive datetime deep in the write makes the transaction fail after the blob, the capture
    # and the document were already flushed: all of it must roll back.
    broken = replace(article(URL, BODY), published=datetime(2024, 7, 24, 9, 0))
    with pytest.raises(StatementError, match="naive datetime"):
        arc.record(fetch(URL, GBK_PAGE), broken)
    # The site is registered once, in a transaction of its own; nothing of the fetch remains.
    assert [rows(arc, m) for m in (Capture, Document, Content, Version)] == [0, 0, 0, 0]
    assert len(list(arc.blobs.root.rglob("*.zst"))) == 1  # orphan blob: harmless

    result = arc.record(fetch(URL, GBK_PAGE), article(URL, BODY))
    assert result.outcome == "new"
    assert arc.raw(result.blob_sha256) == GBK_PAGE


def test_concurrent_writers_never_create_duplicates(arc: Archive) -> None:
    mirrors = [f"http://mirror{i}.example.com/news/1.html" for i in range(6)]
    results: list[str] = []
    errors: list[BaseException] = []

    def write(url: str) -> None:
        try:
            for minute in range(3):
                r = arc.record(fetch(url, f"<p>{url}</p>", minutes=minute), article(url, BODY))
                results.append(r.outcome)
        except BaseException as exc:  # surfaced below; a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(u,)) for u in mirrors + mirrors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert rows(arc, Document) == 6
    assert rows(arc, Content) == 1
    assert results.count("new") == 1 and results.count("duplicate") == 5
    assert results.count("unchanged") == len(results) - 6
    with Session(arc.engine) as session:
        owners = session.scalars(select(Document).where(Document.duplicate_of.is_(None))).all()
    assert len(owners) == 1


def test_times_are_timezone_aware_and_survive_the_round_trip(arc: Archive) -> None:
    result = arc.record(fetch(URL, "x"), article(URL, BODY))
    doc = arc.document(result.document_id or 0).document
    assert doc.published == datetime(2024, 7, 24, 9, 0, tzinfo=SHANGHAI)
    assert doc.published is not None and doc.published.tzinfo is not None
    assert doc.as_json()["published"] == "2024-07-24T09:00:00+08:00"
    assert doc.first_seen == datetime(2024, 7, 24, 10, 33, tzinfo=SHANGHAI)


def test_documents_filter_by_site_text_dates_and_duplicates(arc: Archive) -> None:
    gov = "http://www.hongze.gov.cn/art/2024/7/1/art_1_9.html"
    arc.record(fetch(gov, "g"), replace(article(gov, "招商引资签约仪式举行。"),
                                        published=datetime(2024, 7, 1, tzinfo=SHANGHAI)))
    arc.record(fetch(URL, "u"), article(URL, BODY))
    mirror = "http://mirror.example.com/n/1.html"
    arc.record(fetch(mirror, "m"), article(mirror, BODY))

    def urls(**filters: object) -> list[str]:
        return [d.url for d in arc.documents(**filters)]

    assert urls(site="www.hongze.gov.cn") == [gov, URL]
    assert urls(text="招商引资") == [gov]
    assert urls(text="项目为王") == [URL, mirror]
    assert urls(text="100%_") == []  # LIKE wildcards are literal
    since = datetime(2024, 7, 20, tzinfo=SHANGHAI)
    assert urls(published_since=since, include_duplicates=False) == [URL]
    assert urls(published_until=since) == [gov]
    assert urls(newest_first=True, limit=1) in ([URL], [mirror])


def test_unknown_document_is_a_clear_error(arc: Archive) -> None:
    with pytest.raises(NotFound, match="no document with id 999"):
        arc.document(999)


def test_runs_count_what_happened(arc: Archive) -> None:
    run = arc.start_run("hongze", "manual", site_name="洪泽区人民政府")
    arc.record(fetch(URL, "a"), article(URL, BODY), site="hongze", run_id=run)
    arc.record(fetch(URL, "b", minutes=1), article(URL, BODY), site="hongze", run_id=run)
    arc.finish_run(run, "finished", "finished")
    [record] = arc.runs()
    assert (record.site, record.status, record.captures) == ("hongze", "finished", 2)
    assert (record.new_documents, record.unchanged, record.bytes_received) == (1, 1, 2)
    [site] = arc.sites()
    assert (site.key, site.name, site.documents) == ("hongze", "洪泽区人民政府", 1)
    assert site.last_run is not None and site.last_run.id == run


def test_the_migrated_schema_matches_the_models(arc: Archive) -> None:
    with arc.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_processes_opening_a_new_archive_at_once_all_succeed(db_url: str, tmp_path: Path) -> None:
    code = "import sys; from archive import open_archive; open_archive(sys.argv[1], sys.argv[2])"
    home = str(tmp_path / "home")  # where the sqlite db_url points
    children = [
        subprocess.Popen([sys.executable, "-c", code, home, db_url], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [child.communicate(timeout=60)[1].decode() for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], errors


def test_a_search_in_simplified_chinese_finds_a_traditional_page(arc: Archive) -> None:
    url = "http://www.d7760.cn/news/huaian/2024/0724/1.html"
    traditional = replace(article(url, "重特大產業項目攻堅拉練在淮安舉行。"),
                          script="zh-Hant", simplified_body="重特大产业项目攻坚拉练在淮安举行。")
    result = arc.record(fetch(url, "<p>x</p>"), traditional)
    with Session(arc.engine) as session:
        extras = session.execute(select(Version.extras)
                                 .where(Version.document_id == result.document_id)).scalar_one()
    assert extras["script"] == "zh-Hant"
    for query in ("产业项目", "產業項目"):
        assert [d.url for d in arc.documents(text=query)] == [url], query
    assert list(arc.documents(text="招商引资")) == []
