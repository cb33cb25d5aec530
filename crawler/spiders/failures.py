"""One line for people about why a request got no response, and whether it counts as an error."""

from __future__ import annotations

import re
import socket

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from twisted.internet import error as tx_error
from twisted.python.failure import Failure

ROBOTS_MESSAGE = "Forbidden by robots.txt"  # what RobotsTxtMiddleware raises IgnoreRequest with
_MAXSIZE = re.compile(r"max(?:imum)? size \((\d+)|DOWNLOAD_MAXSIZE \((\d+)")


def is_refusal(failure: Failure) -> bool:
    """robots.txt said no: our policy, not a fault of the site or of the crawl."""
    return isinstance(failure.value, IgnoreRequest) and ROBOTS_MESSAGE in str(failure.value)


def describe_failure(failure: Failure) -> str:
    exc = failure.value
    text = str(exc).splitlines()[0] if str(exc) else ""
    if is_refusal(failure):
        return "refused by robots.txt"
    too_large = _MAXSIZE.search(text)
    if too_large and isinstance(exc, (DownloadCancelledError, IgnoreRequest)):
        limit = next(g for g in too_large.groups() if g)
        return f"too large: more than {limit} bytes (DOWNLOAD_MAXSIZE)"
    if isinstance(exc, (DownloadConnectionRefusedError, tx_error.ConnectionRefusedError)):
        return "connection refused"
    if isinstance(exc, (CannotResolveHostError, tx_error.DNSLookupError, socket.gaierror)):
        return "host name not found (DNS lookup failed)"
    if isinstance(exc, (DownloadTimeoutError, tx_error.TimeoutError, TimeoutError)):
        return f"timed out ({text})" if text else "timed out"
    if isinstance(exc, ResponseDataLossError):
        return "connection closed before the whole response arrived"
    if isinstance(exc, UnsupportedURLSchemeError):
        return f"unsupported URL scheme ({text})"
    if isinstance(exc, (DownloadFailedError, tx_error.ConnectionLost, tx_error.ConnectError)):
        return f"download failed ({text or type(exc).__name__})"
    if isinstance(exc, IgnoreRequest):
        return f"not fetched: {text}" if text else "not fetched"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
