"""Scrapy settings for newsarchive, grouped by concern; our own are ``ARCHIVE_*`` and ``CRAWL_*``.

Tuned for public-sector sites: small government servers that we want to keep visiting for
years, so we go slowly, say who we are, and obey robots.txt.
"""

from __future__ import annotations

import os

from crawler.addons.useragent import PLACEHOLDER_CONTACT_URL
from crawler.middlewares.wire import PRIORITY as WIRE_FACTS_PRIORITY

# --- Project ----------------------------------------------------------------------------------
BOT_NAME = "newsarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Makes `scrapy crawl KEY` work for every site config, besides the spiders in SPIDER_MODULES.
SPIDER_LOADER_CLASS = "crawler.sites.spiderloader.SiteSpiderLoader"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# --- Archive ----------------------------------------------------------------------------------
# None means: --home/NEWSARCHIVE_HOME and --db/NEWSARCHIVE_DB, resolved by archive.store.
ARCHIVE_HOME: str | None = None
ARCHIVE_DB: str | None = None
# What started the run, recorded with it: manual | scheduled | add.
ARCHIVE_TRIGGER = "manual"
# Goes into the User-Agent (crawler.addons.useragent): a page saying who runs this crawler.
ARCHIVE_CONTACT_URL = os.environ.get("NEWSARCHIVE_CONTACT") or PLACEHOLDER_CONTACT_URL
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

# --- Sites ------------------------------------------------------------------------------------
# Extra site config directory; None means NEWSARCHIVE_SITES_DIR (read by crawler.sites.loader).
CRAWL_SITES_DIR: str | None = None
# Caps every site's max_pages for one crawl (0 = use each site's own budget).
CRAWL_MAX_PAGES = 0
# Fetch every known page again, unconditionally (``newsarchive crawl --full``).
CRAWL_FULL = False
# Real host -> base URL the bytes are fetched from instead (the offline replica, a mirror);
# the archive still records the real URLs.  See crawler/handlers/hostmap.py.
CRAWL_BASE_URLS: dict[str, str] = {}

# --- Identity and manners ---------------------------------------------------------------------
ADDONS = {"crawler.addons.useragent.ContactUserAgent": 0}  # sets USER_AGENT from the contact
ROBOTSTXT_OBEY = True
# The token robots.txt rules can name ("User-agent: newsarchive").
ROBOTSTXT_USER_AGENT = "newsarchive"
# Ask for Chinese first: some portals pick the language (or the mobile/English edition) from it.
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
}
# No listening ports on a crawl server (Scrapy 2.19's remote control can run code).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- Politeness -------------------------------------------------------------------------------
# AutoThrottle adapts the delay to the server's latency, aiming at one request in flight per
# site; DOWNLOAD_DELAY is its floor.  Government servers are often slow and shared.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS_PER_DOMAIN = 2
CONCURRENT_REQUESTS = 8

# --- Failures ---------------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 2  # 3 attempts in all
# Server trouble, request timeouts and rate limiting are worth another try; network errors
# (refused, timed out, reset) are retried by Scrapy's default RETRY_EXCEPTIONS.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
# Every response is a capture: 404s and 5xx pages (after retries) reach the spider and the
# archive, which marks them "not article".  Redirects are still followed.
HTTPERROR_ALLOW_ALL = True

# --- Sizes ------------------------------------------------------------------------------------
# News pages are well under 1 MB; a 20 MB response is an attachment or a mistake.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024

# --- Downloader -------------------------------------------------------------------------------
DOWNLOAD_HANDLERS = {
    "http": "crawler.handlers.hostmap.HostMappingDownloadHandler",
    "https": "crawler.handlers.hostmap.HostMappingDownloadHandler",
}
# What really fetches; sites with ``browser = true`` switch it to scrapy-playwright's handler.
CRAWL_INNER_DOWNLOAD_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"
DOWNLOADER_MIDDLEWARES = {
    # Scrapy 2.19's robots.txt middleware lets through requests that wait for a pending
    # robots.txt (see crawler/middlewares/robotstxt.py); ours takes its place (100).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robotstxt.SharedRobotsTxtMiddleware": 100,
    "crawler.middlewares.wire.WireFactsMiddleware": WIRE_FACTS_PRIORITY,
}

# --- Output -----------------------------------------------------------------------------------
LOG_LEVEL = "INFO"  # DEBUG logs a line per request and item
FEED_EXPORT_ENCODING = "utf-8"

# --- Progress ---------------------------------------------------------------------------------
EXTENSIONS = {"crawler.extensions.progress.CrawlProgress": 500}
# Shown on stderr during a crawl: off | auto (tty on a terminal, else lines) | tty | lines.
# `newsarchive crawl` turns it on (its Scrapy log goes to a file, not the terminal).
CRAWL_PROGRESS = "off"
# Seconds between updates; 0 = 0.5 s on a terminal, 15 s as lines.
CRAWL_PROGRESS_INTERVAL = 0.0

# --- Health -----------------------------------------------------------------------------------
# A finished run is compared with this many previous runs of its site (archive.health).
ARCHIVE_HEALTH_HISTORY = 10
