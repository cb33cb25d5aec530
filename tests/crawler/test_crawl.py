"""Real crawls against the local web server, each in a child process (the reactor cannot
restart), through the entry points the CLI calls: crawler.run.crawl_site and add_urls."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from archive import BadURL, open_archive
from crawler.run import add_urls, crawl_site
from crawler.sites import UnknownSite
from tests.webserver import Route, WebServer

ROOT = Path(__file__).resolve().parents[2]
CONTACT = "https://ops.example.test/newsarchive-contact"
# Fast but still through AutoThrottle's and the retry middleware's code paths.
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
        "ARCHIVE_CONTACT_URL": CONTACT}
SENTENCES = [
    "会议指出，要坚定不移推进新型工业化，加快培育先进制造业集群。",
    "今年以来，全市规模以上工业增加值同比增长百分之六点八，高于全省平均水平。",
    "下一步，市工信局将聚焦重点产业链，强化要素保障，推动重大项目早开工早投产。",
    "企业负责人表示，将持续加大研发投入，提升产品竞争力，积极开拓国内外市场。",
    "会上还通报了上半年全市数字化转型工作进展情况，部署了下阶段重点任务。",
]
TEXT_HTML = [("Content-Type", "text/html; charset=utf-8")]


def article(number: int) -> str:
    body = "".join(f"<p>{SENTENCES[(number + i) % 5]}第{number}篇第{i}段。</p>" for i in range(6))
    title = f"全市工业经济运行情况通报（第{number}期）"
    return (f"<html><head><title>{title}</title></head><body><div class='content'>"
            f"<h1>{title}</h1><p>发布时间：2024-03-0{number} 10:00</p>{body}</div></body></html>")


def list_page(*hrefs: str) -> str:
    links = "".join(f'<li><a href="{href}">{href}</a></li>' for href in hrefs)
    return f"<html><head><title>工作动态</title></head><body><ul>{links}</ul></body></html>"


def run_child(code: str, **env: str) -> Any:
    """Run ``code`` in a fresh interpreter; it prints one JSON line last on stdout."""
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
        text=True, timeout=120, env={**os.environ, **env},
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def refused_url() -> str:
    with socket.socket() as sock:  # a port nobody listens on once this socket closes
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/nobody-home.html"


class FlakyRoutes(dict[str, Route]):
    """Routes whose ``flaky`` paths answer 503 to their first request, then normally."""

    def __init__(self, routes: dict[str, Route], flaky: set[str]) -> None:
        super().__init__(routes)
        self.flaky = set(flaky)

    def get(self, path: str, default: Any = None) -> Any:  # type: ignore[override]
        if path in self.flaky:
            self.flaky.discard(path)
            return Route(b"busy", 503, [("Content-Type", "text/plain")])
        return super().get(path, default)


@pytest.mark.slow
def test_crawl_site_follows_lists_to_articles_and_records_the_run(web: WebServer,
                                                                  tmp_path: Path) -> None:
    web.route("/robots.txt", "User-agent: *\nDisallow: /private/\n",
              headers=[("Content-Type", "text/plain")])
    localhost = web.url("/art/5.html").replace("127.0.0.1", "localhost")  # another host
    web.route("/col/list.html", list_page("/art/1.html", "../art/2.html", "/private/3.html",
                                          "/about.html", localhost, "list_2.html"))
    web.route("/col/list_2.html", list_page("/art/1.html", "/art/4.html#top"))
    for number in (1, 2, 3, 4, 5):
        web.route(f"/art/{number}.html", article(number))
    web.route("/private/3.html", article(3))
    web.route("/about.html", article(6))
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "demo.toml").write_text(textwrap.dedent(f"""
        name = "演示工信局"
        start_urls = ["{web.url('/col/list.html')}"]
        article_pattern = '/art/\\d+\\.html$'
        list_pattern = '/col/list(_\\d+)?\\.html$'
    """), encoding="utf-8")
    home = tmp_path / "home"

    summary = run_child(f"""
        import dataclasses, json
        from crawler.run import crawl_site
        summary = crawl_site("demo", home={str(home)!r}, sites_dir={str(sites)!r},
                             settings={FAST!r})
        print(json.dumps(dataclasses.asdict(summary)))
    """)

    paths = web.paths_requested()
    assert sorted(paths) == sorted(["/robots.txt", "/col/list.html", "/col/list_2.html",
                                    "/art/1.html", "/art/2.html", "/art/4.html"])
    assert "/private/3.html" not in paths  # robots.txt
    assert all(CONTACT in headers["User-Agent"] for _m, _p, headers in web.requests)
    assert summary["status"] == "finished"
    assert summary["captures"] == 5
    assert summary["new_documents"] == 3
    assert summary["errors"] == 0
    with open_archive(home) as arc:
        [run] = arc.runs(site="demo")
        assert run.id == summary["run_id"]
        assert (run.status, run.trigger, run.captures, run.new_documents) == (
            "finished", "manual", 5, 3)
        urls = sorted(doc.url for doc in arc.documents())
        assert urls == [web.url(f"/art/{n}.html") for n in (1, 2, 4)]
        [site] = arc.sites()
        assert (site.key, site.name) == ("demo", "演示工信局")


@pytest.mark.slow
def test_add_urls_reports_every_url_in_order(web: WebServer, tmp_path: Path) -> None:
    gbk_page = article(7).encode("gbk")
    plain = article(8).encode("utf-8")
    web.route("/robots.txt", "User-agent: *\nDisallow: /private/\n",
              headers=[("Content-Type", "text/plain")])
    urls = [
        web.route("/gbk.html", gbk_page, headers=[("Content-Type", "text/html; charset=gb2312")]),
        refused_url(),
        web.url("/missing.html"),
        web.route("/busy.html", article(9)),
        web.route("/gz.html", gzip.compress(plain),
                  headers=[*TEXT_HTML, ("Content-Encoding", "gzip")]),
        web.route("/private/x.html", article(1)),
        web.route("/private/y.html", article(2)),
        web.route("/huge.html", b"<html>" + b"x" * 300_000 + b"</html>", headers=TEXT_HTML),
    ]
    web.routes = FlakyRoutes(web.routes, {"/busy.html"})
    home = tmp_path / "home"

    outcomes = run_child(f"""
        import dataclasses, json
        from crawler.run import add_urls
        outcomes = add_urls({urls!r}, home={str(home)!r},
                            settings={{**{FAST!r}, "DOWNLOAD_MAXSIZE": 200_000}})
        print(json.dumps([dataclasses.asdict(o) for o in outcomes]))
    """)

    assert [o["url"] for o in outcomes] == urls
    gbk, refused, missing, busy, gz, private, private_too, huge = outcomes
    assert refused == {"url": urls[1], "result": None, "error": "connection refused"}
    assert missing["result"] is None
    assert missing["error"].startswith("HTTP 404 Not Found (archived as capture ")
    assert busy["error"] is None and busy["result"]["outcome"] == "new"
    assert web.paths_requested().count("/busy.html") == 2  # 503, retried, 200
    # Both, though they waited together for robots.txt (crawler/middlewares/robotstxt.py).
    assert private["error"] == private_too["error"] == "refused by robots.txt"
    assert not any(path.startswith("/private/") for path in web.paths_requested())
    assert huge["error"] == "too large: more than 200000 bytes (DOWNLOAD_MAXSIZE)"
    assert gbk["error"] is None and gbk["result"]["outcome"] == "new"
    assert gz["error"] is None and gz["result"]["outcome"] == "new"

    with open_archive(home) as arc:
        # The GBK bytes come back exactly as served.
        assert arc.raw(gbk["result"]["blob_sha256"]) == gbk_page
        assert arc.latest_raw(gbk["result"]["document_id"]) == gbk_page
        # A gzip body is stored decoded, and its headers no longer claim gzip.
        assert arc.latest_raw(gz["result"]["document_id"]) == plain
        [capture] = arc.document(gz["result"]["document_id"]).captures
        names = {name.lower(): value for name, value in capture.headers}
        assert "content-encoding" not in names
        assert names["x-archive-original-content-encoding"] == "gzip"
        [run] = arc.runs()
        assert (run.site, run.trigger, run.status) == (None, "add", "finished")
        assert run.errors == 2  # refused + too large; the 404 and robots.txt are not errors


def test_bad_input_is_refused_before_any_crawl(tmp_path: Path) -> None:
    # In-process: these must raise before the reactor is touched.
    with pytest.raises(BadURL):
        add_urls(["http://ok.example/", "www.example.com/page"], home=tmp_path)
    with pytest.raises(UnknownSite):
        crawl_site("no-such-site", home=tmp_path, sites_dir=tmp_path)
    assert add_urls([], home=tmp_path) == []


def test_scrapy_command_line_lists_every_configured_site(tmp_path: Path) -> None:
    (tmp_path / "demo.toml").write_text('name = "演示"\nstart_urls = ["http://a.example/"]\n',
                                        encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, text=True,
                          capture_output=True, timeout=60,
                          env={**os.environ, "NEWSARCHIVE_SITES_DIR": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"add", "demo"} <= set(proc.stdout.split())


def test_archive_never_imports_scrapy() -> None:
    found = run_child("""
        import json, sys
        import archive, archive.cleaning, archive.store, archive.query, archive.write
        print(json.dumps(sorted(m for m in sys.modules
                                if m.split(".")[0] in ("scrapy", "twisted", "crawler"))))
    """)
    assert found == []
