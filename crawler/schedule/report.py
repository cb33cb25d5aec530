"""Telling people about site health: the notifications due after a run, with repeat
suppression kept in the archive (``site_health.notified_*``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from archive import Archive
from archive.health import HealthRecord
from archive.timeutil import now
from crawler.config import Config, ConfigError
from crawler.notify import HealthAlert, NotifyConfigError, Target, send, targets_from_config

log = logging.getLogger(__name__)


def notify_health(arc: Archive, config: Config, sites: Iterable[str],
                  names: dict[str, str] | None = None) -> list[str]:
    """Send what is due for each site; returns one line per failed delivery.

    A notification that reached no target is not marked as sent, so it is tried again after
    the next run."""
    targets = notify_targets(config)
    failures: list[str] = []
    for site in sites:
        due = arc.notification_due(site, config.repeat_after)
        if due is None:
            continue
        kind, record = due
        log_change(kind, record)
        if not targets:  # the log line is the notification
            arc.mark_notified(site, record)
            continue
        alert = HealthAlert(
            site=site, site_name=(names or {}).get(site), healthy=record.healthy,
            reasons=tuple(p.text for p in record.problems), run_id=record.run_id,
            at=record.checked_at or now(), repeat=kind == "repeat")
        errors = send(targets, alert)
        failures += errors
        if len(errors) < len(targets):
            arc.mark_notified(site, record)
    return failures


def notify_targets(config: Config) -> list[Target]:
    """The configured targets; a bad [notify] section is the config file's error."""
    try:
        return targets_from_config(config.notify)
    except NotifyConfigError as exc:
        raise ConfigError(f"{config.path}: {exc}") from None


def log_change(kind: str, record: HealthRecord) -> None:
    if kind == "recovered":
        log.info("site %s is healthy again (run %s)", record.site, record.run_id)
        return
    for problem in record.problems:
        log.warning("site %s unhealthy%s: %s", record.site,
                    " (still)" if kind == "repeat" else "", problem.text)
