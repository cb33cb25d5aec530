"""The README's archive API example runs as printed, and its cursor resumes the feed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from archive import open_archive
from tests.archive.helpers import BODY, BODY_CHANGED, article, fetch

ROOT = Path(__file__).resolve().parents[1]
URL = "http://www.hongze.gov.cn/art/2024/7/24/art_1_2.html"


def readme_example() -> str:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## The archive API")[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README lost its archive API example"
    return match.group(1)


def run_example(cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-c", readme_example()], cwd=cwd,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_readme_example_runs_and_resumes_from_its_cursor(tmp_path: Path) -> None:
    with open_archive(home=tmp_path / "newsarchive-data") as arc:
        arc.record(fetch(URL, "a"), article(URL, BODY))
    first = run_example(tmp_path)
    assert f"1 new {URL}" in first
    assert "洪泽区召开工业经济会议" in first

    with open_archive(home=tmp_path / "newsarchive-data") as arc:
        arc.record(fetch(URL, "b", minutes=5), article(URL, BODY_CHANGED))
    second = run_example(tmp_path)
    assert f"2 version {URL}" in second
    assert f"1 new {URL}" not in second  # already processed: the cursor resumed past it
