"""Site configs: TOML files in, SiteConfig out, and one clear line when a file is wrong."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.sites import BadSiteConfig, UnknownSite, load_site, load_sites, site_keys
from crawler.sites import loader as sites_loader
from crawler.sites.config import DEFAULT_MAX_PAGES
from crawler.sites.spiderloader import SiteSpiderLoader
from crawler.spiders.site import SiteSpider

GOOD = """
name = "演示工信局"
start_urls = ["http://gxj.example.gov.cn:8080/col/list.html"]
article_pattern = '/art/\\d+\\.html$'
"""


@pytest.fixture
def sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # An empty built-in directory, so these tests do not depend on what the package ships.
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    monkeypatch.setattr(sites_loader, "BUILTIN_DIR", builtin)
    monkeypatch.delenv("NEWSARCHIVE_SITES_DIR", raising=False)
    extra = tmp_path / "sites"
    extra.mkdir()
    return extra


def write(directory: Path, key: str, text: str) -> Path:
    path = directory / f"{key}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_defaults(sites: Path) -> None:
    write(sites, "demo", GOOD)
    config = load_site("demo", sites)
    assert config.key == "demo"
    assert config.name == "演示工信局"
    assert config.start_urls == ("http://gxj.example.gov.cn:8080/col/list.html",)
    assert config.allowed_domains == ("gxj.example.gov.cn",)  # host of the start URLs, no port
    assert config.article_pattern == r"/art/\d+\.html$"
    assert config.max_pages == DEFAULT_MAX_PAGES
    assert (config.cms, config.browser, config.stop_after_known_pages) == ("auto", False, 1)
    assert config.revisit_after == timedelta(days=7)
    assert list(load_sites(sites)) == ["demo"]


def test_the_sites_directory_comes_from_the_environment_and_overrides_builtin(
    sites: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(sites_loader.BUILTIN_DIR, "demo", GOOD)
    write(sites_loader.BUILTIN_DIR, "other", GOOD)
    write(sites, "demo", GOOD.replace("演示工信局", "覆盖"))
    monkeypatch.setenv("NEWSARCHIVE_SITES_DIR", str(sites))
    assert site_keys() == ["demo", "other"]
    assert load_site("demo").name == "覆盖"
    assert load_site("other").name == "演示工信局"


def test_unknown_site_is_a_key_error_with_a_readable_message(sites: Path) -> None:
    write(sites, "demo", GOOD)
    with pytest.raises(UnknownSite) as info:
        load_site("nope", sites)
    assert isinstance(info.value, KeyError)
    assert str(info.value) == "unknown site 'nope' (known: demo)"


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("demo", "name = [", "invalid TOML"),
        ("demo", GOOD + "max_page = 3\n", "unknown setting(s): max_page"),
        ("demo", 'start_urls = ["http://a.example/"]\n', "'name' must be a non-empty string"),
        ("demo", 'name = "x"\nstart_urls = []\n', "at least one URL"),
        ("demo", 'name = "x"\nstart_urls = ["/col/list.html"]\n', "absolute http(s) URL"),
        ("demo", GOOD + "list_pattern = '(unclosed'\n", "'list_pattern' is not a valid"),
        ("demo", GOOD + "max_pages = 0\n", "'max_pages' must be a positive integer"),
        ("demo", GOOD + 'allowed_domains = ["http://a.example/"]\n', "bare host name"),
        ("demo", GOOD + 'key = "other"\n', "does not match the file name"),
        ("Demo", GOOD, "must be lower-case"),
        ("add", GOOD, "reserved"),
    ],
)
def test_bad_files_give_one_line_naming_the_file(sites: Path, key: str, text: str,
                                                 message: str) -> None:
    path = write(sites, key, text)
    with pytest.raises(BadSiteConfig) as info:
        load_site(key, sites)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_a_missing_sites_directory_is_reported(tmp_path: Path) -> None:
    with pytest.raises(BadSiteConfig, match="does not exist"):
        site_keys(tmp_path / "nowhere")


def test_spider_loader_offers_module_spiders_and_every_site(sites: Path) -> None:
    write(sites, "demo", GOOD)
    write(sites, "broken", "name = [")
    loader = SiteSpiderLoader.from_settings(
        Settings({"SPIDER_MODULES": ["crawler.spiders"], "CRAWL_SITES_DIR": str(sites)})
    )
    assert loader.list() == ["add", "broken", "demo"]
    spider = loader.load("demo")
    assert issubclass(spider, SiteSpider)
    assert spider.name == "demo"
    assert spider.allowed_domains == ["gxj.example.gov.cn"]  # type: ignore[attr-defined]
    assert loader.load("add").name == "add"  # a broken site file does not stop the others
    with pytest.raises(KeyError):
        loader.load("nope")
    with pytest.raises(BadSiteConfig):
        loader.load("broken")
