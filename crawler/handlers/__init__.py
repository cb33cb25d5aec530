"""Download handlers (enabled in settings.DOWNLOAD_HANDLERS)."""
