#!/usr/bin/env bash
# HTTP benchmark on a shared graph (issue 10's HTTP target; not a test): builds Release, imports a gen-graph.js graph
# (../shared/bench, default M = 100k nodes / 500k relationships, seed 42) into a store file, starts the API on loopback
# over it with the response cache off, then runs wrk on /api/paths with a random pair of pairs.csv per request
# (.ci/bench-http-pairs.lua) and on /health/live through the same script, and prints requests/s, latency, errors and
# the ratio, with the time to ready, the first /api/paths after ready, and the server's memory.
#   bash .ci/bench-http.sh
#   NODES=1000000 RELS=5000000 DURATION=30s bash .ci/bench-http.sh
#   GRAPH_DIR=DIR STORE=FILE PATH_QUERY='k=1&maxHops=6' THREADS=2 CONNECTIONS=32 TIMEOUT=2s PORT=5098 bash .ci/bench-http.sh
# Target (issue 10): /api/paths >= 50% of /health/live requests/s in one run (2 threads, 32 connections), no errors.
# The rate limit is lifted and the per-request log line turned down to warnings, through configuration only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
nodes=${NODES:-100000}
rels=${RELS:-500000}
seed=${SEED:-42}
graph=${GRAPH_DIR:-/tmp/graphservice-bench/gen-graph-$nodes-$rels-$seed}
store=${STORE:-$graph/graph.db}
port=${PORT:-5098}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
duration=${DURATION:-15s}
timeout=${TIMEOUT:-2s}
path_query=${PATH_QUERY:-}
base="http://127.0.0.1:$port"
bench="dotnet $root/src/GraphService.Benchmarks/bin/Release/net10.0/GraphService.Benchmarks.dll"

source .ci/bench-lib.sh
bench_require_wrk

if [ ! -f "$graph/pairs.csv" ]; then
  generator=""
  for dir in "$root" "$root/.." "$root/../.." "$root/../../.."; do
    if [ -f "$dir/shared/bench/gen-graph.js" ]; then generator="$dir/shared/bench/gen-graph.js"; break; fi
  done
  generator=${GEN_GRAPH:-$generator}
  [ -n "$generator" ] || { echo "gen-graph.js not found in shared/bench above $root; set GEN_GRAPH or GRAPH_DIR"; exit 1; }
  echo "== generate: node $generator --nodes $nodes --rels $rels --seed $seed --out $graph"
  node "$generator" --nodes "$nodes" --rels "$rels" --seed "$seed" --out "$graph"
fi

echo "== build (Release)"
dotnet build src/GraphService.Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/GraphService.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly

echo "== import $graph into $store (skipped when the store already holds this graph)"
$bench graph-import --graph "$graph" --store "$store"

work=$(mktemp -d)
echo "== start the API on $base (response cache off, rate limit lifted)"
started=$(date +%s.%N)
bench_start_api "$base" "$work" Graph__StorePath="$store" Graph__ImportOnStart= Api__ResponseCacheMegabytes=0
bench_wait_ready "$base" 600
ready=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "ready (/health/ready 200) after $ready s; server $(bench_memory)"

first_pair=$(awk -F, 'NR == 2 {print "from=n" $2 "&to=n" $3}' "$graph/pairs.csv")
first_url="$base/api/paths?$first_pair${path_query:+&$path_query}"
first=$(curl -s -o "$work/first.json" -w '%{http_code} %{time_total}' "$first_url")
bench_alive "after the first /api/paths"
echo "first /api/paths after ready: HTTP ${first% *} in ${first#* } s ($first_url); server $(bench_memory)"
[ "${first% *}" = 200 ] || { cat "$work/first.json"; echo; echo "the first /api/paths did not answer 200"; exit 1; }
# The explorer's first request when it opens; the schema is counted once per graph.
schema=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/api/schema")
echo "first /api/schema after ready: HTTP ${schema% *} in ${schema#* } s"

# A name the generated graph does not hold costs a "did you mean" scan of every name; the overview resolves the
# configured featured names (the sample corpus's, which a generated graph does not hold either). Each asked three times.
unknown_url="$base/api/paths?from=Qais%20al-Khazali&${first_pair#*&}"
for url in "$unknown_url" "$base/api/overview"; do
  times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url"; done | awk '{codes = codes " " $1; t = t " " $2} END {print substr(codes, 2) ";" substr(t, 2)}')
  echo "$url: HTTP ${times%;*} in ${times#*;} s"
done

# The most connected entity's own page, three times: its relationships come a page at a time (docs/api.md#entity-pages).
top=$(curl -s "$base/api/overview?limit=1")
hub=$(grep -o '"nodes":\[{"id":"[^"]*"' <<<"$top" | sed 's/.*"id":"//; s/"$//')
hub_degree=$(grep -o '"degree":[0-9]*' <<<"$top" | head -1 | cut -d: -f2)
hub_url="$base/api/entities/$hub"
times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$hub_url"; done \
  | awk '{codes = codes " " $1; t = t " " $2; size = $3} END {print substr(codes, 2) ";" substr(t, 2) ";" size}')
IFS=';' read -r hub_codes hub_times hub_bytes <<<"$times"
echo "$hub_url (the most connected entity's page, $hub_degree relationships): HTTP $hub_codes in $hub_times s, $hub_bytes bytes"

# The explorer's search box after one letter, three times: "a" is in nearly every name of a large graph.
search_url="$base/api/entities?search=a&limit=8"
times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$search_url"; done | awk '{codes = codes " " $1; t = t " " $2} END {print substr(codes, 2) ";" substr(t, 2)}')
echo "$search_url (a one-letter search): HTTP ${times%;*} in ${times#*;} s"

# The first document's drafting suggestions, three times: drafting reads the document, its mentions and the claims among
# the entities they name, never every entity of the graph (docs/drafting.md).
doc=$(curl -s "$base/api/documents?limit=1" | grep -o '^\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//')
suggestions_url="$base/api/documents/$doc/suggestions"
times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$suggestions_url"; done | awk '{codes = codes " " $1; t = t " " $2} END {print substr(codes, 2) ";" substr(t, 2)}')
echo "$suggestions_url (drafting one document): HTTP ${times%;*} in ${times#*;} s"

# The server's allocation per request is read with dotnet-counters when it is installed (dotnet tool install -g
# dotnet-counters); without it the summary says it was not measured. Its span is set in whole seconds (DURATION=Ns).
counters=$(command -v dotnet-counters || { [ -x "$HOME/.dotnet/tools/dotnet-counters" ] && echo "$HOME/.dotnet/tools/dotnet-counters"; } || true)
[[ "$duration" =~ ^[0-9]+s$ ]] || counters=""
run() {
  local name=$1 pairs=$2 cpu_before counting=""
  echo "== wrk -t$threads -c$connections -d$duration --timeout $timeout --latency ($name)"
  if [ -n "$counters" ]; then
    # Collects the runtime's GC counters each second from before the run to after it; the sums over that span are the run's.
    "$counters" collect -p "$server_pid" --counters 'System.Runtime[dotnet.gc.heap.total_allocated,dotnet.gc.collections,dotnet.gc.pause.time]' \
      --refresh-interval 1 --duration "00:00:$(printf %02d $((${duration%s} + 4)))" --format csv -o "$work/$name.csv" >"$work/$name.counters.log" 2>&1 &
    counting=$!
    sleep 1.5
  fi
  cpu_before=$(bench_cpu_ticks)
  PAIRS_CSV="$pairs" PATH_QUERY="$path_query" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    --timeout "$timeout" -s .ci/bench-http-pairs.lua "$base" | tee "$work/$name.txt"
  echo $(($(bench_cpu_ticks) - cpu_before)) >"$work/$name.cpu"
  if [ -n "$counting" ]; then wait "$counting" || echo "dotnet-counters failed; see $work/$name.counters.log"; fi
  bench_alive "after the $name run"
}
# Warm the JIT and the caches before measuring.
PAIRS_CSV="$graph/pairs.csv" PATH_QUERY="$path_query" wrk -t1 -c4 -d5s -s .ci/bench-http-pairs.lua "$base" >/dev/null
PAIRS_CSV="" wrk -t1 -c4 -d3s -s .ci/bench-http-pairs.lua "$base" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run paths "$graph/pairs.csv"
run live ""
bench_alive "after the runs"
echo "server after the runs: $(bench_memory)"

echo
# The load average says how much else the machine was running; on a shared 2-core machine it moves every figure.
echo "== summary: $(basename "$graph") ($(nproc) cores, load average $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after; wrk -t$threads -c$connections -d$duration)"
if [ -n "$path_query" ]; then shape="$path_query"; else shape="the API's defaults (k=3, maxHops=4)"; fi
echo "   /api/paths: a random pair of pairs.csv per request, $shape; response cache off"
printf '%-12s %12s %10s %10s %10s %8s %14s  %s\n' endpoint requests/s p50 p90 p99 non-2xx "server CPU/req" "socket errors"
for name in paths live; do
  label=$([ "$name" = paths ] && echo "/api/paths" || echo "/health/live")
  f="$work/$name.txt"
  printf '%-12s %12s %10s %10s %10s %8s %14s  %s\n' "$label" "$(wrk_rps "$f")" "$(wrk_pct "$f" 50%)" "$(wrk_pct "$f" 90%)" "$(wrk_pct "$f" 99%)" "$(wrk_non2xx "$f")" "$(cpu_per_request "$f" "$work/$name.cpu")" "$(wrk_socket_errors "$f")"
done
# Server CPU per request (user + system time of the server process over the run, divided by the requests wrk counted)
# does not depend on what else the machine runs as much as requests/s does; their ratio is printed beside.
awk -v p="$(cpu_us "$work/paths.txt" "$work/paths.cpu")" -v l="$(cpu_us "$work/live.txt" "$work/live.cpu")" \
  'BEGIN { printf "server CPU per request: /api/paths %.0f us, /health/live %.0f us (live/paths %.3f)\n", p, l, l / p }'
for name in paths live; do
  if [ -s "$work/$name.csv" ]; then
    awk -F, -v n="$(awk '/ requests in / {print $1}' "$work/$name.txt")" -v name="$name" \
      '/total_allocated/ {a += $5} /gc.collections/ {c += $5} /pause.time/ {p += $5}
       END {printf "server allocation (dotnet-counters): %s %.1f KiB per request, %d collections, %.2f s paused\n", name, a / n / 1024, c, p}' "$work/$name.csv"
  else
    echo "server allocation: $name not measured (dotnet-counters not installed or it failed)"
  fi
done
awk -v p="$(wrk_rps "$work/paths.txt")" -v l="$(wrk_rps "$work/live.txt")" 'BEGIN { printf "paths/live ratio: %.3f (target >= 0.5)\n", p / l }'
echo "ready after $ready s; first /api/paths after ready ${first#* } s"
