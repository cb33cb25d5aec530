"""Scrapy extensions of our own (enabled through the ``EXTENSIONS`` setting)."""
