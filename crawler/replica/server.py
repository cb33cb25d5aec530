"""One site's HTTP server: HTTP/1.1 keep-alive, conditional GET, answered from a Build."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from crawler.replica.pages import Build, Page, Request, page_key
from crawler.replica.records import RequestRecord

MAX_FORM = 64 * 1024
NOT_ALLOWED = Page(
    405, b"Method Not Allowed", (("Content-Type", "text/plain"), ("Allow", "GET, HEAD"))
)


class SiteServer:
    """Serves whatever ``current()`` returns, so an epoch change is one reference swap."""

    def __init__(
        self,
        site: str,
        current: Callable[[], Build],
        log: Callable[[RequestRecord], None],
        server_header: str,
    ) -> None:
        self.site = site
        self.current = current
        self.log = log
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class(server_header))
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        # A short poll interval: stop() waits for the serving loop to notice it.
        self._thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"replica-{site}",
            daemon=True,
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        # Keep-alive connections would otherwise go on being served by their threads.
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def track(self, conn: socket.socket, alive: bool) -> None:
        with self._lock:
            if alive:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def answer(self, method: str, target: str, headers: dict[str, str], form: bytes) -> Page:
        build = self.current()
        found = build.pages.get(page_key(target))
        parts = urlsplit(target)
        if found is None and not build.query_matters:
            found = build.pages.get(parts.path)
        if found is not None and method == "POST":
            return NOT_ALLOWED  # static files answer GET and HEAD only
        if found is None and build.respond is not None:
            request = Request(
                method=method,
                path=parts.path,
                query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                form=dict(parse_qsl(form.decode("utf-8", "replace"), keep_blank_values=True)),
            )
            found = build.respond(request)
        if found is None:
            return build.not_found
        if method in ("GET", "HEAD") and found.status == 200 and _not_modified(found, headers):
            return Page(304, b"", tuple(h for h in found.headers if h[0] != "Content-Type"))
        return found

    def _handler_class(self, server_header: str) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 60  # an idle keep-alive connection is dropped after this

            def version_string(self) -> str:
                return server_header

            def setup(self) -> None:
                super().setup()
                owner.track(self.connection, True)

            def finish(self) -> None:
                owner.track(self.connection, False)
                super().finish()

            def do_GET(self) -> None:
                self._serve("GET")

            def do_HEAD(self) -> None:
                self._serve("HEAD")

            def do_POST(self) -> None:
                self._serve("POST")

            def _serve(self, method: str) -> None:
                try:
                    length = int(self.headers.get("Content-Length") or 0)
                except ValueError:
                    length = 0
                if length > MAX_FORM:
                    self.close_connection = True  # the unread rest would garble the next request
                form = self.rfile.read(min(length, MAX_FORM)) if length > 0 else b""
                headers = dict(self.headers.items())
                reply = owner.answer(method, self.path, headers, form)
                owner.log(
                    RequestRecord(owner.site, method, self.path, headers, reply.status, time.time())
                )
                self.send_response(reply.status)
                for name, value in reply.headers:
                    self.send_header(name, value)
                if reply.status != 304:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if method != "HEAD" and reply.status != 304:
                    self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


def _not_modified(found: Page, headers: dict[str, str]) -> bool:
    """RFC 9110 13.1: If-None-Match decides when present; If-Modified-Since only otherwise."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if "if-none-match" in lowered:
        tags = [t.strip() for t in lowered["if-none-match"].split(",")]
        return "*" in tags or any(t.removeprefix("W/") == found.etag for t in tags)
    since = lowered.get("if-modified-since")
    if since and found.last_modified is not None:
        try:
            return found.last_modified <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False
