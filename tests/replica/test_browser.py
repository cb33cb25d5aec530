"""xichu's list pages really work in a browser: headless chromium fills them from /api/list."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from crawler.replica import Replica
from crawler.replica.sites.xichu import Xichu
from tests.replica.helpers import FIXTURES, started

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    yield from started(FIXTURES, sites=["xichu"])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


def rendered(browser: Any, replica: Replica, path: str) -> tuple[list[tuple[str, str]], list[str]]:
    page = browser.new_page()
    try:
        page.goto(replica.base_url("xichu") + path)
        page.wait_for_selector("#pager a, #pager b")
        items = page.eval_on_selector_all(
            "ul#list li",
            "els => els.map(li => [li.querySelector('a').getAttribute('href'),"
            " li.querySelector('span').textContent])",
        )
        pager = page.eval_on_selector_all("#pager a", "els => els.map(a => a.textContent)")
        return [tuple(i) for i in items], pager
    finally:
        page.close()


def test_list_pages_render_articles_and_pager(browser: Any, replica: Replica) -> None:
    site = replica.sites()["xichu"]
    assert isinstance(site, Xichu)
    jj = [site.path(a) for a in site.articles if site.node(a) == "jj"]
    items, pager = rendered(browser, replica, "/jj/index.html")

    assert [href for href, _ in items] == jj[:10]
    assert all(len(date) == 10 for _, date in items)
    if len(jj) > 10:
        assert "下一页" in pager
        second, pager2 = rendered(browser, replica, "/jj/index_2.html")
        assert [href for href, _ in second] == jj[10:20]
        assert "上一页" in pager2
