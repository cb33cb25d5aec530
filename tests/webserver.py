"""A real HTTP server on 127.0.0.1 for tests: serves routes a test sets, records requests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    status: int = 200
    headers: list[tuple[str, str]] = field(
        default_factory=lambda: [("Content-Type", "text/html; charset=utf-8")]
    )


class WebServer:
    """``server.route("/a.html", body, headers=[...])`` then fetch ``server.url("/a.html")``.

    Unknown paths get 404; ``/robots.txt`` is 404 unless routed.  Routes can be replaced while
    the server runs (to simulate a page that changes between fetches)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path, dict(self.headers.items())))
                # A route may name its query (``/list?page=2``); otherwise the query is ignored.
                route = (server.routes.get(self.path)
                         or server.routes.get(self.path.split("?", 1)[0])
                         or Route(b"not found", 404, [("Content-Type", "text/plain")]))
                self.send_response(route.status)
                for name, value in route.headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> WebServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, body: bytes | str, *, status: int = 200,
              headers: list[tuple[str, str]] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, status, headers or Route(b"").headers)
        return self.url(path)

    def paths_requested(self) -> list[str]:
        return [path for _method, path, _headers in self.requests]
