"""Settings for sites whose list pages need JavaScript: scrapy-playwright on Debian's chromium.

Only requests with ``meta["playwright"]`` go through the browser; everything else of such a
crawl still uses plain HTTP.  Pages are closed by scrapy-playwright after each response (we
never ask for the page object), and one context with few pages keeps memory flat.
"""

from __future__ import annotations

import shutil
from typing import Any

# Without these, chromium keeps calling Google's services, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-gpu", "--disable-sync",
                 # Containers give /dev/shm 64 MB; chromium's renderers crash past it.
                 "--disable-dev-shm-usage"]


class BrowserUnavailable(RuntimeError):
    """A site needs a browser and no chromium executable is on PATH."""


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise BrowserUnavailable("this site's pages need a browser and chromium is not installed "
                                 "(apt-get install -y chromium)")
    return path


def browser_settings() -> dict[str, Any]:
    return {
        "CRAWL_INNER_DOWNLOAD_HANDLER": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": shutil.which("chromium") or shutil.which("chromium-browser"),
            "headless": True,
            "args": CHROMIUM_ARGS,
        },
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 30_000,
    }
