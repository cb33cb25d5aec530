"""URL canonicalization."""

from __future__ import annotations

import pytest

from archive import BadURL, canonicalize


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("HTTP://WWW.Hongze.GOV.cn:80/art/2024/7/24/art_1_2.html#top",
         "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"),
        ("https://a.cn:443/news/index.html", "https://a.cn/news/"),
        ("https://a.cn/news/index.htm?utm_source=x&id=3&UTM_medium=y&spm=1.2",
         "https://a.cn/news/?id=3"),
        ("http://a.cn/list?page=2&col=5", "http://a.cn/list?col=5&page=2"),
        ("http://a.cn", "http://a.cn/"),
        ("http://a.cn:8080/x", "http://a.cn:8080/x"),
        ("http://a.cn/新闻/1.html", "http://a.cn/%E6%96%B0%E9%97%BB/1.html"),
        ("http://a.cn/%e6%96%b0/1.html", "http://a.cn/%E6%96%B0/1.html"),
        ("http://a.cn/search?q=招商", "http://a.cn/search?q=%E6%8B%9B%E5%95%86"),
    ],
)
def test_canonical_forms(given: str, canonical: str) -> None:
    assert canonicalize(given) == canonical


@pytest.mark.parametrize("bad", ["not a url", "ftp://a.cn/x", "/relative/path", "http://", ""])
def test_bad_urls_are_refused(bad: str) -> None:
    with pytest.raises(BadURL):
        canonicalize(bad)
