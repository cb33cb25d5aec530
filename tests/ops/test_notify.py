"""Health notifications, delivered for real: to a local HTTP server playing each group robot,
and to a local SMTP server (aiosmtpd), both on 127.0.0.1."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from crawler.notify import (
    EmailTarget,
    HealthAlert,
    NotifyConfigError,
    WebhookTarget,
    message,
    request_for,
    send,
    targets_from_config,
)
from tests.robotserver import RobotServer

AT = datetime(2024, 7, 24, 1, 30, tzinfo=UTC)   # 09:30 in Shanghai
NOW = datetime(2024, 7, 24, 1, 31, 5, 250_000, tzinfo=UTC)
TOKEN = "TOKEN-5f1e2d"
SECRET = "SEC-signing-9a8b7c"
PASSWORD = "smtp-pass-4d3c"

UNHEALTHY = HealthAlert(
    site="hongze", site_name="淮安市洪泽区人民政府", healthy=False,
    reasons=("最近 3 次运行没有新文章", "列表页 404：/xwzx/index.html"), run_id=42, at=AT)
RECOVERED = HealthAlert(site="hongze", site_name="淮安市洪泽区人民政府", healthy=True,
                        reasons=(), run_id=43, at=AT)


# --- a group robot on 127.0.0.1 ------------------------------------------------------------

@pytest.fixture
def robot() -> Iterator[RobotServer]:
    server = RobotServer()
    yield server
    server.stop()


def closed_port() -> int:
    """A port nothing listens on (bound then released), so connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def b64_hmac(key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode()


# --- an SMTP server on 127.0.0.1 -----------------------------------------------------------

@dataclass
class Mailbox:
    envelopes: list[Envelope] = field(default_factory=list)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: SMTPServer, session: Session,
                          envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def authenticate(self, server: SMTPServer, session: Session, envelope: Envelope,
                     mechanism: str, auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.logins.append((auth_data.login, auth_data.password))
        # handled=False: aiosmtpd itself answers "535" to a wrong password.
        return AuthResult(success=auth_data.password == PASSWORD.encode(), handled=False)

    def messages(self) -> list[EmailMessage]:
        parsed = []
        for envelope in self.envelopes:
            assert isinstance(envelope.content, bytes)
            mail = email.message_from_bytes(envelope.content, policy=email.policy.default)
            assert isinstance(mail, EmailMessage)
            parsed.append(mail)
        return parsed


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


def start_smtp(mailbox: Mailbox, **options: Any) -> tuple[Controller, int]:
    port = closed_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return controller, port


@pytest.fixture
def smtp_port(mailbox: Mailbox) -> Iterator[int]:
    controller, port = start_smtp(mailbox, authenticator=mailbox.authenticate,
                                  auth_require_tls=False)
    yield port
    controller.stop()


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, (cert, key) as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "newsarchive test SMTP")])
    start = datetime.now(UTC) - dt.timedelta(hours=1)
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "smtp.crt", tmp_path / "smtp.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


# --- the message text ----------------------------------------------------------------------

def test_unhealthy_message_names_site_reasons_run_and_shanghai_time() -> None:
    subject, text = message(UNHEALTHY)
    assert subject == "newsarchive：站点 hongze（淮安市洪泽区人民政府）采集异常"
    lines = text.splitlines()
    assert "  1. 最近 3 次运行没有新文章" in lines
    assert "  2. 列表页 404：/xwzx/index.html" in lines
    assert "运行编号：42" in lines
    assert "时间：2024-07-24 09:30:00（北京时间）" in lines
    assert "newsarchive runs --site hongze" in text


def test_repeat_says_still_unhealthy_and_recovery_says_recovered() -> None:
    subject, text = message(HealthAlert("hongze", None, False, ("没有新文章",), 44, AT,
                                        repeat=True))
    assert subject == "newsarchive：站点 hongze仍然异常（提醒）"
    assert "本条为提醒" in text
    subject, text = message(RECOVERED)
    assert subject.endswith("已恢复正常")
    assert "原因" not in text and "运行编号：43" in text


# --- webhooks ------------------------------------------------------------------------------

def test_json_webhook_receives_our_payload(robot: RobotServer) -> None:
    robot.reply = b"accepted"   # our own endpoint need not answer JSON
    assert send([WebhookTarget("json", robot.url("/hooks/news"))], UNHEALTHY, now=NOW) == []
    [post] = robot.posts
    assert post.path == "/hooks/news"
    assert post.headers["content-type"].startswith("application/json")
    payload = post.json()
    subject, text = message(UNHEALTHY)
    assert payload == {
        "event": "site_unhealthy", "site": "hongze", "site_name": "淮安市洪泽区人民政府",
        "healthy": False, "reasons": list(UNHEALTHY.reasons), "run_id": 42,
        "at": "2024-07-24T01:30:00+00:00", "repeat": False, "subject": subject, "text": text,
    }
    send([WebhookTarget("json", robot.url("/hooks/news"))], RECOVERED, now=NOW)
    assert robot.posts[1].json()["event"] == "site_recovered"


def test_wecom_robot_gets_text_message_with_subject_first(robot: RobotServer) -> None:
    target = WebhookTarget("wecom", robot.url(f"/cgi-bin/webhook/send?key={TOKEN}"))
    assert send([target], UNHEALTHY, now=NOW) == []
    [post] = robot.posts
    assert post.query() == {"key": TOKEN}
    body = post.json()
    assert body["msgtype"] == "text"
    content = body["text"]["content"]
    assert content.splitlines()[0] == message(UNHEALTHY)[0]
    assert "最近 3 次运行没有新文章" in content


def test_wecom_text_is_clipped_to_the_robot_limit(robot: RobotServer) -> None:
    alert = HealthAlert("hongze", "淮安市洪泽区人民政府", False, ("很长的原因" * 300,), 1, AT)
    assert send([WebhookTarget("wecom", robot.url("/send"))], alert, now=NOW) == []
    content = robot.posts[0].json()["text"]["content"]
    assert len(content.encode("utf-8")) <= 2048
    assert content.startswith("newsarchive：站点 hongze") and content.endswith("…")


def test_dingtalk_request_is_signed_in_the_query(robot: RobotServer) -> None:
    target = WebhookTarget("dingtalk", robot.url(f"/robot/send?access_token={TOKEN}"), SECRET)
    assert send([target], UNHEALTHY, now=NOW) == []
    [post] = robot.posts
    query = post.query()
    assert query["access_token"] == TOKEN
    timestamp = query["timestamp"]
    assert timestamp == str(int(NOW.timestamp() * 1000))   # milliseconds
    assert query["sign"] == b64_hmac(SECRET.encode(), f"{timestamp}\n{SECRET}".encode())
    body = post.json()
    assert body["msgtype"] == "text" and "采集异常" in body["text"]["content"]


def test_feishu_request_is_signed_in_the_body(robot: RobotServer) -> None:
    robot.reply = b'{"code":0,"msg":"success","data":{},"StatusCode":0}'
    target = WebhookTarget("feishu", robot.url(f"/open-apis/bot/v2/hook/{TOKEN}"), SECRET)
    assert send([target], RECOVERED, now=NOW) == []
    body = robot.posts[0].json()
    assert body["msg_type"] == "text" and "已恢复正常" in body["content"]["text"]
    assert body["timestamp"] == str(int(NOW.timestamp()))   # seconds
    assert body["sign"] == b64_hmac(f"{body['timestamp']}\n{SECRET}".encode(), b"")


@pytest.mark.parametrize("kind", ["dingtalk", "feishu"])
def test_robots_without_secret_are_not_signed(kind: str) -> None:
    url, body, _headers = request_for(WebhookTarget(kind, "https://robot.example/send?t=1"),
                                      UNHEALTHY, NOW)
    assert url == "https://robot.example/send?t=1"
    assert "sign" not in json.loads(body)


@pytest.mark.parametrize(("kind", "reply", "code"), [
    ("wecom", {"errcode": 93000, "errmsg": "invalid webhook url"}, "93000"),
    ("dingtalk", {"errcode": 310000, "errmsg": "sign not match"}, "310000"),
    ("feishu", {"code": 19021, "msg": "sign match fail or timestamp is not within one hour"},
     "19021"),
    ("feishu", {"StatusCode": 9499, "StatusMessage": "Bad Request"}, "9499"),
])
def test_robot_error_reply_is_a_reported_failure(
        robot: RobotServer, caplog: pytest.LogCaptureFixture,
        kind: str, reply: dict[str, Any], code: str) -> None:
    robot.reply = json.dumps(reply).encode()
    secret = SECRET if kind in ("dingtalk", "feishu") else None
    target = WebhookTarget(kind, robot.url(f"/send?access_token={TOKEN}"), secret)
    with caplog.at_level(logging.WARNING, logger="crawler.notify"):
        failures = send([target], UNHEALTHY, now=NOW)
    [failure] = failures
    assert "\n" not in failure
    assert f"webhook {kind} {robot.url('/send')}" in failure and code in failure
    assert TOKEN not in failure and SECRET not in failure
    assert failure in caplog.text


def test_http_error_status_is_reported_without_the_token(robot: RobotServer) -> None:
    robot.status, robot.reply = 500, b"internal error"
    target = WebhookTarget("wecom", robot.url(f"/cgi-bin/webhook/send?key={TOKEN}"))
    [failure] = send([target], UNHEALTHY, now=NOW)
    assert "HTTP 500" in failure and TOKEN not in failure


def test_redirect_is_a_failure_not_a_silent_get(robot: RobotServer) -> None:
    robot.status, robot.reply = 302, b""
    robot.reply_headers = [("Location", robot.url("/elsewhere"))]
    [failure] = send([WebhookTarget("json", robot.url("/hook"))], UNHEALTHY, now=NOW)
    assert "HTTP 302" in failure
    assert [post.path for post in robot.posts] == ["/hook"]


def test_robot_reply_that_is_not_json_is_a_failure(robot: RobotServer) -> None:
    robot.reply = b"<html>gateway login</html>"
    [failure] = send([WebhookTarget("dingtalk", robot.url("/robot/send"))], UNHEALTHY, now=NOW)
    assert "not JSON" in failure


def test_refused_connection_is_reported_and_other_targets_still_get_it(
        robot: RobotServer) -> None:
    port = closed_port()
    dead = WebhookTarget("dingtalk", f"http://127.0.0.1:{port}/robot/send?access_token={TOKEN}",
                         SECRET, timeout=2)
    dead_mail = EmailTarget("127.0.0.1", port, "none", "na@example.org", ("a@example.org",),
                            timeout=2)
    alive = WebhookTarget("json", robot.url("/hook"))
    failures = send([dead, dead_mail, alive], UNHEALTHY, now=NOW)
    assert len(failures) == 2
    assert failures[0].startswith(f"webhook dingtalk http://127.0.0.1:{port}/robot/send: ")
    assert "refused" in failures[0] and TOKEN not in failures[0] and SECRET not in failures[0]
    assert failures[1].startswith(f"e-mail via 127.0.0.1:{port}: ")
    assert len(robot.posts) == 1


# --- e-mail --------------------------------------------------------------------------------

def test_email_is_delivered_in_utf8_to_every_recipient(mailbox: Mailbox, smtp_port: int) -> None:
    target = EmailTarget("127.0.0.1", smtp_port, "none", "newsarchive@example.org",
                         ("data-team@example.org", "oncall@example.org"))
    assert send([target], UNHEALTHY, now=NOW) == []
    [envelope] = mailbox.envelopes
    assert envelope.mail_from == "newsarchive@example.org"
    assert envelope.rcpt_tos == ["data-team@example.org", "oncall@example.org"]
    [mail] = mailbox.messages()
    subject, text = message(UNHEALTHY)
    assert mail["Subject"] == subject
    assert mail["To"] == "data-team@example.org, oncall@example.org"
    assert mail.get_content_charset() == "utf-8"
    assert mail.get_content().splitlines() == text.splitlines()
    assert mailbox.logins == []


def test_email_logs_in_with_the_password_from_the_environment(
        mailbox: Mailbox, smtp_port: int) -> None:
    section = {"email": {"host": "127.0.0.1", "port": smtp_port, "security": "none",
                         "username": "newsarchive", "password_env": "TEST_SMTP_PASSWORD",
                         "sender": "newsarchive@example.org",
                         "recipients": ["data-team@example.org"]}}
    targets = targets_from_config(section, env={"TEST_SMTP_PASSWORD": PASSWORD})
    assert send(targets, RECOVERED, now=NOW) == []
    assert mailbox.logins == [(b"newsarchive", PASSWORD.encode())]
    assert "已恢复正常" in mailbox.messages()[0]["Subject"]

    wrong = targets_from_config(section, env={"TEST_SMTP_PASSWORD": "not-" + PASSWORD})
    [failure] = send(wrong, RECOVERED, now=NOW)
    assert failure.startswith(f"e-mail via 127.0.0.1:{smtp_port}: SMTP 535")
    assert PASSWORD not in failure
    assert len(mailbox.envelopes) == 1


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_email_over_tls_verifies_the_server_certificate(
        mailbox: Mailbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        security: str) -> None:
    cert, key = self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    options: dict[str, Any] = (
        {"tls_context": tls, "require_starttls": True} if security == "starttls"
        else {"ssl_context": tls})
    controller, port = start_smtp(mailbox, **options)
    try:
        target = EmailTarget("127.0.0.1", port, security, "newsarchive@example.org",
                             ("data-team@example.org",), timeout=5)
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        [failure] = send([target], UNHEALTHY, now=NOW)   # not trusted: nothing is sent
        assert "CERTIFICATE_VERIFY_FAILED" in failure
        assert mailbox.envelopes == []
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))   # trusted: delivered over TLS
        assert send([target], UNHEALTHY, now=NOW) == []
        assert mailbox.messages()[0]["Subject"] == message(UNHEALTHY)[0]
    finally:
        controller.stop()


# --- configuration -------------------------------------------------------------------------

def test_config_example_builds_webhooks_then_email() -> None:
    section = {
        "repeat_after": "24h",
        "webhook": [
            {"kind": "wecom", "url": f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={TOKEN}"},
            {"kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=x",
             "secret_env": "DINGTALK_SECRET"},
            {"kind": "feishu", "url": "https://open.feishu.cn/open-apis/bot/v2/hook/x",
             "secret": SECRET, "timeout": 3},
        ],
        "email": {"host": "smtp.example.org", "port": 587, "security": "starttls",
                  "username": "newsarchive@example.org", "password_env": "SMTP_PASSWORD",
                  "sender": "newsarchive@example.org", "recipients": ["data-team@example.org"]},
    }
    env = {"DINGTALK_SECRET": SECRET, "SMTP_PASSWORD": PASSWORD}
    assert targets_from_config(section, env) == [
        WebhookTarget("wecom", f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={TOKEN}"),
        WebhookTarget("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=x", SECRET),
        WebhookTarget("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/x", SECRET, 3.0),
        EmailTarget("smtp.example.org", 587, "starttls", "newsarchive@example.org",
                    ("data-team@example.org",), "newsarchive@example.org", PASSWORD),
    ]
    assert targets_from_config({}) == []


HOOK = {"kind": "json", "url": "https://hooks.example.org/n"}
MAIL = {"host": "smtp.example.org", "sender": "na@example.org", "recipients": ["a@example.org"]}


@pytest.mark.parametrize(("section", "key", "says"), [
    ({"webhook": [HOOK, {**HOOK, "kind": "slack"}]}, "notify.webhook[1].kind",
     "must be one of json, wecom, dingtalk, feishu"),
    ({"webhook": [{"url": "https://x.example/"}]}, "notify.webhook[0].kind", "missing"),
    ({"webhook": [{**HOOK, "url": "ftp://x.example/hook"}]}, "notify.webhook[0].url",
     "http:// or https://"),
    ({"webhook": [{**HOOK, "url": "hooks.example.org/n"}]}, "notify.webhook[0].url",
     "http:// or https://"),
    ({"webhook": [{**HOOK, "kind": "dingtalk", "secret_env": "UNSET_VAR"}]},
     "notify.webhook[0].secret_env", "UNSET_VAR is not set"),
    ({"webhook": [{**HOOK, "kind": "feishu", "secret": "a", "secret_env": "B"}]},
     "notify.webhook[0].secret", "not both"),
    ({"webhook": [{**HOOK, "secret": "abc"}]}, "notify.webhook[0].secret",
     "only dingtalk and feishu"),
    ({"webhook": [{**HOOK, "secret-env": "X"}]}, "notify.webhook[0].secret-env", "unknown key"),
    ({"webhook": [{**HOOK, "timeout": 0}]}, "notify.webhook[0].timeout", "positive"),
    ({"webhook": HOOK}, "notify.webhook", "[[notify.webhook]]"),
    ({"webhooks": [HOOK]}, "notify.webhooks", "unknown key"),
    ({"email": {**MAIL, "port": 70000}}, "notify.email.port", "1 to 65535"),
    ({"email": {**MAIL, "port": "587"}}, "notify.email.port", "1 to 65535"),
    ({"email": {**MAIL, "security": "tls"}}, "notify.email.security", "none, starttls, ssl"),
    ({"email": {**MAIL, "recipients": []}}, "notify.email.recipients", "non-empty"),
    ({"email": {**MAIL, "recipients": ["a@example.org", "nobody"]}},
     "notify.email.recipients[1]", "e-mail address"),
    ({"email": {k: v for k, v in MAIL.items() if k != "host"}}, "notify.email.host", "missing"),
    ({"email": {**MAIL, "username": "u", "password_env": "UNSET_VAR"}},
     "notify.email.password_env", "UNSET_VAR is not set"),
    ({"email": {**MAIL, "username": "u"}}, "notify.email.password", "required"),
])
def test_config_errors_are_one_line_naming_the_key(section: dict[str, Any], key: str,
                                                   says: str) -> None:
    with pytest.raises(NotifyConfigError) as caught:
        targets_from_config(section, env={})
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{key}: ") and says in text


def test_secret_env_defaults_to_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_NOTIFY_SECRET", SECRET)
    section = {"webhook": [{"kind": "dingtalk", "url": "https://robot.example/send",
                            "secret_env": "TEST_NOTIFY_SECRET"}]}
    [target] = targets_from_config(section)
    assert isinstance(target, WebhookTarget) and target.secret == SECRET
