"""Sets a User-Agent that names the project and how to reach its operator.

Public-sector webmasters who see unusual traffic should be able to find out whose it is; the
contact comes from ``ARCHIVE_CONTACT_URL`` (env ``NEWSARCHIVE_CONTACT``).  Done as an add-on,
not in settings.py, so the contact can be overridden like any setting (``-s``, ``settings=``)
and the User-Agent follows.  An explicit ``USER_AGENT`` setting still wins.
"""

from __future__ import annotations

import logging
from importlib import metadata

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

logger = logging.getLogger(__name__)

PLACEHOLDER_CONTACT_URL = "https://example.org/newsarchive-contact"


def project_version() -> str:
    try:
        return metadata.version("newsarchive")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "dev"


def user_agent(bot_name: str, contact_url: str) -> str:
    return f"{bot_name}/{project_version()} (+{contact_url})"


class ContactUserAgent:
    def update_settings(self, settings: BaseSettings) -> None:
        if (settings.getpriority("USER_AGENT") or 0) > SETTINGS_PRIORITIES["default"]:
            return  # set on purpose (the demo names itself): the contact is not used
        contact = settings.get("ARCHIVE_CONTACT_URL") or PLACEHOLDER_CONTACT_URL
        if contact == PLACEHOLDER_CONTACT_URL:
            logger.warning(
                "ARCHIVE_CONTACT_URL is the placeholder %s: set NEWSARCHIVE_CONTACT to a page "
                "that says who runs this crawler", contact,
            )
        # "addon" priority is below "project", "spider" and "cmdline": a USER_AGENT set
        # anywhere on purpose is kept.
        settings.set("USER_AGENT", user_agent(settings.get("BOT_NAME"), contact),
                     priority="addon")
