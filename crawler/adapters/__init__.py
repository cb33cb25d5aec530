"""List-page adapters: pure functions from a parsed page (lxml) to article links and next pages.

Nothing here imports Scrapy or touches the network or the database: the spider parses a
response once (``lxml.html.fromstring(text, base_url=url)``) and hands the tree to these
functions.  One module per source of links:

- :mod:`.hanweb` — 大汉 jcms column pages (inline ``<datastore>`` + ``dataproxy.jsp``)
- :mod:`.trs` — TRS WCM list pages (``createPageHTML(N, i, "index", "html")``)
- :mod:`.sitemaps`, :mod:`.feeds` — sitemap.xml / robots.txt, RSS and Atom
- :mod:`.generic` — any list page, no configuration: article links, next pages, traps
- :mod:`.multipage` — the parts of an article split over several pages
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["Link"]


@dataclass(frozen=True)
class Link:
    """One link found on a list page, in a sitemap or in a feed."""

    url: str  # absolute, fragment removed
    text: str = ""  # anchor text (or feed/sitemap title), whitespace collapsed
    # The date printed beside the link / pubDate / lastmod: aware, Asia/Shanghai when the
    # source gives no zone.  None when nothing is printed.
    published: datetime | None = None
