"""Sites, declared not programmed: one TOML file per site and the loader that reads them.

Built-in site files live beside this module; ``--sites-dir`` / ``NEWSARCHIVE_SITES_DIR``
(setting ``CRAWL_SITES_DIR``) adds a directory whose files take precedence.  The schema is
documented in :mod:`crawler.sites.config`.  This package does not import Scrapy; the spider
loader that turns configs into spiders is :mod:`crawler.sites.spiderloader`.
"""

from __future__ import annotations

from crawler.sites.config import BadSiteConfig, SiteConfig, UnknownSite, parse_site
from crawler.sites.loader import load_site, load_sites, site_files, site_keys

__all__ = [
    "BadSiteConfig",
    "SiteConfig",
    "UnknownSite",
    "load_site",
    "load_sites",
    "parse_site",
    "site_files",
    "site_keys",
]
