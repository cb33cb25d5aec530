"""An operator's setup against the replica: a config file, a sites directory with
schedules, the daemon as a real child process, and the archive's runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from archive import open_archive
from archive.records import RunRecord

ROOT = Path(__file__).resolve().parents[2]
EXTRA_SITES = ROOT / "crawler" / "replica" / "extra_sites"
BUILT_IN_SITES = ROOT / "crawler" / "sites"
T = TypeVar("T")


class Setup:
    def __init__(self, tmp_path: Path, base_urls: dict[str, str], *,
                 settings: dict[str, Any] | None = None, extra: str = "",
                 db: str | None = None) -> None:
        self.home = tmp_path / "home"
        self.db = db
        self.sites_dir = tmp_path / "sites"
        self.sites_dir.mkdir()
        self.config = tmp_path / "newsarchive.toml"
        self.daemon_log = tmp_path / "daemon.log"
        crawl_settings = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                          "LOG_LEVEL": "INFO", **(settings or {})}
        lines = ["[archive]", f"home = {json.dumps(str(self.home))}",
                 *([f"db = {json.dumps(db)}"] if db else []),
                 "[crawl]", f"sites_dir = {json.dumps(str(self.sites_dir))}",
                 "[crawl.base_urls]"]
        lines += [f"{json.dumps(host)} = {json.dumps(url)}" for host, url in base_urls.items()]
        lines += ["[crawl.settings]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in crawl_settings.items()]
        self.config.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")

    def site(self, key: str, schedule: str | None, source: Path = EXTRA_SITES) -> None:
        """Install a site config, with this schedule."""
        text = (source / f"{key}.toml").read_text(encoding="utf-8")
        if schedule is not None:
            text = f"schedule = {json.dumps(schedule)}\n" + text
        (self.sites_dir / f"{key}.toml").write_text(text, encoding="utf-8")

    def newsarchive(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "crawler.cli.main", "--config",
                               str(self.config), *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, env=_env())

    def start_daemon(self) -> subprocess.Popen[bytes]:
        log = self.daemon_log.open("ab")
        return subprocess.Popen([sys.executable, "-m", "crawler.cli.main", "--config",
                                 str(self.config), "schedule"], cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT, env=_env())

    def stop_daemon(self, daemon: subprocess.Popen[bytes], timeout: float = 120) -> int:
        daemon.send_signal(signal.SIGTERM)
        return daemon.wait(timeout)

    def log(self) -> str:
        return self.daemon_log.read_text(encoding="utf-8", errors="replace")

    def runs(self, site: str) -> list[RunRecord]:
        """The site's runs, oldest first."""
        if self.db is None and not (self.home / "archive.sqlite3").exists():
            return []
        with open_archive(self.home, self.db) as arc:
            return sorted(arc.runs(site=site, limit=1000), key=lambda r: r.id)

    def wait_for(self, what: str, check: Callable[[], T | None], timeout: float = 90,
                 daemon: subprocess.Popen[bytes] | None = None) -> T:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            if daemon is not None and daemon.poll() is not None:
                raise AssertionError(f"daemon exited ({daemon.returncode}) waiting for {what}:"
                                     f"\n{self.log()[-3000:]}")
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log()[-3000:]}")


def _env() -> dict[str, str]:
    # The config file decides; a developer's own NEWSARCHIVE_* must not leak in.
    return {k: v for k, v in os.environ.items() if not k.startswith("NEWSARCHIVE_")}


def scheduled(runs: list[RunRecord]) -> list[RunRecord]:
    return [r for r in runs if r.trigger == "scheduled" and r.status != "skipped"]


def finished(setup: Setup, site: str) -> bool:
    """Whether a scheduled crawl of the site has finished."""
    return any(r.status == "finished" for r in scheduled(setup.runs(site)))
