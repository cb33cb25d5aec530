"""``newsarchive reclean``: clean every archived page again from its raw bytes.

Cleaning is CPU work and each page is independent, so it runs in a process pool (one worker
per core); the main process reads targets and writes results, one transaction per document,
so an interrupted reclean leaves every document either re-cleaned or as it was.  Site configs
give each site's extraction hints, exactly as a crawl would use them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archive import Archive, Article, clean
from archive.blobs import BlobStore
from archive.cleaning import ExtractionHints
from archive.reclean import RecleanTarget
from crawler.sites import load_sites

Progress = Callable[[int, int, Counter[str]], None]  # (done, total, outcomes so far)
Job = tuple[RecleanTarget, ExtractionHints | None]


@dataclass(frozen=True)
class RecleanReport:
    pages: int
    outcomes: dict[str, int]  # new_version | unchanged | not_article | multi_page

    def describe(self) -> str:
        return (f"{self.pages} pages cleaned again: {self.outcomes.get('new_version', 0)} new "
                f"versions, {self.outcomes.get('unchanged', 0)} unchanged, "
                f"{self.outcomes.get('not_article', 0)} no longer read as articles and "
                f"{self.outcomes.get('multi_page', 0)} multi-page articles left as they were")


def reclean(archive: Archive, *, site: str | None = None, sites_dir: str | None = None,
            workers: int | None = None, progress: Progress | None = None) -> RecleanReport:
    hints = {key: config.extraction_hints for key, config in load_sites(sites_dir).items()}
    targets = archive.reclean_targets(site)
    outcomes: Counter[str] = Counter()
    jobs: list[Job] = [(target, hints.get(target.site)) for target in targets]
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                             initializer=_open_blobs, initargs=(archive.blobs.root,)) as pool:
        for done, (target, article) in enumerate(_cleaned(pool, jobs), start=1):
            outcomes[archive.record_reclean(target, article)] += 1
            if progress is not None:
                progress(done, len(targets), outcomes)
    return RecleanReport(len(targets), dict(outcomes))


def _cleaned(pool: ProcessPoolExecutor, jobs: list[Job]) -> Iterator[tuple[RecleanTarget, Article]]:
    """Articles in target order; the pool cleans ahead while results are written."""
    for (target, _), article in zip(jobs, pool.map(_clean, jobs, chunksize=16), strict=True):
        yield target, article


_blobs: BlobStore | None = None


def _open_blobs(root: Path) -> None:
    global _blobs
    _blobs = BlobStore(root)


def _clean(job: Job) -> Article:
    target, hints = job
    assert _blobs is not None
    return clean(_blobs.get(target.blob_sha256), target.url, target.headers,
                 fetched_at=target.fetched_at, hints=hints)
