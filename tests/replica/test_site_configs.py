"""The site files for the replica sites: their URLs, patterns and selectors fit the pages."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from parsel import Selector

from crawler.replica import Replica
from crawler.sites.config import parse_site
from tests.replica.helpers import ALL_SITES, content_dirs, fetch, started, visible_text

ROOT = Path(__file__).resolve().parents[2]
FILES = {
    **{key: ROOT / "crawler" / "sites" / f"{key}.toml" for key in ALL_SITES[:5]},
    **{key: ROOT / "crawler" / "replica" / "extra_sites" / f"{key}.toml" for key in ALL_SITES[5:]},
}
KNOWN = {
    "name",
    "region",
    "start_urls",
    "allowed_domains",
    "schedule",
    "browser",
    "cms",
    "sitemaps",
    "feeds",
    "article_pattern",
    "list_pattern",
    "max_pages",
    "stop_after_known_pages",
    "revisit_after",
    "hook",
    "selectors",
}
SELECTORS = {"article_links", "next_page", "title", "body", "published", "source", "author"}


def config(site: str) -> dict[str, Any]:
    with FILES[site].open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module", params=content_dirs())
def replica(request: pytest.FixtureRequest) -> Iterator[Replica]:
    yield from started(request.param)


@pytest.mark.parametrize("site", ALL_SITES)
def test_site_file_uses_only_the_documented_keys(site: str) -> None:
    data = config(site)
    assert set(data) <= KNOWN
    assert set(data.get("selectors", {})) <= SELECTORS
    assert data["name"] and data["start_urls"]
    if site == "hanews":
        assert set(data) == {"name", "start_urls"}
    assert config("xichu")["browser"] is True
    assert config("hongze")["cms"] == "hanweb"


@pytest.mark.parametrize("site", ALL_SITES)
def test_site_file_passes_the_config_parser(site: str) -> None:
    parsed = parse_site(site, config(site), source=FILES[site])
    assert parsed.start_urls == tuple(config(site)["start_urls"])


@pytest.mark.parametrize("site", ALL_SITES)
def test_start_urls_are_served_list_pages(replica: Replica, site: str) -> None:
    data = config(site)
    for url in data["start_urls"]:
        assert fetch(replica, url).status == 200, url
        if "list_pattern" in data:
            assert re.search(data["list_pattern"], url), url
    for url in data.get("sitemaps", []) + data.get("feeds", []):
        assert fetch(replica, url).status == 200, url


@pytest.mark.parametrize("site", ALL_SITES)
def test_patterns_separate_articles_from_lists(replica: Replica, site: str) -> None:
    data = config(site)
    if "article_pattern" not in data:
        return
    built = replica.sites()[site]
    truth = replica.truth(site)
    for t in truth:
        assert re.search(data["article_pattern"], t.url), t.url
        assert not re.search(data.get("list_pattern", "(?!)"), t.url), t.url
        for part in t.parts[1:]:
            assert not re.search(data["article_pattern"], part), "a second part is no article"
    for path in built.list_paths():
        url = built.url(path)
        assert not re.search(data["article_pattern"], url), url
    # The disallowed column matches the list pattern: robots.txt alone keeps the crawler out.
    hidden_lists = [u for u in replica.hidden_urls() if "/col/" in u] if site == "hongze" else []
    for url in hidden_lists:
        assert re.search(data["list_pattern"], url), url


def selected_text(page: Selector, selector: str, where: str) -> str:
    found = page.css(selector)
    assert found, f"{selector!r} matches nothing on {where}"
    return visible_text(found[0].get())


@pytest.mark.parametrize("site", ALL_SITES)
def test_selectors_find_the_article_fields(replica: Replica, site: str) -> None:
    selectors = config(site).get("selectors", {})
    built = replica.sites()[site]
    for t in replica.truth(site)[:5]:
        page = Selector(text=fetch(replica, t.url).body.decode(built.encoding))
        found = {
            name: selected_text(page, sel, t.url)
            for name, sel in selectors.items()
            if name not in ("article_links", "next_page") and (name != "author" or t.author)
        }
        if "title" in found:
            assert found["title"].strip() == t.title
        if "body" in found:
            for paragraph in t.body.split("\n") if site != "haiying" else [t.body]:
                assert paragraph in found["body"]
        if "source" in found:
            assert t.source in found["source"]
        if "published" in found:
            assert str(t.published.day) in found["published"]
        if "author" in found and t.author:
            assert t.author in found["author"]


@pytest.mark.parametrize("site", ["d7760", "laserfair"])
def test_list_selectors_find_articles_and_the_next_page(replica: Replica, site: str) -> None:
    data = config(site)
    selectors = data["selectors"]
    url = data["start_urls"][0]
    text = fetch(replica, url).body.decode(replica.sites()[site].encoding)
    page = Selector(text=text)
    hrefs = page.css(selectors["article_links"]).xpath("@href").getall()
    assert 0 < len(hrefs) <= 10
    assert all(re.search(data["article_pattern"], h) for h in hrefs)
    next_page = page.css(selectors["next_page"]).xpath("@href").getall()
    has_more = '_2.html"' in text
    assert bool(next_page) == has_more
    if has_more:
        assert urlsplit(next_page[0]).path.endswith("_2.html")
