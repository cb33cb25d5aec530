"""Compare an archive with the replica's ground truth: one line per disagreement."""

from __future__ import annotations

from archive import Archive, canonicalize
from archive.write import normalize_text
from crawler.replica import ArticleTruth

DAY = "%Y-%m-%d"
PRECISION = {"day": DAY, "minute": DAY + " %H:%M", "second": DAY + " %H:%M:%S"}


def mismatches(arc: Archive, truths: list[ArticleTruth]) -> list[str]:
    documents = {d.canonical_url: d for d in arc.documents()}
    problems = []
    for truth in truths:
        doc = documents.get(canonicalize(truth.url))
        if doc is None:
            problems.append(f"{truth.url}: not archived")
            continue
        shape = PRECISION[truth.precision]
        got_date = doc.published.astimezone(truth.published.tzinfo).strftime(shape) \
            if doc.published else None
        checks = {
            "title": (doc.title, truth.title),
            "published": (got_date, truth.published.strftime(shape)),
            "source": (doc.source, truth.source),
            "body": (normalize_text(doc.body), normalize_text(truth.body)),
        }
        for field, (got, want) in checks.items():
            if got != want:
                problems.append(f"{truth.url}: {field} {str(got)[:80]!r} != {str(want)[:80]!r}")
    return problems
