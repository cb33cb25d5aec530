"""Ground truth: what a perfect crawl and cleaner produce for each article of a site."""

from __future__ import annotations

from collections.abc import Callable

from crawler.replica.content import Article
from crawler.replica.records import ArticleTruth
from crawler.replica.sites.base import Site

# (site key, article id) → the real URL of that article, for a copy's ``copy_of``.
UrlOf = Callable[[str, str], str]


def article_truth(site: Site, article: Article, epoch: int, url_of: UrlOf) -> ArticleTruth:
    precision = site.precision(article)
    published = article.published.replace(microsecond=0)
    if precision != "second":
        published = published.replace(second=0)
    if precision == "day":
        published = published.replace(hour=0, minute=0)
    paragraphs = [site.text(p) for p in article.paragraphs_at(epoch)]
    return ArticleTruth(
        site=site.key,
        url=site.url(site.path(article)),
        title=site.text(article.title),
        published=published,
        precision=precision,
        source=site.text(article.source),
        author=site.text(article.author) if article.author else None,
        body=site.body_joiner.join(paragraphs),
        copy_of=url_of(*article.copy_of) if article.copy_of else None,
        parts=tuple(site.url(p) for p in site.part_paths(article)),
    )


def site_truth(site: Site, epoch: int, url_of: UrlOf) -> list[ArticleTruth]:
    return [article_truth(site, a, epoch, url_of) for a in site.visible()]
