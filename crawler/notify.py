"""Health notifications: tell the analysts when a site's crawl goes wrong, and when it recovers.

The scheduler decides *when* to notify (including repeat suppression); this module only turns a
``HealthAlert`` into messages and delivers them to webhooks (our own JSON, or the WeCom /
DingTalk / Feishu group robots) and e-mail.  ``send`` never raises: a failed notification must
not take the scheduler down, so failures come back as one-line descriptions (and are logged).
Secrets (robot signing keys, SMTP passwords, the tokens in webhook query strings) never appear
in those descriptions: they end up in logs that many people read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import logging
import os
import smtplib
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from archive.timeutil import SHANGHAI, aware

log = logging.getLogger(__name__)

WEBHOOK_KINDS = ("json", "wecom", "dingtalk", "feishu")
# Only these robots sign requests; a secret given for another kind would be silently unused,
# which looks like protection that is not there.
SIGNING_KINDS = ("dingtalk", "feishu")
EMAIL_SECURITY = ("none", "starttls", "ssl")
DEFAULT_SMTP_PORT = {"none": 25, "starttls": 587, "ssl": 465}

# Robots reject over-long text: WeCom allows 2048 bytes of content; DingTalk and Feishu cap
# the whole body near 20 KB.  Clipping keeps the headline instead of losing the whole message.
CONTENT_LIMIT = {"json": 18_000, "wecom": 2_048, "dingtalk": 18_000, "feishu": 18_000}
# How much of a reply we read and quote: robot replies are tiny, an error page need not be.
REPLY_LIMIT = 64 * 1024
QUOTE_LIMIT = 200

USER_AGENT = "newsarchive-notify"


@dataclass(frozen=True)
class HealthAlert:
    site: str                 # site key, e.g. "hongze"
    site_name: str | None     # e.g. "淮安市洪泽区人民政府"
    healthy: bool             # False: unhealthy; True: recovered
    reasons: tuple[str, ...]  # why unhealthy, one line each (empty on recovery)
    run_id: int | None        # the run that was assessed
    at: datetime              # timezone-aware
    repeat: bool = False      # a reminder of a problem already reported


class NotifyConfigError(ValueError):
    """Bad ``[notify]`` configuration; the message is one line and names the key."""


@dataclass(frozen=True)
class WebhookTarget:
    kind: str                 # json | wecom | dingtalk | feishu
    url: str
    secret: str | None = None
    timeout: float = 10.0


@dataclass(frozen=True)
class EmailTarget:
    host: str
    port: int
    security: str             # none | starttls | ssl
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password: str | None = None
    timeout: float = 20.0


Target = WebhookTarget | EmailTarget


# --- configuration -------------------------------------------------------------------------

WEBHOOK_KEYS = ("kind", "url", "secret", "secret_env", "timeout")
EMAIL_KEYS = ("host", "port", "security", "sender", "recipients", "username", "password",
              "password_env", "timeout")
SECTION_KEYS = ("webhook", "email", "repeat_after")


def targets_from_config(section: Mapping[str, Any],
                        env: Mapping[str, str] | None = None) -> list[Target]:
    """Validate the parsed ``[notify]`` table and build its targets (webhooks first).

    Unknown keys are errors: a misspelt ``secret_env`` or ``[[notify.webhooks]]`` would
    otherwise silently send unsigned requests, or nothing at all."""
    environ: Mapping[str, str] = os.environ if env is None else env
    if not isinstance(section, Mapping):
        raise NotifyConfigError("notify: must be a table")
    _reject_unknown(section, SECTION_KEYS, "notify")
    targets: list[Target] = []
    webhooks = section.get("webhook", [])
    if isinstance(webhooks, Mapping):
        raise NotifyConfigError(
            "notify.webhook: must be an array of tables (write [[notify.webhook]])")
    if not isinstance(webhooks, list):
        raise NotifyConfigError("notify.webhook: must be an array of tables")
    for index, table in enumerate(webhooks):
        targets.append(_webhook_from_config(table, f"notify.webhook[{index}]", environ))
    if "email" in section:
        targets.append(_email_from_config(section["email"], "notify.email", environ))
    return targets


def _webhook_from_config(table: Any, where: str, env: Mapping[str, str]) -> WebhookTarget:
    if not isinstance(table, Mapping):
        raise NotifyConfigError(f"{where}: must be a table")
    _reject_unknown(table, WEBHOOK_KEYS, where)
    kind = _required_str(table, "kind", where)
    if kind not in WEBHOOK_KINDS:
        raise NotifyConfigError(f"{where}.kind: must be one of {', '.join(WEBHOOK_KINDS)}")
    url = _required_str(table, "url", where)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotifyConfigError(f"{where}.url: must be an http:// or https:// URL")
    secret = _secret(table, "secret", where, env)
    if secret is not None and kind not in SIGNING_KINDS:
        raise NotifyConfigError(
            f"{where}.secret: only {' and '.join(SIGNING_KINDS)} robots sign requests")
    return WebhookTarget(kind, url, secret, _timeout(table, where, 10.0))


def _email_from_config(table: Any, where: str, env: Mapping[str, str]) -> EmailTarget:
    if not isinstance(table, Mapping):
        raise NotifyConfigError(f"{where}: must be a table")
    _reject_unknown(table, EMAIL_KEYS, where)
    host = _required_str(table, "host", where)
    security = table.get("security", "starttls")
    if security not in EMAIL_SECURITY:
        raise NotifyConfigError(
            f"{where}.security: must be one of {', '.join(EMAIL_SECURITY)}")
    port = table.get("port", DEFAULT_SMTP_PORT[security])
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise NotifyConfigError(f"{where}.port: must be a whole number from 1 to 65535")
    sender = _required_str(table, "sender", where)
    if "@" not in sender:
        raise NotifyConfigError(f"{where}.sender: must be an e-mail address")
    recipients = table.get("recipients")
    if isinstance(recipients, str):
        recipients = [recipients]
    if not isinstance(recipients, list) or not recipients:
        raise NotifyConfigError(f"{where}.recipients: must be a non-empty list of addresses")
    for index, address in enumerate(recipients):
        if not isinstance(address, str) or "@" not in address:
            raise NotifyConfigError(f"{where}.recipients[{index}]: must be an e-mail address")
    username = table.get("username")
    if username is not None and (not isinstance(username, str) or not username):
        raise NotifyConfigError(f"{where}.username: must be a non-empty string")
    password = _secret(table, "password", where, env)
    if username is not None and password is None:
        raise NotifyConfigError(f"{where}.password: required with username "
                                "(set password or password_env)")
    if password is not None and username is None:
        raise NotifyConfigError(f"{where}.username: required with a password")
    return EmailTarget(host, port, security, sender, tuple(recipients), username, password,
                       _timeout(table, where, 20.0))


def _reject_unknown(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in known:
            raise NotifyConfigError(
                f"{where}.{key}: unknown key (expected one of {', '.join(known)})")


def _required_str(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if value is None:
        raise NotifyConfigError(f"{where}.{key}: missing")
    if not isinstance(value, str) or not value.strip():
        raise NotifyConfigError(f"{where}.{key}: must be a non-empty string")
    return value.strip()


def _secret(table: Mapping[str, Any], key: str, where: str,
            env: Mapping[str, str]) -> str | None:
    """``key`` inline, or ``key_env`` naming an environment variable (not both)."""
    env_key = f"{key}_env"
    if key in table and env_key in table:
        raise NotifyConfigError(f"{where}.{key}: give {key} or {env_key}, not both")
    if key in table:
        value = table[key]
        if not isinstance(value, str) or not value:
            raise NotifyConfigError(f"{where}.{key}: must be a non-empty string")
        return value
    if env_key in table:
        name = table[env_key]
        if not isinstance(name, str) or not name:
            raise NotifyConfigError(f"{where}.{env_key}: must name an environment variable")
        value = env.get(name)
        if not value:
            raise NotifyConfigError(f"{where}.{env_key}: environment variable {name} is not set")
        return value
    return None


def _timeout(table: Mapping[str, Any], where: str, default: float) -> float:
    value = table.get("timeout", default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise NotifyConfigError(f"{where}.timeout: must be a positive number of seconds")
    return float(value)


# --- message text --------------------------------------------------------------------------

def _site_label(alert: HealthAlert) -> str:
    return f"{alert.site}（{alert.site_name}）" if alert.site_name else alert.site


def message(alert: HealthAlert) -> tuple[str, str]:
    """``(subject, text)`` in Chinese for the analysts, naming the site by its English key too
    (the key is what they type into ``newsarchive runs --site``)."""
    label = _site_label(alert)
    if alert.healthy:
        state = "已恢复正常"
    elif alert.repeat:
        state = "仍然异常（提醒）"
    else:
        state = "采集异常"
    subject = f"newsarchive：站点 {label}{state}"

    lines = [f"站点：{label}"]
    if alert.healthy:
        lines.append("状态：已恢复正常")
    elif alert.repeat:
        lines.append("状态：仍然异常（此问题此前已通知，本条为提醒）")
    else:
        lines.append("状态：采集异常")
    if alert.reasons:
        lines.append("原因：")
        # A reason is meant to be one line; a stray newline must not break the list layout.
        lines += [f"  {n}. {' '.join(reason.split())}" for n, reason in
                  enumerate(alert.reasons, 1)]
    elif not alert.healthy:
        lines.append("原因：（未提供）")
    if alert.run_id is not None:
        lines.append(f"运行编号：{alert.run_id}")
    when = aware(alert.at).astimezone(SHANGHAI)
    lines.append(f"时间：{when:%Y-%m-%d %H:%M:%S}（北京时间）")
    lines.append(f"查看运行记录：newsarchive runs --site {alert.site}")
    return subject, "\n".join(lines)


def _robot_text(alert: HealthAlert, limit: int) -> str:
    # Robots have no subject line: the subject leads the text (it also carries "newsarchive",
    # usable as the keyword of a robot's keyword security setting).
    subject, text = message(alert)
    return _clip(f"{subject}\n\n{text}", limit)


def _clip(text: str, max_bytes: int) -> str:
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    room = max_bytes - len("…".encode())
    return text.encode("utf-8")[:room].decode("utf-8", errors="ignore") + "…"


# --- webhook requests ----------------------------------------------------------------------

def request_for(target: WebhookTarget, alert: HealthAlert,
                now: datetime) -> tuple[str, bytes, dict[str, str]]:
    """The ``(url, body, headers)`` of the POST for one webhook; ``now`` dates the signature."""
    limit = CONTENT_LIMIT[target.kind]
    url = target.url
    payload: dict[str, Any]
    if target.kind == "json":
        subject, text = message(alert)
        payload = {
            "event": "site_recovered" if alert.healthy else "site_unhealthy",
            "site": alert.site,
            "site_name": alert.site_name,
            "healthy": alert.healthy,
            "reasons": list(alert.reasons),
            "run_id": alert.run_id,
            "at": aware(alert.at).isoformat(),
            "repeat": alert.repeat,
            "subject": subject,
            "text": _clip(text, limit),
        }
    elif target.kind in ("wecom", "dingtalk"):
        payload = {"msgtype": "text", "text": {"content": _robot_text(alert, limit)}}
        if target.kind == "dingtalk" and target.secret:
            timestamp = str(int(now.timestamp() * 1000))
            sign = _hmac_base64(target.secret.encode(), f"{timestamp}\n{target.secret}".encode())
            query = urllib.parse.urlencode({"timestamp": timestamp, "sign": sign})
            url = f"{url}{'&' if urllib.parse.urlsplit(url).query else '?'}{query}"
    elif target.kind == "feishu":
        payload = {}
        if target.secret:
            # Feishu's signature is unusual: the key is "timestamp\nsecret", the message empty.
            timestamp = str(int(now.timestamp()))
            payload["timestamp"] = timestamp
            payload["sign"] = _hmac_base64(f"{timestamp}\n{target.secret}".encode(), b"")
        payload["msg_type"] = "text"
        payload["content"] = {"text": _robot_text(alert, limit)}
    else:
        raise ValueError(f"unknown webhook kind {target.kind!r}")
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
    return url, body, headers


def _hmac_base64(key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode("ascii")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected POST would be re-sent as a GET without its body: report it instead."""

    def redirect_request(self, req: Any, fp: Any, code: Any, msg: Any, headers: Any,
                         newurl: Any) -> None:
        return None


def _post(target: WebhookTarget, alert: HealthAlert, now: datetime) -> str | None:
    """Deliver to one webhook; None when delivered, else why not (may contain secrets)."""
    url, body, headers = request_for(target, alert, now)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    # Built per request: the opener picks up proxy settings (https_proxy...) when built.
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=target.timeout) as response:
            reply = response.read(REPLY_LIMIT)
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code} {error.reason}"
    except urllib.error.URLError as error:
        return f"cannot connect: {error.reason}"
    except (OSError, http.client.HTTPException) as error:
        return f"{type(error).__name__}: {_quote(str(error))}"
    if target.kind == "json":
        return None
    try:
        answer = json.loads(reply.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        # Robots always answer JSON; anything else came from something in between.
        return f"unexpected reply (not JSON): {_quote(reply.decode('utf-8', 'replace'))}"
    if not isinstance(answer, dict):
        return f"unexpected reply: {_quote(json.dumps(answer, ensure_ascii=False))}"
    if target.kind in ("wecom", "dingtalk"):
        if answer.get("errcode", 0) != 0:
            return f"robot error {answer.get('errcode')}: {_quote(str(answer.get('errmsg')))}"
    else:
        # Feishu answers "code"; older deployments answer only "StatusCode".
        code = answer.get("code", 0)
        status = answer.get("StatusCode", 0)
        if code != 0 or status != 0:
            text = answer.get("msg") or answer.get("StatusMessage")
            return f"robot error {code if code != 0 else status}: {_quote(str(text))}"
    return None


def _quote(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= QUOTE_LIMIT else line[:QUOTE_LIMIT] + "…"


def _public_url(url: str) -> str:
    """The URL without query or fragment: WeCom and DingTalk put their token in the query."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# --- e-mail --------------------------------------------------------------------------------

def _email(target: EmailTarget, alert: HealthAlert, now: datetime) -> str | None:
    """Deliver the e-mail; None when every recipient was accepted, else why not."""
    subject, text = message(alert)
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = target.sender
    mail["To"] = ", ".join(target.recipients)
    mail["Date"] = format_datetime(aware(now).astimezone(SHANGHAI))
    mail["Message-ID"] = make_msgid(domain=target.sender.rpartition("@")[2] or None)
    mail.set_content(text, charset="utf-8")
    context = ssl.create_default_context()
    try:
        smtp: smtplib.SMTP
        if target.security == "ssl":
            smtp = smtplib.SMTP_SSL(target.host, target.port, timeout=target.timeout,
                                    context=context)
        else:
            smtp = smtplib.SMTP(target.host, target.port, timeout=target.timeout)
        with smtp:
            if target.security == "starttls":
                smtp.starttls(context=context)
            if target.username is not None and target.password is not None:
                smtp.login(target.username, target.password)
            refused = smtp.send_message(mail, from_addr=target.sender,
                                        to_addrs=list(target.recipients))
    except smtplib.SMTPResponseException as error:
        reply = error.smtp_error.decode("utf-8", "replace") if isinstance(
            error.smtp_error, bytes) else str(error.smtp_error)
        return f"SMTP {error.smtp_code}: {_quote(reply)}"
    except smtplib.SMTPRecipientsRefused as error:
        return f"all recipients refused: {', '.join(sorted(error.recipients))}"
    except (smtplib.SMTPException, OSError) as error:
        return f"{type(error).__name__}: {_quote(str(error))}"
    if refused:
        return f"recipients refused: {', '.join(sorted(refused))}"
    return None


# --- sending -------------------------------------------------------------------------------

def describe(target: Target) -> str:
    """How a target is named in failure lines: never with its token, secret or password."""
    if isinstance(target, WebhookTarget):
        return f"webhook {target.kind} {_public_url(target.url)}"
    return f"e-mail via {target.host}:{target.port}"


def _scrub(text: str, target: Target) -> str:
    """Belt and braces: replace anything secret that a library put into an error text."""
    secrets: list[str] = []
    if isinstance(target, WebhookTarget):
        secrets += [target.url, urllib.parse.urlsplit(target.url).query]
        secrets.append(target.secret or "")
    else:
        secrets.append(target.password or "")
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def send(targets: Sequence[Target], alert: HealthAlert, *,
         now: datetime | None = None) -> list[str]:
    """Send ``alert`` to every target; never raises.  Returns one line per failed target
    (empty: all delivered); each failure is also logged as a warning."""
    moment = now or datetime.now(UTC)
    failures: list[str] = []
    for target in targets:
        try:
            if isinstance(target, WebhookTarget):
                problem = _post(target, alert, moment)
            else:
                problem = _email(target, alert, moment)
        except Exception as error:  # a notifier bug must not stop the scheduler either
            problem = f"{type(error).__name__}: {_quote(str(error))}"
        if problem is not None:
            failure = f"{describe(target)}: {_scrub(problem, target)}"
            log.warning("notification for site %s failed: %s", alert.site, failure)
            failures.append(failure)
    return failures
