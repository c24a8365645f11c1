#!/usr/bin/env bash
# The preview server under load (`make load`): wrk with 200 connections for 30 s against `gazette serve` on the
# sample site, while the site is rebuilt twice, with a live-reload connection open throughout. Fails on any
# socket error or status other than 200/304, on a dropped live-reload connection, or on memory that keeps growing
# (a second 30 s run may add at most 10% to the server's resident memory). Prints requests per second and
# latency percentiles for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
GAZETTE=${GAZETTE:-.build/release/gazette}
DURATION=${LOAD_SECONDS:-30}
CONNECTIONS=${LOAD_CONNECTIONS:-200}
work=$(mktemp -d)
cp -R content gazette.yml "$work"/
[ -f entities.yml ] && cp entities.yml "$work"/
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$GAZETTE" serve --source "$work" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
cleanup() { kill "$server" "${events:-}" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$base/" && break; sleep 0.2; done
curl -fs -o /dev/null "$base/" || { echo "load: the server did not answer"; cat "$work/serve.log"; exit 1; }

article=$(cd "$work/content" && find . -name '*.md' | sort | head -1)
page=$(curl -fs "$base/" | grep -o 'href="/[0-9]\{4\}/[0-9][0-9]/[0-9][0-9]/[^"]*"' | head -1 | cut -d'"' -f2)
person=$(curl -fs "$base/people/" | grep -o 'href="/people/[^"/]*/"' | head -1 | cut -d'"' -f2)
cat >"$work/paths.lua" <<LUA
local paths = {"/", "$page", "$person", "/search/", "/feed.xml", "/assets/style.css", "/sitemap.xml"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# A live-reload connection, open for the whole run.
curl -sN "$base/__gazette/events" >"$work/events.log" 2>&1 &
events=$!
rss() { awk '/VmRSS/ {print $2}' /proc/"$server"/status; }
rss_start=$(rss)

edit() {  # two rebuilds during the run: an edit, then the edit undone
  sleep $((DURATION / 3)); printf '\nA line added under load.\n' >>"$work/content/$article"
  sleep $((DURATION / 3)); sed -i '$d' "$work/content/$article"; sed -i '$d' "$work/content/$article"
}
edit &
editor=$!
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/paths.lua" "$base" >"$work/wrk1.log" 2>&1
wait "$editor"
rss_first=$(rss)
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/paths.lua" "$base" >"$work/wrk2.log" 2>&1
rss_second=$(rss)

cat "$work/wrk1.log"
failed=0
for log in "$work/wrk1.log" "$work/wrk2.log"; do
  if grep -qE 'Socket errors|Non-2xx or 3xx' "$log"; then echo "load: errors in $(basename "$log"):"; grep -E 'Socket errors|Non-2xx' "$log"; failed=1; fi
done
rebuilds=$(grep -c '^Built' "$work/serve.log" || true)
reloads=$(grep -c '^event: reload' "$work/events.log" || true)
if ! kill -0 "$events" 2>/dev/null; then echo "load: the live-reload connection was dropped"; failed=1; fi
if [ "$reloads" -lt 2 ]; then echo "load: the live-reload connection saw $reloads reload events, not 2"; failed=1; fi
growth=$(( (rss_second - rss_first) * 100 / rss_first ))
[ "$growth" -le 10 ] || { echo "load: memory grew by $growth% in the second run"; failed=1; }
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk1.log")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk1.log")
echo "load: $CONNECTIONS connections, ${DURATION}s: $rps requests/s, 99th percentile $p99, $rebuilds builds, $reloads reloads seen;" \
  "server memory ${rss_start} kB at start, ${rss_first} kB after the first run, ${rss_second} kB after the second"
exit $failed
