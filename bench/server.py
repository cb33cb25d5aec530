"""A minimal asyncio HTTP/1.1 server (keep-alive, GET/HEAD) of prebuilt response bytes.

Run in its own process (:func:`serve`) so serving never competes for the crawler's GIL; it
counts the requests it answered in a shared integer the benchmark reads to know how far a
crawl has got.  Every response is built once, headers and body, before the port opens.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Mapping
from typing import Any

import sitegen

SERVER = "nginx"
NOT_FOUND = b"<html><body><h1>404 Not Found</h1></body></html>"


def responses(site: sitegen.Site) -> dict[str, bytes]:
    """path -> the whole response (status line, headers, body)."""
    charset = "gbk" if site.encoding.lower() == "gbk" else "utf-8"
    built = {path: _response(200, f"text/html; charset={charset}", body,
                             site.last_modified.get(path))
             for path, body in site.pages.items()}
    built["/robots.txt"] = _response(200, "text/plain", sitegen.robots_txt(), None)
    return built


def _response(status: int, content_type: str, body: bytes, last_modified: str | None) -> bytes:
    reason = {200: "OK", 404: "Not Found"}[status]
    lines = [f"HTTP/1.1 {status} {reason}", f"Server: {SERVER}",
             f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    if last_modified:
        lines.append(f"Last-Modified: {last_modified}")
    lines.append("Connection: keep-alive")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Handler:
    def __init__(self, pages: Mapping[str, bytes], counter: Any) -> None:
        self.pages = pages
        self.counter = counter  # multiprocessing.Value("q"), written only here
        self.not_found = _response(404, "text/html", NOT_FOUND, None)

    async def __call__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
                path = target.split("?", 1)[0].split("#", 1)[0]
                reply = self.pages.get(path, self.not_found)
                if method == "HEAD":
                    reply = reply.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
                writer.write(reply)
                self.counter.value += 1
                if writer.transport.get_write_buffer_size() > 256 * 1024:
                    await writer.drain()
                if b"\r\nconnection: close" in head.lower():
                    break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()


async def _main(articles: int, encoding: str, counter: Any, ready: Any) -> None:
    site = sitegen.build(articles, encoding)
    pages = responses(site)
    server = await asyncio.start_server(Handler(pages, counter), "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    ready.send({
        "port": port,
        "list_paths": list(site.list_paths),
        "article_paths": list(site.article_paths),
        "start_paths": list(site.start_paths),
        "facts": {a.path: (a.title, a.published.strftime("%Y-%m-%dT%H:%M"), a.source,
                           a.paragraphs[0]) for a in site.articles},
        "bytes": sum(len(b) for b in site.pages.values()),
    })
    ready.close()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        await stop.wait()


def serve(articles: int, encoding: str, counter: Any, ready: Any) -> None:
    """Process target: build the site, send its manifest through ``ready``, serve until
    SIGTERM."""
    asyncio.run(_main(articles, encoding, counter, ready))
