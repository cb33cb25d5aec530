"""Scrapy's spider loader, extended so ``scrapy crawl KEY`` works for every site config.

Spiders in ``SPIDER_MODULES`` load as usual and win on a name clash.  Site spiders are
generated (a :class:`~crawler.spiders.site.SiteSpider` subclass per config) when asked for,
so one broken site file does not stop the others, or ``scrapy crawl add``, from running.
"""

from __future__ import annotations

import builtins
import logging
from typing import TYPE_CHECKING

from scrapy import Request, Spider
from scrapy.spiderloader import SpiderLoader

from crawler.sites.config import BadSiteConfig
from crawler.sites.loader import load_site, site_keys

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


class SiteSpiderLoader(SpiderLoader):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.sites_dir: str | None = settings.get("CRAWL_SITES_DIR") or None

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name in self._spiders:
            return self._spiders[spider_name]
        from crawler.spiders.site import SiteSpider  # after SPIDER_MODULES are walked

        # UnknownSite is a KeyError, as the loader protocol asks; BadSiteConfig propagates.
        return SiteSpider.for_site(load_site(spider_name, self.sites_dir))

    def list(self) -> list[str]:
        return sorted(set(super().list()) | set(site_keys(self.sites_dir)))

    def find_by_request(self, request: Request) -> builtins.list[str]:
        names = super().find_by_request(request)
        for key in site_keys(self.sites_dir):
            if key in self._spiders:
                continue
            try:
                spider = self.load(key)
            except BadSiteConfig as exc:
                logger.warning("Skipping site %s: %s", key, exc)
                continue
            if spider.handles_request(request):
                names.append(key)
        return names
