#!/usr/bin/env bash
# The main job in miniature, offline: serve a saved GBK government page on 127.0.0.1,
# capture it with `newsarchive add`, query the archive, and check `show --raw` is byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
home=$(mktemp -d)/newsarchive-data
port=$($bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$bin/python -m http.server "$port" --bind 127.0.0.1 --directory examples/pages >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
page=hongze-industry-meeting.html

$bin/newsarchive --home "$home" add "http://127.0.0.1:$port/$page"
$bin/newsarchive --home "$home" add "http://127.0.0.1:$port/$page?utm_source=wechat#top"
$bin/newsarchive --home "$home" query 招商引资
$bin/newsarchive --home "$home" show 1 --raw | cmp - "examples/pages/$page" \
  && echo "show --raw: byte-identical to the served page"
echo "archive left in $home"
