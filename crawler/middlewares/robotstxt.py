"""Scrapy's RobotsTxtMiddleware with its wait for a pending robots.txt fixed.

In Scrapy 2.19, requests that arrive while a host's robots.txt is still downloading all
``await`` the same shared Deferred (scrapy/scrapy#6802 replaced a per-waiter Deferred with
``maybe_deferred_to_future(parser)``).  Deferred callbacks chain: the first waiter's callback
returns None, so every later waiter receives None -- "no robots.txt" -- and is let through.
With several start URLs on one host (``newsarchive add``, multi-URL sites) disallowed pages
were fetched.  Here each waiter gets its own Deferred that passes the parser on.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred[RobotParser | None] = Deferred()

        def relay(result: Any) -> Any:
            waiter.callback(result)
            return result  # keep it for the next waiter in the chain

        pending.addBoth(relay)
        return await maybe_deferred_to_future(waiter)
