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

source .ci/bench-lib.sh
bench_require_wrk

echo "== build (Release)"
dotnet build src/GraphService.Api -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d)
echo "== start the API on $base (store $work/graph.db, importing data/corpus)"
bench_start_api "$base" "$work" Graph__StorePath="$work/graph.db" Graph__ImportOnStart="$root/data/corpus"
bench_wait_ready "$base" 120

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

echo
# The load average says how much else the machine was running; tail latency on a shared 2-core machine depends on it.
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$threads -c$connections -d$duration)"
printf '%-38s %12s %10s %10s %10s %8s\n' endpoint requests/s p50 p90 p99 non-2xx
for name in paths live; do
  label=$([ "$name" = paths ] && echo "/api/paths?from=Khazali&to=al-Ameri" || echo "/health/live")
  f="$work/$name.txt"
  printf '%-38s %12s %10s %10s %10s %8s\n' "$label" "$(wrk_rps "$f")" "$(wrk_pct "$f" 50%)" "$(wrk_pct "$f" 90%)" "$(wrk_pct "$f" 99%)" "$(wrk_non2xx "$f")"
done
awk -v p="$(wrk_rps "$work/paths.txt")" -v l="$(wrk_rps "$work/live.txt")" 'BEGIN { printf "paths/live ratio: %.2f\n", p / l }'
