"""The archive pipeline in-process (no reactor): one run per crawl, one capture per page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from archive import Fetch, open_archive
from crawler.items import Page
from crawler.pipelines import ArchivePipeline, error_count, jsonable_stats, run_status
from crawler.run import crawl_settings
from crawler.sites import parse_site
from crawler.spiders.site import SiteSpider

ARTICLE = (
    "<html><head><title>全市工业经济运行分析会召开</title></head><body><div class='content'>"
    "<h1>全市工业经济运行分析会召开</h1><p>发布时间：2024-03-05 10:00</p>"
    + "<p>会议指出，要坚定不移推进新型工业化，加快培育先进制造业集群，推动经济稳中求进。</p>" * 6
    + "</div></body></html>"
).encode("gbk")


def test_project_settings_are_fit_for_public_sector_sites() -> None:
    settings = crawl_settings({"DOWNLOAD_DELAY": 0})
    assert isinstance(settings, Settings)
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") == 1.0
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert settings.getint("RETRY_TIMES") == 2
    assert {503, 408, 429} <= set(settings.getlist("RETRY_HTTP_CODES"))
    assert settings.getint("DOWNLOAD_MAXSIZE") == 20 * 1024 * 1024
    assert settings["TWISTED_REACTOR"].endswith("AsyncioSelectorReactor")
    assert settings.getdict("ITEM_PIPELINES") == {"crawler.pipelines.ArchivePipeline": 300}
    assert settings.getfloat("DOWNLOAD_DELAY") == 0  # overrides win


def test_pages_become_captures_of_one_recorded_run(tmp_path: Path) -> None:
    config = parse_site("demo", {"name": "演示站", "start_urls": ["http://gxj.example.cn/"]})
    spidercls = SiteSpider.for_site(config)
    crawler = get_crawler(spidercls, {"ARCHIVE_HOME": str(tmp_path),
                                      "ARCHIVE_TRIGGER": "scheduled"})
    crawler.spider = spidercls.from_crawler(crawler)
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()

    url = "http://gxj.example.cn/art/1.html"
    fetch = Fetch(url=url, final_url=url, status=200,
                  headers=[("Content-Type", "text/html; charset=gb2312")], body=ARTICLE,
                  fetched_at=datetime(2024, 3, 5, 2, 0, tzinfo=UTC))
    page = Page(fetch, site="demo", site_name="演示站")
    assert pipeline.process_item(page) is page
    assert page.result is not None and page.result.outcome == "new"
    assert crawler.stats is not None
    crawler.stats.set_value("start_time", datetime.now(UTC))  # a datetime, as Scrapy keeps it
    crawler.stats.inc_value("crawl/failed_requests")
    pipeline.spider_closed(crawler.spider, "finished")

    with open_archive(tmp_path) as arc:
        [run] = arc.runs(site="demo")
        assert (run.status, run.trigger, run.finish_reason) == ("finished", "scheduled", "finished")
        assert (run.captures, run.new_documents, run.errors) == (1, 1, 1)
        assert arc.latest_raw(page.result.document_id) == ARTICLE
    assert crawler.stats.get_value("archive/run_id") == run.id


@pytest.mark.parametrize(
    ("reason", "captures", "errors", "status"),
    [
        ("finished", 10, 2, "finished"),
        ("closespider_pagecount", 10, 0, "finished"),
        ("finished", 0, 3, "failed"),  # the site was down: nothing archived
        ("shutdown", 4, 0, "interrupted"),
        ("cancelled", 4, 0, "failed"),
    ],
)
def test_run_status(reason: str, captures: int, errors: int, status: str) -> None:
    assert run_status(reason, captures=captures, errors=errors) == status


def test_errors_count_failures_not_refusals() -> None:
    stats = {"crawl/failed_requests": 2, "crawl/server_errors": 1, "spider_exceptions/count": 1,
             "archive/write_errors": 1, "crawl/refused_requests": 5, "log_count/ERROR": 9}
    assert error_count(stats) == 5


def test_stats_are_made_json_safe() -> None:
    when = datetime(2024, 3, 5, tzinfo=UTC)
    out = jsonable_stats({"start_time": when, "n": 3, "odd": object(), "none": None})
    assert out["start_time"] == when.isoformat()
    assert out["n"] == 3 and out["none"] is None and isinstance(out["odd"], str)
