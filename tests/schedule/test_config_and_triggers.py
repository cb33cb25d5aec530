"""The operator's config file, and cron schedules as sites write them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from crawler.config import Config, ConfigError, load_config
from crawler.schedule.jobs import plan
from crawler.schedule.triggers import cron_trigger, staggered
from crawler.sites import load_sites

SHANGHAI_MONDAY = datetime.fromisoformat("2026-11-23T00:00:00+08:00")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsarchive.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_config_is_read(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
        [archive]
        home = "/var/lib/newsarchive"
        db = "postgresql://newsarchive@db/newsarchive"
        [crawl]
        contact = "https://example.org/crawler"
        time_limit = "90m"
        [crawl.base_urls]
        "www.hongze.gov.cn" = "http://mirror:8080"
        [crawl.settings]
        DOWNLOAD_DELAY = 2
        [schedule]
        window = "00:30-04:00"
        max_parallel = 3
        misfire_grace = "12h"
        [notify]
        repeat_after = "2d"
        [[notify.webhook]]
        kind = "wecom"
        url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
    """))
    assert (config.home, config.db) == ("/var/lib/newsarchive",
                                        "postgresql://newsarchive@db/newsarchive")
    assert config.time_limit == timedelta(minutes=90)
    assert config.base_urls == {"www.hongze.gov.cn": "http://mirror:8080"}
    assert config.scrapy_settings == {"DOWNLOAD_DELAY": 2}
    assert (config.window, config.max_parallel) == ((30, 240), 3)
    assert (config.misfire_grace, config.repeat_after) == (timedelta(hours=12), timedelta(days=2))
    assert config.notify["webhook"][0]["kind"] == "wecom"


@pytest.mark.parametrize(("text", "message"), [
    ("[archiv]\nhome = 'x'", "archiv: unknown section"),
    ("[crawl]\ntime_limt = '1h'", "crawl.time_limt: unknown key"),
    ("[crawl]\ntime_limit = 3", "crawl.time_limit: must be a string"),
    ("[crawl]\ntime_limit = 'soon'", "crawl.time_limit: 'soon' is not a duration"),
    ("[schedule]\nwindow = '05:00-01:00'", "schedule.window: must end after it starts"),
    ("[schedule]\ntimezone = 'Mars/Olympus'", "schedule.timezone: unknown time zone"),
    ("[schedule]\nmax_parallel = 0", "schedule.max_parallel: must be a whole number"),
    ("[crawl.base_urls]\n'a.cn' = 'ftp://x'", "crawl.base_urls.a.cn: must be an http(s) URL"),
    ("[archive\n", "not valid TOML"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_key(tmp_path: Path, text: str,
                                                          message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_config_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read config .*missing\.toml"):
        load_config(tmp_path / "missing.toml")


def test_crontab_lines_mean_what_they_mean_in_crontab() -> None:
    # 0 is Sunday in crontab (Monday in APScheduler's own numbering).
    sunday = cron_trigger("0 3 * * 0", "Asia/Shanghai").get_next_fire_time(None, SHANGHAI_MONDAY)
    assert sunday is not None and sunday.strftime("%a %H:%M") == "Sun 03:00"
    weekdays = cron_trigger("30 2 * * 1-5", "Asia/Shanghai")
    fire = weekdays.get_next_fire_time(None, SHANGHAI_MONDAY)
    assert fire is not None and fire.isoformat() == "2026-11-23T02:30:00+08:00"
    seconds = cron_trigger("*/2 * * * * *", "Asia/Shanghai")  # 6 fields: seconds first
    fire = seconds.get_next_fire_time(None, SHANGHAI_MONDAY + timedelta(seconds=1))
    assert fire is not None and fire.second == 2
    for bad in ("61 * * * *", "* * *", "0 3 * * 9"):
        with pytest.raises(ValueError):
            cron_trigger(bad, "Asia/Shanghai")


def test_sites_without_a_schedule_are_staggered_across_the_night() -> None:
    sites = load_sites(None)
    plans = plan(sites, Config())
    times = {p.cron for p in plans.values()}
    assert len(times) == len(plans)  # the five built-in sites do not all start at once
    for site_plan in plans.values():
        minute, hour = (int(f) for f in site_plan.cron.split()[:2])
        assert 60 <= hour * 60 + minute < 300 and not site_plan.own_schedule
    assert staggered("hongze", (60, 300)) == plans["hongze"].cron  # stable per site
    assert staggered("hongze", (120, 121)) == "0 2 * * *"


def test_a_site_schedule_is_checked_when_the_site_is_loaded(tmp_path: Path) -> None:
    from crawler.sites import BadSiteConfig, load_site

    (tmp_path / "x.toml").write_text('name = "x"\nstart_urls = ["http://x.cn/"]\n'
                                     'schedule = "0 25 * * *"\n')
    with pytest.raises(BadSiteConfig, match="schedule"):
        load_site("x", tmp_path)


def cli_setup(tmp_path: Path, home: Path) -> Path:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "nightly.toml").write_text('name = "每夜"\nschedule = "0 3 * * *"\n'
                                        'start_urls = ["http://nightly.example.cn/"]\n')
    return write(tmp_path, f'[archive]\nhome = "{home}"\n[crawl]\nsites_dir = "{sites}"\n')


def test_sites_check_reports_a_site_whose_scheduled_runs_stopped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import update

    from archive import open_archive
    from archive.models import Run
    from crawler.cli.main import main

    for name in ("NEWSARCHIVE_HOME", "NEWSARCHIVE_DB", "NEWSARCHIVE_SITES_DIR"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    config = cli_setup(tmp_path, home)
    with open_archive(home) as arc:
        run = arc.start_run("nightly", "scheduled")
        arc.finish_run(run, "finished", "finished")
        assert main(["--config", str(config), "sites", "--check"]) == 0
        # The scheduler died three nights ago: the last run is from then.
        with arc.engine.begin() as connection:
            connection.execute(update(Run).values(
                started_at=datetime.now(SHANGHAI_MONDAY.tzinfo) - timedelta(days=3)))
    capsys.readouterr()
    assert main(["--config", str(config), "sites", "--check"]) == 2
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("nightly: overdue: due ") and "is the scheduler running?" in line


def test_the_environment_beats_the_config_file_and_the_command_line_beats_both(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from archive import open_archive
    from crawler.cli.main import main

    homes = {name: tmp_path / name for name in ("file", "env", "flag")}
    for name, home in homes.items():
        with open_archive(home) as arc:
            arc.record_skipped_run(f"site-in-{name}", "manual", "test")
    config = cli_setup(tmp_path, homes["file"])
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    monkeypatch.delenv("NEWSARCHIVE_HOME", raising=False)
    monkeypatch.setenv("NEWSARCHIVE_CONFIG", str(config))

    def listed() -> str:
        assert main(["runs"]) == 0
        return capsys.readouterr().out

    assert "site-in-file" in listed()
    monkeypatch.setenv("NEWSARCHIVE_HOME", str(homes["env"]))
    assert "site-in-env" in listed()
    assert main(["runs", "--home", str(homes["flag"])]) == 0
    assert "site-in-flag" in capsys.readouterr().out


def test_a_bad_config_file_is_one_line_on_stderr(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from crawler.cli.main import main

    config = write(tmp_path, "[schedule]\nmax_parallel = 'two'\n")
    assert main(["--config", str(config), "sites"]) == 1
    err = capsys.readouterr().err
    assert err == f"newsarchive: error: {config}: schedule.max_parallel: must be a whole number\n"


def test_a_bad_notify_section_stops_the_daemon_before_it_starts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crawler.cli.main import main

    config = write(tmp_path, f'[archive]\nhome = "{tmp_path / "home"}"\n'
                             '[[notify.webhook]]\nkind = "slack"\nurl = "https://x.cn/h"\n')
    assert main(["--config", str(config), "schedule"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"newsarchive: error: {config}: notify.webhook[0].kind")
