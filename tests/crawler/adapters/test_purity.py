"""The adapters are pure: no Scrapy, no network, no database."""

from __future__ import annotations

import subprocess
import sys


def test_adapters_import_neither_scrapy_nor_the_archive() -> None:
    code = (
        "import sys; import crawler.adapters.generic, crawler.adapters.hanweb, "
        "crawler.adapters.trs, crawler.adapters.sitemaps, crawler.adapters.feeds, "
        "crawler.adapters.multipage; "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('scrapy', 'twisted', 'sqlalchemy', 'archive', 'requests')]; print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
