"""The real content files keep the rules of the content format the replica relies on."""

from __future__ import annotations

import tomllib
from datetime import datetime
from typing import Any

import pytest

from crawler.replica.content import CONTENT_DIR, SHANGHAI, load_content
from tests.replica.helpers import ALL_SITES

FURNITURE_WORDS = ("来源", "发布时间", "作者", "责任编辑", "下一页")
SECTIONS = {
    "hongze": {"工业经济", "招商引资"},
    "d7760": {"淮安新闻", "工业经济"},
    "xichu": {"经济", "时政"},
}
FIRST, LAST = datetime(2016, 1, 1, tzinfo=SHANGHAI), datetime(2024, 10, 31, 23, 59, tzinfo=SHANGHAI)
PRESENT = [s for s in ALL_SITES if (CONTENT_DIR / f"{s}.toml").exists()]


def raw(site: str) -> list[dict[str, Any]]:
    with (CONTENT_DIR / f"{site}.toml").open("rb") as fh:
        return list(tomllib.load(fh)["articles"])


@pytest.mark.skipif(not PRESENT, reason="no content files yet")
@pytest.mark.parametrize("site", PRESENT)
def test_content_file_keeps_the_format(site: str) -> None:
    articles = load_content(CONTENT_DIR, [site])[site]
    stamps = [a.published.replace(second=0) for a in articles]

    assert len(set(stamps)) == len(stamps), "publication times must be distinct to the minute"
    for article in articles:
        where = f"{site}/{article.id}"
        assert FIRST <= article.published <= LAST, where
        assert 10 <= len(article.title) <= 40, where
        if article.copy_of:
            continue
        body = "".join(article.paragraphs)
        assert 3 <= len(article.paragraphs) <= 8, where
        assert 250 <= len(body) <= 900, where
        for word in FURNITURE_WORDS:
            assert word not in body, f"{where}: body contains {word}"
        assert not set(body) & set("<>&\t"), where
        body.encode("gbk")
        if article.parts > 1:
            assert len(article.paragraphs) >= 6, where
        if article.corrected:
            changed = [
                p for p, q in zip(article.paragraphs, article.corrected, strict=True) if p != q
            ]
            assert len(changed) == 1, f"{where}: a correction changes one paragraph"
        if site in SECTIONS and article.section not in SECTIONS[site]:
            assert site == "hongze", f"{where}: unknown section {article.section}"


@pytest.mark.skipif(len(PRESENT) < len(ALL_SITES), reason="content files not all written yet")
def test_content_has_what_the_story_rules_need() -> None:
    content = load_content(CONTENT_DIR)
    assert [a for a in content["d7760"] if a.views is not None]
    assert len([a for a in content["laserfair"] if a.corrected]) == 1
    assert [a.copy_of for a in content["laserfair"] if a.copy_of] == [("xichu", "xc-007")]
    assert [a for a in content["xichu"] if a.parts == 2]
    assert any(
        ch in "".join(a.paragraphs) + (a.author or "")
        for a in content["laserfair"]
        for ch in "喆堃"
    )
    industry = [a for a in content["hongze"] if a.section == "工业经济"]
    assert len(industry) > 10, "工业经济 needs a second dataproxy page"
    for entry in raw("d7760"):
        if entry.get("lead"):
            assert entry["lead"].strip() == entry["body"].strip().split("\n\n")[0].strip()
