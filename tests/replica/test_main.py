"""``python -m crawler.replica`` prints its base URLs, serves, and stops cleanly on a signal."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.replica.helpers import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT])
def test_serves_until_signalled(stop_with: signal.Signals) -> None:
    command = [
        sys.executable,
        "-m",
        "crawler.replica",
        "--epoch",
        "1",
        "--sites",
        "hanews,laserfair",
        "--content-dir",
        str(FIXTURES),
    ]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        base_urls = json.loads(line)["base_urls"]
        assert set(base_urls) == {"www.hanews.cn", "www.laserfair.com"}
        with urllib.request.urlopen(base_urls["www.hanews.cn"] + "/economy/", timeout=10) as r:
            assert r.status == 200
        proc.send_signal(stop_with)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_unknown_site_is_an_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crawler.replica", "--sites", "nosuch"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "nosuch" in result.stderr and result.stdout == ""
