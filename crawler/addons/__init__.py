"""Scrapy add-ons: components that adjust settings before a crawl starts."""
