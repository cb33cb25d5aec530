"""The Replica: every replica site served on its own 127.0.0.1 port, plus its ground truth."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

from crawler.replica.content import CONTENT_DIR, SHANGHAI, load_content
from crawler.replica.pages import Build
from crawler.replica.records import ArticleTruth, RequestRecord
from crawler.replica.server import SiteServer
from crawler.replica.sites import SITES
from crawler.replica.sites.base import Epoch, Site
from crawler.replica.truth import site_truth


class Replica:
    """``with Replica() as r:`` serves the seven sites; ``r.truth()`` is what a crawl must get.

    ``content_dir`` (tests) replaces crawler/replica/content/."""

    def __init__(
        self,
        epoch: int = 0,
        sites: Iterable[str] | None = None,
        content_dir: str | Path | None = None,
    ) -> None:
        keys = list(SITES) if sites is None else list(dict.fromkeys(sites))
        unknown = [k for k in keys if k not in SITES]
        if unknown:
            raise KeyError(f"unknown replica site(s): {', '.join(unknown)}")
        content = load_content(Path(content_dir) if content_dir else CONTENT_DIR, keys)
        # Sites a copy points at are loaded for their URLs even when not served.
        self._sites: dict[str, Site] = {k: SITES[k](arts) for k, arts in content.items()}
        self._served = keys
        self._lock = threading.Lock()
        self._builds: dict[tuple[str, int], Build] = {}
        self._current: dict[str, Build] = {}
        self._corrected_at: datetime | None = None
        self._servers: dict[str, SiteServer] = {}
        self.epoch = epoch
        self.base_urls: dict[str, str] = {}
        self.requests: list[RequestRecord] = []
        self.set_epoch(epoch)

    # --- serving ------------------------------------------------------------------------
    def start(self) -> Replica:
        for key in self._served:
            if key in self._servers:
                continue
            site = self._sites[key]
            server = SiteServer(key, self._getter(key), self._log, site.server)
            server.start()
            self._servers[key] = server
            self.base_urls[site.host] = server.base_url
        return self

    def stop(self) -> None:
        stopping = [threading.Thread(target=s.stop) for s in self._servers.values()]
        for thread in stopping:
            thread.start()
        for thread in stopping:
            thread.join()
        self._servers.clear()

    def __enter__(self) -> Replica:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def base_url(self, site: str) -> str:
        return self._servers[site].base_url

    def set_epoch(self, epoch: int) -> None:
        """Switch every site to ``epoch``'s pages (built once per epoch, then cached)."""
        if epoch < 0:
            raise ValueError("epoch must be >= 0")
        with self._lock:
            if epoch >= 1 and self._corrected_at is None:
                self._corrected_at = _next_second()
            state = Epoch(epoch, self._corrected_at or _next_second())
            for key in self._served:
                if (key, epoch) not in self._builds:
                    self._builds[key, epoch] = self._sites[key].build(state)
            self._current = {key: self._builds[key, epoch] for key in self._served}
            self.epoch = epoch

    def redesign(self, site: str, redesigned: bool = True) -> None:
        """Give ``site`` its new layout from now on (d7760 renames its article list, as a
        real redesign would, so the site's ``article_links`` selector finds nothing);
        ``redesigned=False`` puts the old one back."""
        with self._lock:
            self._sites[site].redesigned = redesigned
            for cached in [k for k in self._builds if k[0] == site]:
                del self._builds[cached]
        self.set_epoch(self.epoch)

    def _getter(self, key: str) -> Callable[[], Build]:
        return lambda: self._current[key]

    def _log(self, record: RequestRecord) -> None:
        with self._lock:
            self.requests.append(record)

    def clear_requests(self) -> None:
        with self._lock:
            del self.requests[:]

    # --- ground truth -------------------------------------------------------------------
    def truth(self, site: str | None = None) -> list[ArticleTruth]:
        keys = self._served if site is None else [site]
        for key in keys:
            if key not in self._served:
                raise KeyError(f"site {key!r} is not served by this replica")
        return [t for key in keys for t in site_truth(self._sites[key], self.epoch, self._url_of)]

    def hidden_urls(self) -> list[str]:
        return [
            self._sites[key].url(path)
            for key in self._served
            for path in self._sites[key].hidden_paths()
        ]

    def sites(self) -> dict[str, Site]:
        """The served sites by key (for tools and tests that need their list pages)."""
        return {key: self._sites[key] for key in self._served}

    def _url_of(self, site: str, ident: str) -> str:
        target = self._sites[site]
        article = next(a for a in target.articles if a.id == ident)
        return target.url(target.path(article))


def _next_second() -> datetime:
    """Now, rounded up to the whole second, so a lastmod is never older than a fetch before it."""
    now = datetime.now(SHANGHAI)
    return now.replace(microsecond=0) + timedelta(seconds=math.ceil(now.microsecond / 1e6))
