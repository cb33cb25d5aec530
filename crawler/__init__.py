"""newsarchive's crawler: the Scrapy application that turns the web into archive writes."""
