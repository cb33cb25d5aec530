"""``newsarchive clean FILE --url U``: run the cleaner on one saved page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archive import canonicalize, clean
from archive.records import jsonable

FIELDS = ("title", "published", "published_raw", "source", "author", "body", "encoding",
          "declared_encoding", "replacement_chars", "is_article", "script", "simplified_body")


def register(verbs: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("clean", parents=[shared], help="clean one saved page")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--url", required=True, help="the URL the page was fetched from")
    parser.add_argument("--content-type", help="the Content-Type header it was served with")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    canonicalize(args.url)
    body = args.file.read_bytes()
    headers = [("Content-Type", args.content_type)] if args.content_type else []
    article = clean(body, args.url, headers)
    if args.format == "text":
        print(f"{article.title or ''}\n{article.published_raw or ''} {article.source or ''}\n")
        print(article.body)
        return 0
    out = {name: jsonable(getattr(article, name)) for name in FIELDS}
    out.update(article.extras)
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0
