"""``python -m crawler.replica [--epoch N] [--sites a,b]``: serve the replica until SIGINT/SIGTERM.

Prints one JSON line ``{"base_urls": {real host: "http://127.0.0.1:PORT"}}`` once listening, so
a parent process (tests, the benchmark) can map hosts while the server runs off its GIL."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from crawler.replica import Replica


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.replica", description=__doc__)
    parser.add_argument("--epoch", type=int, default=0, help="which epoch to serve (default 0)")
    parser.add_argument("--sites", help="comma-separated site keys (default: all)")
    parser.add_argument("--content-dir", type=Path, help="content files (default: built in)")
    args = parser.parse_args(argv)
    sites = [s.strip() for s in args.sites.split(",") if s.strip()] if args.sites else None

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        replica = Replica(epoch=args.epoch, sites=sites, content_dir=args.content_dir).start()
    except (KeyError, ValueError) as exc:
        print(f"python -m crawler.replica: {exc}", file=sys.stderr)
        return 1
    try:
        print(json.dumps({"base_urls": replica.base_urls}), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        replica.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
