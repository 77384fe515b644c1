#!/usr/bin/env bash
# Load benchmark of the REST API (not a test): builds Release, starts the API on a loopback port over a temporary store
# holding the sample corpus, runs wrk against /api/paths?from=Khazali&to=al-Ameri and /health/live, prints requests/s
# and p99 latency of each, and stops the server.
#   bash .ci/bench-api.sh                 # defaults: 2 threads, 32 connections, 15 s per endpoint
#   THREADS=2 CONNECTIONS=64 DURATION=30s PORT=5099 bash .ci/bench-api.sh
# Target on the 2-core machine: /api/paths >= 5,000 req/s with p99 < 20 ms, and >= half the /health/live rate.
# The rate limit is lifted for the run (one client would exceed it at once) and the per-request log line is turned
# down to warnings (the console logger would measure itself); everything else is as configured in appsettings.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-5099}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
duration=${DURATION:-15s}
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing; installing the Debian package"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "== build (Release)"
dotnet build src/GraphService.Api -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== start the API on $base (store $work/graph.db, importing data/corpus)"
(
  cd src/GraphService.Api
  exec env ASPNETCORE_ENVIRONMENT=Production \
    Graph__StorePath="$work/graph.db" \
    Graph__ImportOnStart="$root/data/corpus" \
    RateLimiting__PermitLimit=1000000000 \
    Logging__LogLevel__GraphService.Api.Http.RequestLogging=Warning \
    dotnet bin/Release/net10.0/GraphService.Api.dll --urls "$base"
) >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 240); do
  if curl -fs "$base/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "the API exited"; exit 1; fi
  sleep 0.5
done
curl -fs "$base/health/ready" >/dev/null || { cat "$work/server.log"; echo "the API did not become ready"; exit 1; }

paths_url="$base/api/paths?from=Khazali&to=al-Ameri"
curl -fs "$paths_url" -o "$work/paths.json"
echo "warm-up answer: $(wc -c <"$work/paths.json") bytes, $(grep -o '"length":' "$work/paths.json" | wc -l) paths"

run() {
  local name=$1 url=$2
  echo "== wrk -t$threads -c$connections -d$duration --latency $url"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" | tee "$work/$name.txt"
}
# Warm the JIT and the caches before measuring.
wrk -t1 -c4 -d3s "$paths_url" >/dev/null
wrk -t1 -c4 -d3s "$base/health/live" >/dev/null
run paths "$paths_url"
run live "$base/health/live"

rps() { awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt"; }
pct() { awk -v q="$2" '$1 == q {print $2}' "$work/$1.txt"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/$1.txt"; }

echo
# The load average says how much else the machine was running; tail latency on a shared 2-core machine depends on it.
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$threads -c$connections -d$duration)"
printf '%-38s %12s %10s %10s %10s %8s\n' endpoint requests/s p50 p90 p99 non-2xx
for name in paths live; do
  label=$([ "$name" = paths ] && echo "/api/paths?from=Khazali&to=al-Ameri" || echo "/health/live")
  printf '%-38s %12s %10s %10s %10s %8s\n' "$label" "$(rps $name)" "$(pct $name 50%)" "$(pct $name 90%)" "$(pct $name 99%)" "$(non2xx $name)"
done
awk -v p="$(rps paths)" -v l="$(rps live)" 'BEGIN { printf "paths/live ratio: %.2f\n", p / l }'
