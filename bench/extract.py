"""Extraction benchmark: our cleaner against trafilatura, readability-lxml and GNE on real pages.

    .venv/bin/python bench/extract.py [--sets daniel-zh,scrapinghub-aeb] [--limit N]
        [--out docs/extraction-benchmark.md] [--pages FILE.jsonl] [--worst N]
        [--extractors ours,trafilatura,readability-lxml,gne] [--data ../shared/benchmarks]

A benchmark, not a test: it asserts nothing.  Reads the datasets under ``../shared/benchmarks``
(one ``<id>.html`` + ``<id>.json`` ground truth per page), runs each extractor on each page in
this one process and prints a markdown table per set: body F1 (character bigrams over letters
and digits, see ``extract_score``), title accuracy, date accuracy where the set has date labels,
and pages per second of extraction time (bytes in, article out; file reading not counted).
``--out`` writes the table with the method, the date and the exact command; ``--pages`` writes
one JSON line per page and extractor so the worst pages can be found later.

Needs the ``bench`` extra: ``.venv/bin/pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import fmean

from extract_score import bigrams, body_score, date_ok, title_exact, title_ok
from extract_tools import EXTRACTORS, Result, tool_version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks"
DEFAULT_SETS = "daniel-zh,scrapinghub-aeb"


@dataclass
class Page:
    set: str
    id: str
    html: bytes
    truth: dict
    url: str | None


@dataclass
class Tally:
    """One extractor's scores on one set."""

    f1: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    title_ok: list[bool] = field(default_factory=list)
    title_exact: list[bool] = field(default_factory=list)
    date_ok: list[bool] = field(default_factory=list)
    source_ok: list[bool] = field(default_factory=list)
    errors: int = 0
    empty: int = 0
    seconds: float = 0.0


def load_set(data: Path, name: str, limit: int | None) -> list[Page]:
    folder = data / name
    if not folder.is_dir():
        raise SystemExit(f"no dataset folder {folder}")
    pages = []
    for truth_file in sorted(folder.glob("*.json"))[:limit]:
        html_file = truth_file.with_suffix(".html")
        if not html_file.exists():
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        # The cleaner wants a URL; daniel-zh often has none, so give every tool the site root.
        url = truth.get("url") or (f"http://{truth['site']}/" if truth.get("site") else None)
        pages.append(Page(name, truth_file.stem, html_file.read_bytes(), truth, url))
    return pages


def run_one(name: str, page: Page) -> tuple[Result | None, float, str | None]:
    extractor = EXTRACTORS[name]
    started = time.perf_counter()
    try:
        result = extractor(page.html, page.url)
        error = None
    except Exception as exc:  # a tool that raises scores 0 on that page
        result, error = None, f"{type(exc).__name__}: {exc}"[:200]
    return result, time.perf_counter() - started, error


def run(pages: list[Page], names: list[str], page_log: list[dict]) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = {}
    for name in names:  # one untimed call first: imports and lazy set-up are not extraction
        run_one(name, pages[0])
    gc.collect()
    for page in pages:
        truth_bag = bigrams(page.truth.get("body") or "")
        true_title = page.truth.get("title")
        true_date = page.truth.get("published")
        true_source = page.truth.get("source")
        for name in names:
            tally = tallies.setdefault((page.set, name), Tally())
            result, seconds, error = run_one(name, page)
            tally.seconds += seconds
            result = result or Result()
            tally.errors += error is not None
            tally.empty += not (result.body or "").strip()
            score = body_score(result.body, truth_bag)
            tally.f1.append(score.f1)
            tally.precision.append(score.precision)
            tally.recall.append(score.recall)
            row: dict = {
                "set": page.set,
                "id": page.id,
                "extractor": name,
                "f1": round(score.f1, 4),
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "pred_chars": len(result.body or ""),
                "true_chars": len(page.truth.get("body") or ""),
                "seconds": round(seconds, 5),
                "error": error,
                "pred_title": result.title,
            }
            if true_title:
                tally.title_ok.append(title_ok(result.title, true_title))
                tally.title_exact.append(title_exact(result.title, true_title))
                row["title_ok"] = tally.title_ok[-1]
                row["true_title"] = true_title
            if true_date:
                tally.date_ok.append(date_ok(result.published, true_date))
                row["date_ok"] = tally.date_ok[-1]
            if true_source:
                tally.source_ok.append(title_exact(result.source, true_source))
            page_log.append(row)
    return tallies


def share(values: list[bool]) -> str:
    return f"{fmean(values):.3f} ({len(values)})" if values else "n/a"


def table(tallies: dict[tuple[str, str], Tally]) -> str:
    lines = [
        "| set | extractor | pages | body F1 | precision | recall | empty / errors "
        "| title ok (n) | title exact | date ok (n) | source ok (n) | pages/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (set_name, name), tally in tallies.items():
        pages = len(tally.f1)
        lines.append(
            f"| {set_name} | {name} | {pages} | **{fmean(tally.f1):.3f}** "
            f"| {fmean(tally.precision):.3f} | {fmean(tally.recall):.3f} "
            f"| {tally.empty} / {tally.errors} | {share(tally.title_ok)} "
            f"| {share(tally.title_exact).split(' ')[0]} | {share(tally.date_ok)} "
            f"| {share(tally.source_ok)} | {pages / tally.seconds:.1f} |"
        )
    return "\n".join(lines)


METHOD = """\
## Method

- **Pages**: the sets under `../shared/benchmarks/` (see that folder's README): `daniel-zh`
  (399 Chinese news pages 2011-12, human-cleaned body + headline) and `scrapinghub-aeb`
  (181 mostly English pages, human-written body; no title or date labels).
- **Input**: every extractor starts from the page's bytes. Ours decodes them itself inside
  `clean(bytes, url)`; trafilatura, readability-lxml and GNE get the `str` that
  `archive.cleaning.decode.decode_html(bytes)` makes (trafilatura and readability would also
  accept bytes and guess the charset themselves; GNE needs a str), so all read the same
  characters, and the decoding is counted in every extractor's time. URL: the ground truth's
  `url`, else `http://<site>/` (daniel-zh has few URLs), the same for all.
- **Settings**: trafilatura `bare_extraction(text, url=..., with_metadata=True,
  include_comments=False)` (metadata for the title; comments are not article text; metadata
  costs trafilatura about a third of its speed); readability-lxml `Document(text, url=...)`,
  body = text of `summary(html_partial=True)` with a newline after each block element, title
  = `short_title()`; GNE `GeneralNewsExtractor().extract(text)`, `content` and `title`;
  ours `clean(...)`.body / .title (its body is scored even when `is_article` is False).
- **Body F1**: keep only letters and digits (`str.isalnum`, so CJK characters count as letters;
  no case folding), take character bigrams as a multiset; precision = |pred ∩ truth| /
  |pred|, recall = |pred ∩ truth| / |truth|, F1 per page, then the plain mean over pages
  (precision and recall columns are means too, so F1 is not computed from them). A page where
  the extractor returns nothing or raises scores 0 and is counted under "empty / errors".
- **Title ok**: both titles NFKC-normalised, all whitespace removed, punctuation and symbols at
  either end dropped, and the truth loses daniel-zh's leftovers (a leading `正文` or
  `首頁新聞總覽`, a trailing time stamp `【16:15】`); right when equal, or when the extracted
  title is the true title followed by a separator (`_ - | 丨 : 》 ...`) and a site-name
  suffix. A site-name prefix, a cut title or another headline is wrong. **Title exact**:
  equal after NFKC and whitespace removal only.
  Only pages whose ground truth has a title count (n in brackets); daniel-zh's human titles
  keep some page leftovers (`》`, `正文`, time stamps), which the exact measure punishes.
- **Date / source ok**: scored only where the ground truth has them (date: same day, or the
  truth's coarser precision); neither set has date or source labels, hence "n/a".
- **Pages/s**: pages divided by the summed wall time of the extractor's calls (decode + extract,
  no file reading), one process, extractors interleaved page by page, after one untimed
  warm-up call each. Machine noise is ±25% between runs; compare ratios within one run.
- Reference figures quoted in issue 4 for daniel-zh (another scorer): readability-lxml 0.920,
  newspaper3k 0.896, trafilatura 0.866, GNE 0.754.
"""


def report(tallies: dict[tuple[str, str], Tally], names: list[str], command: str) -> str:
    versions = ", ".join(f"{name} {tool_version(name)}" for name in names)
    now = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        "# Extraction benchmark\n\n"
        f"Run {now} with `{command}`\n\n"
        f"Python {platform.python_version()}, {versions}.\n\n"
        f"{table(tallies)}\n\n{METHOD}"
    )


def worst(page_log: list[dict], name: str, count: int) -> str:
    rows = sorted((r for r in page_log if r["extractor"] == name), key=lambda r: r["f1"])
    sets = ", ".join(dict.fromkeys(r["set"] for r in rows))
    out = [f"{name} on {sets}: {count} worst pages by body F1"]
    for r in rows[:count]:
        out.append(
            f"  {r['f1']:.3f} P={r['precision']:.2f} R={r['recall']:.2f} "
            f"chars {r['pred_chars']}/{r['true_chars']} {r['set']}/{r['id']}"
            + (f" [{r['error']}]" if r["error"] else "")
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=DEFAULT_SETS, help="comma-separated dataset folders")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmarks folder")
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--out", type=Path, help="write the markdown report here")
    parser.add_argument(
        "--pages",
        type=Path,
        nargs="?",
        const=Path(),
        help="write per-page scores (JSONL) to FILE; without FILE, next to --out",
    )
    parser.add_argument("--worst", type=int, default=0, help="print our N worst pages per set")
    parser.add_argument("--replica", action="store_true",
                        help="also score the offline replica's article pages (set 'replica')")
    args = parser.parse_args()
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractors {unknown}; choose from {list(EXTRACTORS)}")
    command = shlex.join([".venv/bin/python", "bench/extract.py", *sys.argv[1:]])

    tallies: dict[tuple[str, str], Tally] = {}
    page_log: list[dict] = []
    sets = [(args.data, s.strip()) for s in args.sets.split(",") if s.strip()]
    if args.replica:
        from extract_replica import SET_NAME, export

        replica_root = Path(tempfile.mkdtemp(prefix="newsarchive-replica-set-"))
        export(replica_root)
        sets.append((replica_root, SET_NAME))
    for data, set_name in sets:
        pages = load_set(data, set_name, args.limit)
        print(f"{set_name}: {len(pages)} pages", file=sys.stderr, flush=True)
        if pages:
            tallies.update(run(pages, names, page_log))
    print(table(tallies))
    worst_lists = []
    if args.worst:
        for set_name in dict.fromkeys(s for s, _ in tallies):
            log = [r for r in page_log if r["set"] == set_name]
            worst_lists.append(worst(log, names[0], args.worst))
            print("\n" + worst_lists[-1])
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        text = report(tallies, names, command)
        if worst_lists:
            text += "\n## Worst pages\n\n```\n" + "\n\n".join(worst_lists) + "\n```\n"
        args.out.write_text(text, encoding="utf-8")
        print(f"\nwrote {args.out}", file=sys.stderr)
    if args.pages == Path():
        if not args.out:
            parser.error("--pages without FILE needs --out")
        args.pages = args.out.with_name(args.out.stem + "-pages.jsonl")
    if args.pages:
        args.pages.parent.mkdir(parents=True, exist_ok=True)
        with args.pages.open("w", encoding="utf-8") as handle:
            for row in page_log:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        print(f"wrote {args.pages}", file=sys.stderr)


if __name__ == "__main__":
    main()
