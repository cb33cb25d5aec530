"""The ``newsarchive`` command, driven as a user drives it, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive import open_archive
from tests.archive.helpers import BODY, BODY_CHANGED, article, fetch
from tests.webserver import WebServer

ROOT = Path(__file__).resolve().parents[2]
URL = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"
MIRROR = "http://mirror.example.com/a/1.html"
GBK_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    "<title>洪泽区召开工业经济发展工作委员会会议_洪泽区人民政府</title></head><body>"
    "<h1>洪泽区召开工业经济发展工作委员会会议</h1>"
    "<div>发布时间：2024-07-24 10:33 来源：洪泽区工信局</div>"
    "<div id='zoom'><p>6月19日，区委书记主持召开区工业经济发展工作委员会2023年度第二次会议，"
    "专题总结中国化纖科技大会成果，推动纤维产业迈向新台阶。</p>"
    "<p>会议指出，要树牢“项目为王、环境是金”理念，合力推动工业经济高质量发展。</p></div>"
    "</body></html>"
).encode("gbk")


def newsarchive(*args: str, home: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli.main", "--home", str(home), *args],
        capture_output=True, cwd=ROOT, timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path, db_url: str) -> Path:
    """A home with two documents (one with two versions) and a mirror duplicate."""
    with open_archive(home=tmp_path / "home", db=db_url) as arc:
        arc.record(fetch(URL, GBK_PAGE), article(URL, BODY))
        arc.record(fetch(URL, "v2", minutes=30), article(URL, BODY_CHANGED))
        arc.record(fetch(MIRROR, "m", minutes=40), article(MIRROR, BODY_CHANGED))
    return tmp_path / "home"


def run_cli(capsys: pytest.CaptureFixture[str], db_url: str, home: Path,
            *args: str) -> tuple[int, str, str]:
    from crawler.cli.main import main

    code = main(["--home", str(home), "--db", db_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_query_jsonl_rows_carry_every_field(capsys: pytest.CaptureFixture[str], db_url: str,
                                            home: Path) -> None:
    code, out, _ = run_cli(capsys, db_url, home, "query", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    by_url = {row["url"]: row for row in rows}
    original, copy = by_url[URL], by_url[MIRROR]
    assert set(original) >= {"id", "url", "site", "title", "published", "source", "author",
                             "body", "content_hash", "duplicate_of", "versions", "first_seen",
                             "last_seen"}
    assert original["versions"] == 2 and original["body"] == BODY_CHANGED
    assert original["published"] == "2024-07-24T09:00:00+08:00"
    assert copy["duplicate_of"] == original["id"]


def test_query_filters_and_formats(capsys: pytest.CaptureFixture[str], db_url: str,
                                   home: Path) -> None:
    _, out, _ = run_cli(capsys, db_url, home, "query", "招商引资", "--site", "www.hongze.gov.cn",
                        "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["url"] == URL
    _, out, _ = run_cli(capsys, db_url, home, "query", "--since", "2024-07-25", "--format", "jsonl")
    assert out == ""
    _, out, _ = run_cli(capsys, db_url, home, "query", "--until", "2024-07-24", "--limit", "1")
    assert "洪泽区召开工业经济会议" in out and out.count("\n") == 2  # header + one row
    _, out, _ = run_cli(capsys, db_url, home, "query", "--no-duplicates", "--format", "jsonl")
    assert [json.loads(line)["url"] for line in out.splitlines()] == [URL]


def test_show_json_and_versions(capsys: pytest.CaptureFixture[str], db_url: str,
                                home: Path) -> None:
    code, out, _ = run_cli(capsys, db_url, home, "show", "1", "--format", "json", "--versions")
    shown = json.loads(out)
    assert code == 0 and shown["document"]["url"] == URL
    assert [v["body"] for v in shown["versions"]] == [BODY, BODY_CHANGED]
    assert len(shown["captures"]) == 2
    assert shown["captures"][0]["headers"][0] == ["Content-Type", "text/html; charset=utf-8"]
    _, out, _ = run_cli(capsys, db_url, home, "show", "1", "--versions")
    assert "--- version 1" in out and "--- version 2" in out


def test_show_raw_is_byte_identical(db_url: str, home: Path, tmp_path: Path) -> None:
    with open_archive(home=home, db=db_url) as arc:
        arc.record(fetch(URL, GBK_PAGE, minutes=50), article(URL, BODY_CHANGED))
    shown = newsarchive("--db", db_url, "show", "1", "--raw", home=home)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == GBK_PAGE


def test_runs_and_sites_list_what_is_there(capsys: pytest.CaptureFixture[str], db_url: str,
                                          home: Path) -> None:
    with open_archive(home=home, db=db_url) as arc:
        run = arc.start_run("hongze", "manual")
        arc.finish_run(run, "finished", "finished")
    _, out, _ = run_cli(capsys, db_url, home, "runs")
    assert "hongze" in out and "finished" in out
    _, out, _ = run_cli(capsys, db_url, home, "sites")
    assert "www.hongze.gov.cn" in out and "mirror.example.com" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "no document with id 999"),
        (["show", "999", "--raw"], "no document with id 999"),
        (["query", "--since", "yesterday"], "bad date 'yesterday'"),
        (["add", "not-a-url"], "bad URL 'not-a-url'"),
        (["add", "ftp://example.com/a"], "bad URL"),
        (["clean", "/nonexistent/page.html", "--url", "http://a.cn/x.html"],
         "No such file or directory"),
        (["clean", "README.md", "--url", "notaurl"], "bad URL"),
        (["crawl", "no-such-site"], "unknown site 'no-such-site'"),
        (["--db", "postgresql://nobody@127.0.0.1:1/none", "query"],
         "cannot open archive database"),
        (["--db", "nonsense://x", "query"], "cannot open archive database"),
    ],
)
def test_errors_are_one_clear_line_and_nonzero(tmp_path: Path, args: list[str],
                                               message: str) -> None:
    result = newsarchive(*args, home=tmp_path / "home")
    err = result.stderr.decode()
    assert result.returncode != 0
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_clean_prints_the_article_as_json(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(GBK_PAGE)
    result = newsarchive("clean", str(page), "--url", URL, "--format", "json",
                         home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {"title", "published", "source", "author", "body", "encoding"} <= set(out)
    assert out["title"] == "洪泽区召开工业经济发展工作委员会会议"
    assert out["encoding"] == "gb18030"
    assert out["published"].startswith("2024-07-24T10:33")
    assert "树牢“项目为王" in out["body"]
    assert (out["script"], out["simplified_body"]) == ("zh-Hans", None)


@pytest.mark.slow
def test_add_captures_a_gbk_page_and_show_raw_returns_the_same_bytes(
    web: WebServer, tmp_path: Path, db_url: str
) -> None:
    url = web.route("/art/2024/7/24/art_1_2.html", GBK_PAGE,
                    headers=[("Content-Type", "text/html; charset=gb2312")])
    home = tmp_path / "home"
    missing = web.url("/art/2024/7/24/missing.html")
    added = newsarchive("--db", db_url, "add", url, url + "?utm_source=x", missing, home=home)
    assert added.returncode == 1  # one URL failed
    lines = added.stdout.decode().splitlines()
    assert lines[0].split("\t")[:2] == ["1", "new"]
    assert lines[1].split("\t")[:2] == ["1", "unchanged"]
    assert lines[2].startswith("-\tfailed: HTTP 404") and lines[2].endswith(missing)

    shown = newsarchive("--db", db_url, "show", "1", "--raw", home=home)
    assert shown.stdout == GBK_PAGE

    queried = newsarchive("--db", db_url, "query", "项目为王", "--format", "jsonl", home=home)
    [row] = [json.loads(line) for line in queried.stdout.decode().splitlines()]
    assert row["title"] == "洪泽区召开工业经济发展工作委员会会议"
    assert row["site"].startswith("127.0.0.1:")


@pytest.mark.slow
def test_crawl_a_configured_site_then_list_runs_and_sites(web: WebServer, tmp_path: Path) -> None:
    article_url = web.route("/art/2024/7/24/art_1_2.html", GBK_PAGE,
                            headers=[("Content-Type", "text/html; charset=gb2312")])
    start = web.route("/col/col1/index.html",
                      f'<html><body><a href="{article_url}">洪泽区召开会议</a></body></html>')
    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    (sites_dir / "hongze-test.toml").write_text(
        f'name = "洪泽区人民政府（测试）"\nstart_urls = ["{start}"]\n'
        "article_pattern = '/art/\\d{4}/'\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    crawled = newsarchive("--sites-dir", str(sites_dir), "crawl", "hongze-test", home=home)
    assert crawled.returncode == 0, crawled.stderr
    assert "2 pages captured: 1 new" in crawled.stdout.decode()

    runs = newsarchive("runs", home=home).stdout.decode().splitlines()
    assert runs[1].split()[1:4] == ["hongze-test", "manual", "finished"]
    sites = newsarchive("--sites-dir", str(sites_dir), "sites", home=home).stdout.decode()
    assert "hongze-test" in sites and "洪泽区人民政府（测试）" in sites and "finished" in sites


def test_a_site_whose_hook_cannot_be_imported_is_one_clear_line(tmp_path: Path) -> None:
    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    (sites_dir / "odd.toml").write_text(
        'name = "x"\nstart_urls = ["http://a.example/"]\nhook = "no_such_module_here"\n',
        encoding="utf-8")
    done = newsarchive("--sites-dir", str(sites_dir), "crawl", "odd", home=tmp_path / "home")
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"newsarchive: error: {sites_dir / 'odd.toml'}: hook 'no_such_module_here' cannot be "
        "imported: No module named 'no_such_module_here'"]


def test_reclean_writes_versions_only_where_the_cleaner_now_reads_differently(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    with open_archive(home) as arc:
        # Archived by an older cleaner that got the body wrong; the raw page is kept.
        old = arc.record(fetch(URL, GBK_PAGE), article(URL, "旧的清洗结果。"))
        other = "http://www.hongze.gov.cn/art/2024/7/24/art_1_3.html"
        arc.record(fetch(other, GBK_PAGE))  # cleaned by today's cleaner already
    done = newsarchive("reclean", "--workers", "2", home=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("2 pages cleaned again: 1 new versions, 1 unchanged")
    assert "reclean: 2/2 pages" in done.stderr.decode()  # not a terminal: plain lines
    with open_archive(home) as arc:
        detail = arc.document(old.document_id)
        assert detail.document.versions == 2
        assert "工业经济发展工作委员会" in detail.document.body
    again = newsarchive("reclean", home=home)
    assert again.stdout.decode().startswith("2 pages cleaned again: 0 new versions, 2 unchanged")
    missing = newsarchive("reclean", "--site", "nope", home=home)
    assert (missing.returncode, missing.stderr.decode()) == (
        1, "newsarchive: error: no site 'nope' in this archive\n")
