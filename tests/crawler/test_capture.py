"""From a downloaded response to the fetch the archive stores: headers, body, User-Agent."""

from __future__ import annotations

import gzip

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler.addons.useragent import ContactUserAgent
from crawler.items import Page
from crawler.middlewares.wire import WireFactsMiddleware
from crawler.spiders.add import AddSpider

HTML = "<html><body><p>工业和信息化局</p></body></html>".encode("gbk")


def downloaded(headers: list[tuple[bytes, bytes]], body: bytes) -> Response:
    """A response passed through our wire middleware and Scrapy's real decompression."""
    crawler = get_crawler(AddSpider)
    request = Request("http://a.example/art/1.html")
    response = Response(request.url, status=200, headers=headers, body=body, request=request)
    response = WireFactsMiddleware.from_crawler(crawler).process_response(request, response)
    compression = HttpCompressionMiddleware.from_crawler(crawler)
    result = compression.process_response(request, response)
    assert isinstance(result, Response)
    return result


def test_a_decoded_body_is_not_stored_under_a_content_encoding_claim() -> None:
    response = downloaded(
        [(b"Content-Type", b"text/html; charset=gb2312"), (b"Content-Encoding", b"gzip"),
         (b"Set-Cookie", b"a=1"), (b"Set-Cookie", b"b=2")],
        gzip.compress(HTML),
    )
    page = Page.from_response(response)
    assert page.fetch.body == HTML  # exactly what the spider received
    names = [name.lower() for name, _ in page.fetch.headers]
    assert "content-encoding" not in names
    assert "content-length" not in names  # the received one was the compressed size
    assert ("X-Archive-Original-Content-Encoding", "gzip") in page.fetch.headers
    assert [v for n, v in page.fetch.headers if n == "Set-Cookie"] == ["a=1", "b=2"]
    assert page.fetch.fetched_at.tzinfo is not None


def test_plain_responses_keep_their_headers_byte_for_byte() -> None:
    odd = "attachment; filename=\xe9\xa1\xb5.html"  # raw UTF-8 bytes read as latin-1
    response = downloaded(
        [(b"Content-Type", b"text/html; charset=gb2312"),
         (b"Content-Disposition", odd.encode("latin-1"))],
        HTML,
    )
    page = Page.from_response(response)
    assert page.fetch.body == HTML
    assert ("Content-Disposition", odd) in page.fetch.headers
    assert not any(name.startswith("X-Archive") for name, _ in page.fetch.headers)


def test_user_agent_names_the_project_and_the_contact() -> None:
    settings = Settings({"BOT_NAME": "newsarchive",
                         "ARCHIVE_CONTACT_URL": "https://ops.example/contact"})
    ContactUserAgent().update_settings(settings)
    assert settings["USER_AGENT"].startswith("newsarchive/")
    assert "(+https://ops.example/contact)" in settings["USER_AGENT"]
    explicit = Settings({"BOT_NAME": "newsarchive", "ARCHIVE_CONTACT_URL": "https://x.example"})
    explicit.set("USER_AGENT", "mine", priority="cmdline")
    ContactUserAgent().update_settings(explicit)
    assert explicit["USER_AGENT"] == "mine"
