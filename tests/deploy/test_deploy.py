"""The deployment files work as shipped: systemd accepts every unit, cron and sh read the cron
file, the example configuration loads, and the container files agree with the units."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import urllib.parse
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.cli.main import build_parser
from crawler.notify import EmailTarget, WebhookTarget, targets_from_config
from crawler.sites import site_keys

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"
CRON = DEPLOY / "cron" / "newsarchive.cron"
EXAMPLE_CONFIG = DEPLOY / "newsarchive.example.toml"
ENV_EXAMPLE = DEPLOY / "newsarchive.env.example"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"

INSTALLED = "/opt/newsarchive/.venv/bin/newsarchive"
# The daemon waits this long for its crawl children after SIGTERM (the CLI's contract).
CHILD_GRACE_SECONDS = 90

# What `systemd-analyze verify` is run on. A template given by its file name is checked as an
# instance named "i"; the instance name shows that `%i` makes a working command for a site.
UNITS = [
    "newsarchive-scheduler.service",
    "newsarchive-crawl@.service",
    "newsarchive-crawl@hongze.service",
    "newsarchive-crawl@.timer",
    "newsarchive-crawl@hongze.timer",
    "newsarchive-health.service",
    "newsarchive-health.timer",
]

# Every key of the configuration file (the integrator's config format), by table.
CONFIG_KEYS = {
    "archive": {"home", "db"},
    "crawl": {"sites_dir", "contact", "time_limit", "base_urls", "settings"},
    "schedule": {"timezone", "window", "max_parallel", "misfire_grace"},
    "health": {"history"},
    "notify": {"repeat_after", "webhook", "email"},
}
EMAIL_KEYS = {"host", "port", "security", "username", "password_env", "sender", "recipients"}


# --- helpers ------------------------------------------------------------------------------

def systemd_analyze() -> str:
    path = shutil.which("systemd-analyze")
    if path is None:
        pytest.fail("systemd-analyze is not installed (apt-get install systemd): the units "
                    "cannot be checked")
    return path


def installed_script() -> Path:
    """The `newsarchive` console script of the environment running the tests."""
    script = Path(sys.executable).parent / "newsarchive"
    assert script.exists(), f"{script} is missing: install the project (pip install -e .)"
    return script


def unit_settings(path: Path) -> dict[str, list[str]]:
    """``Section.Key`` -> values in order (keys such as After= may repeat)."""
    settings: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        settings.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return settings


def one(settings: dict[str, list[str]], key: str) -> str:
    values = settings.get(key, [])
    assert len(values) == 1, f"{key}: expected one value, found {values}"
    return values[0]


def env_example() -> dict[str, str]:
    """KEY=value lines of the env file (commented-out ones included), as systemd reads them."""
    values: dict[str, str] = {}
    for raw in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = raw.lstrip("#").strip()
        match = re.fullmatch(r"([A-Z][A-Z0-9_]*)=(\S.*)", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def env_names(table: Any) -> Iterator[tuple[str, str]]:
    """(key, value) of every *_env key anywhere in a parsed TOML document."""
    if isinstance(table, dict):
        for key, value in table.items():
            if key.endswith("_env"):
                yield key, value
            yield from env_names(value)
    elif isinstance(table, list):
        for item in table:
            yield from env_names(item)


def cron_jobs() -> list[list[str]]:
    """Job lines split into 5 time fields, the user, and the command (the rest of the line)."""
    jobs = []
    for line in CRON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if re.match(r"^[A-Za-z_][A-Za-z0-9_]*\s*=", line):
            continue  # an environment setting
        jobs.append(line.split(None, 6))
    return jobs


def newsarchive_arguments(command: str) -> list[str]:
    """The arguments a shell command line passes to the installed newsarchive script."""
    # Arguments end at the first shell operator or redirection (`;`, `|`, `>`, `2>&1`, `)`).
    match = re.search(re.escape(INSTALLED) + r"((?:\s+(?!\d*[<>])[^\s;|&<>()]+)*)", command)
    assert match, f"no {INSTALLED} in: {command}"
    return shlex.split(match.group(1))


def seconds(duration: str) -> int:
    """systemd / compose durations as used here: "150", "150s", "5min", "5h"."""
    match = re.fullmatch(r"(\d+)\s*(s|min|m|h)?", duration)
    assert match, f"unexpected duration {duration!r}"
    factor = {None: 1, "s": 1, "min": 60, "m": 60, "h": 3600}[match.group(2)]
    return int(match.group(1)) * factor


def compose() -> dict[str, Any]:
    try:
        import yaml
    except ImportError:  # not skipped: a missing dev dependency must not hide these checks
        pytest.fail("PyYAML is needed to read compose.yaml: add pyyaml to the dev extra")
    document = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    instructions = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            instructions.append((word.upper(), rest.strip()))
    return instructions


# --- systemd ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def units_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unit files with ExecStart pointing at this environment's script, which exists."""
    directory = tmp_path_factory.mktemp("units")
    script = str(installed_script())
    for unit in SYSTEMD.iterdir():
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            assert INSTALLED in text, f"{unit.name} does not run {INSTALLED}"
        (directory / unit.name).write_text(text.replace(INSTALLED, script), encoding="utf-8")
    return directory


@pytest.mark.parametrize("unit", UNITS)
def test_systemd_accepts_the_unit(units_dir: Path, unit: str) -> None:
    result = subprocess.run([systemd_analyze(), "verify", str(units_dir / unit)],
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    # Lines about other units (a host's own postgresql.service, say) are not ours to fix.
    ours = [line for line in output.splitlines() if "newsarchive" in line]
    assert result.returncode == 0, output
    assert ours == [], "\n".join(ours)


def test_verify_rejects_a_unit_whose_program_is_missing(tmp_path: Path) -> None:
    # Why the copies point at a real script: verify checks that ExecStart can be executed, so
    # the check above also proves the rewritten command line is a real program.
    if Path(INSTALLED).exists():
        pytest.skip(f"{INSTALLED} exists on this host")
    unit = tmp_path / "newsarchive-scheduler.service"
    shutil.copy(SYSTEMD / unit.name, unit)
    result = subprocess.run([systemd_analyze(), "verify", str(unit)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert INSTALLED in result.stdout + result.stderr


def test_every_unit_file_is_verified() -> None:
    shipped = {path.name for path in SYSTEMD.iterdir()}
    assert shipped == {unit for unit in UNITS if "@hongze" not in unit}


def test_stopping_gives_crawls_their_grace_before_sigkill() -> None:
    for name in ("newsarchive-scheduler.service", "newsarchive-crawl@.service"):
        settings = unit_settings(SYSTEMD / name)
        # SIGTERM to the main process only: it forwards the signal to its crawls; a second
        # SIGTERM from systemd would make Scrapy stop uncleanly.
        assert one(settings, "Service.KillMode") == "mixed", name
        assert one(settings, "Service.KillSignal") == "SIGTERM", name
        assert seconds(one(settings, "Service.TimeoutStopSec")) > CHILD_GRACE_SECONDS, name


def test_crawl_unit_has_a_wall_clock_limit_that_oneshot_honours() -> None:
    settings = unit_settings(SYSTEMD / "newsarchive-crawl@.service")
    assert one(settings, "Service.Type") == "oneshot"
    # RuntimeMaxSec= does nothing for Type=oneshot (systemd.service(5)).
    assert "Service.RuntimeMaxSec" not in settings
    crawl_limit = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))["crawl"]["time_limit"]
    assert seconds(one(settings, "Service.TimeoutStartSec")) > seconds(crawl_limit)


def test_nightly_timer_runs_in_the_configured_zone_and_catches_up() -> None:
    settings = unit_settings(SYSTEMD / "newsarchive-crawl@.timer")
    zone = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))["schedule"]["timezone"]
    assert one(settings, "Timer.OnCalendar").endswith(f" {zone}")
    assert one(settings, "Timer.Persistent") == "true"
    assert seconds(one(settings, "Timer.RandomizedDelaySec")) > 0


def test_every_command_in_the_units_and_cron_is_one_the_cli_accepts() -> None:
    commands = [one(unit_settings(unit), "Service.ExecStart").replace("%i", "hongze")
                for unit in sorted(SYSTEMD.glob("*.service"))]
    commands += [job[6] for job in cron_jobs()]
    parser = build_parser()
    for command in commands:
        arguments = newsarchive_arguments(command)
        try:
            parser.parse_args(arguments)
        except SystemExit:
            pytest.fail(f"newsarchive does not accept: {shlex.join(arguments)}")


# --- cron ---------------------------------------------------------------------------------

FIELD_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def valid_cron_field(field: str, low: int, high: int) -> bool:
    for part in field.split(","):
        match = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
        if not match:
            return False
        numbers = [int(n) for n in match.group(2, 3) if n is not None]
        if any(not low <= n <= high for n in numbers) or numbers != sorted(numbers):
            return False
        if match.group(4) is not None and int(match.group(4)) == 0:
            return False
    return True


def test_cron_file_is_a_valid_cron_d_file() -> None:
    text = CRON.read_text(encoding="utf-8")
    assert text.endswith("\n"), "cron ignores a last line without a newline"
    zone = re.search(r"^CRON_TZ=(\S+)$", text, re.MULTILINE)
    assert zone, "CRON_TZ is not set"
    zoneinfo.ZoneInfo(zone.group(1))
    jobs = cron_jobs()
    assert jobs
    for job in jobs:
        assert len(job) == 7, f"expected 5 time fields, a user and a command: {job}"
        for field, (low, high) in zip(job[:5], FIELD_RANGES, strict=True):
            assert valid_cron_field(field, low, high), f"bad time field {field!r} in {job}"
        assert job[5] == "newsarchive", f"jobs run as the newsarchive user: {job}"
        # `%` is a newline to cron; an unescaped one would cut the command short.
        assert re.search(r"(?<!\\)%", job[6]) is None, job[6]
        syntax = subprocess.run(["sh", "-n", "-c", job[6]], capture_output=True, text=True)
        assert syntax.returncode == 0, f"{job[6]}\n{syntax.stderr}"


def test_cron_crawls_known_sites_inside_the_nightly_window() -> None:
    schedule = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))["schedule"]
    start, end = (int(t.replace(":", "")) for t in schedule["window"].split("-"))
    crawled = []
    for job in cron_jobs():
        arguments = newsarchive_arguments(job[6])
        if arguments[0] == "crawl":
            crawled.append(arguments[1])
            assert start <= int(job[1]) * 100 + int(job[0]) < end, job[:2]
    assert sorted(crawled) == sorted(site_keys())


# --- the example configuration ------------------------------------------------------------

def test_example_config_has_every_key() -> None:
    config = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    for table, keys in CONFIG_KEYS.items():
        assert keys <= set(config[table]), f"[{table}] lacks {keys - set(config[table])}"
    assert set(config["notify"]["email"]) >= EMAIL_KEYS
    kinds = {hook["kind"] for hook in config["notify"]["webhook"]}
    assert {"wecom", "dingtalk"} <= kinds


def test_example_config_keeps_secrets_in_the_environment() -> None:
    config = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    assert re.search(r"^\s*(secret|password)\s*=", text, re.MULTILINE) is None
    names = [value for _, value in env_names(config)]
    assert names, "no *_env key"
    # Every variable the config names is in the env file an operator copies.
    assert set(names) <= set(env_example()), set(names) - set(env_example())


def test_example_notify_section_builds_its_targets() -> None:
    config = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    targets = targets_from_config(config["notify"], env_example())
    webhooks = [t for t in targets if isinstance(t, WebhookTarget)]
    assert [t.kind for t in webhooks] == [h["kind"] for h in config["notify"]["webhook"]]
    dingtalk = next(t for t in webhooks if t.kind == "dingtalk")
    assert dingtalk.secret == env_example()["NEWSARCHIVE_DINGTALK_SECRET"]
    email = next(t for t in targets if isinstance(t, EmailTarget))
    assert email.password == env_example()["NEWSARCHIVE_SMTP_PASSWORD"]


def test_example_config_loads_with_the_config_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    config_module = pytest.importorskip("crawler.config")
    # The file alone (no overriding variables), with the secrets it names set as in production.
    for name in ("NEWSARCHIVE_HOME", "NEWSARCHIVE_DB", "NEWSARCHIVE_SITES_DIR",
                 "NEWSARCHIVE_CONTACT", "NEWSARCHIVE_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    config = tomllib.loads(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    for _, name in env_names(config):
        monkeypatch.setenv(name, env_example()[name])
    loaded = config_module.load_config(EXAMPLE_CONFIG)
    assert loaded.db == config["archive"]["db"]
    # The crawl unit's backstop must not cut off a crawl that is still within its own limit.
    unit = unit_settings(SYSTEMD / "newsarchive-crawl@.service")
    assert loaded.time_limit.total_seconds() < seconds(one(unit, "Service.TimeoutStartSec"))


# --- containers ---------------------------------------------------------------------------

def test_compose_scheduler_waits_for_a_healthy_database_and_stops_gracefully() -> None:
    services = compose()["services"]
    db, scheduler = services["db"], services["scheduler"]
    assert db["image"] == "postgres:16"
    assert db["healthcheck"]["test"]
    assert scheduler["depends_on"]["db"]["condition"] == "service_healthy"
    # The same grace as the systemd unit, and longer than the daemon's wait for its crawls.
    unit = unit_settings(SYSTEMD / "newsarchive-scheduler.service")
    grace = seconds(scheduler["stop_grace_period"])
    assert grace == seconds(one(unit, "Service.TimeoutStopSec")) > CHILD_GRACE_SECONDS
    assert scheduler["stop_signal"] == "SIGTERM"


def test_compose_scheduler_reaches_the_database_service() -> None:
    document = compose()
    environment = document["services"]["scheduler"]["environment"]
    url = re.sub(r"\$\{[^}]*\}", "password", environment["NEWSARCHIVE_DB"])
    parts = urllib.parse.urlsplit(url)
    assert parts.scheme == "postgresql"
    assert parts.hostname in document["services"]
    assert parts.path.lstrip("/") == document["services"]["db"]["environment"]["POSTGRES_DB"]
    assert parts.username == document["services"]["db"]["environment"]["POSTGRES_USER"]


def test_compose_mounts_what_the_image_expects() -> None:
    document = compose()
    scheduler = document["services"]["scheduler"]
    volumes = scheduler["volumes"]
    config_mount = next(v for v in volumes if isinstance(v, dict))
    assert config_mount["target"] == scheduler["environment"]["NEWSARCHIVE_CONFIG"]
    assert config_mount["read_only"] is True
    env = dict(assignment.split("=", 1) for word, rest in dockerfile_instructions()
               if word == "ENV" for assignment in shlex.split(rest))
    named = {v.split(":")[0]: v.split(":")[1] for v in volumes if isinstance(v, str)}
    assert env["NEWSARCHIVE_HOME"] in named.values()
    assert set(named) <= set(document["volumes"])
    build = scheduler["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE


def test_dockerfile_builds_the_project_and_runs_the_scheduler_as_a_user() -> None:
    instructions = dockerfile_instructions()
    words = [word for word, _ in instructions]
    assert instructions[0] == ("FROM", "python:3.11-slim-bookworm")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    copied: set[str] = set()
    for word, rest in instructions:
        if word == "COPY":
            *sources, _ = rest.split()
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: not in the build context"
                copied.add(source.rstrip("/"))
    # What pip needs to build the package: its metadata, readme and every package directory.
    packages = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert {"pyproject.toml", project["project"]["readme"], *packages} <= copied
    entrypoint = dict(instructions)["ENTRYPOINT"]
    assert entrypoint == '["newsarchive"]' and "newsarchive" in project["project"]["scripts"]
    assert dict(instructions)["CMD"] == '["schedule"]'
    assert dict(instructions)["STOPSIGNAL"] == "SIGTERM"
    user = [rest for word, rest in instructions if word == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN")
    assert "/var/lib/newsarchive" in dict(instructions)["VOLUME"]


def docker_compose() -> str | None:
    """The docker CLI if its compose plugin is installed (`compose config` needs no daemon)."""
    docker = shutil.which("docker")
    if docker is None:
        return None
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, timeout=60)
    return docker if probe.returncode == 0 else None


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    docker = docker_compose()
    if docker is None:
        pytest.skip("the docker compose plugin is not installed")
    (tmp_path / "newsarchive.toml").write_bytes(EXAMPLE_CONFIG.read_bytes())
    result = subprocess.run([docker, "compose", "--project-directory", str(DEPLOY),
                             "-f", str(COMPOSE), "config", "--quiet"],
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/local/bin:/usr/bin:/bin",
                                 "POSTGRES_PASSWORD": "x", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
