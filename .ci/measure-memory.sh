#!/usr/bin/env bash
# Memory after large answers (a measurement, not a test): builds Release, generates a synthetic corpus with
# ../shared/bench/gen-corpus.py (BENCH_DIR overrides where it is), imports it with the CLI, starts the API over it, and
# prints the process's resident memory (VmRSS) in MiB: once started, once warmed up by one pass of large answers, at
# its peak and 10 s after each of PASSES more passes, and 60 s after the last. A pass asks for 6 x ROUNDS large answers
# (neighbourhoods at depth 3 and limit 500, 25 paths of up to 6 hops; each as JSON, HTML and SVG), CONCURRENCY at a
# time. Run with the response cache at its default (64 MB) and off (CACHES).
#   bash .ci/measure-memory.sh
#   ENTITIES=4000 DOCS=800 CLAIMS=40000 ROUNDS=8 CONCURRENCY=8 PASSES=3 bash .ci/measure-memory.sh
#   GC_ENV="DOTNET_gcServer=0" CACHES=0 bash .ci/measure-memory.sh   # another GC setting (environment variables), cache off only
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-5191}
entities=${ENTITIES:-4000}
docs=${DOCS:-800}
claims=${CLAIMS:-40000}
rounds=${ROUNDS:-8}
passes=${PASSES:-3}
concurrency=${CONCURRENCY:-8}
bench=${BENCH_DIR:-$root/../shared/bench}
[ -f "$bench/gen-corpus.py" ] || bench=/work/shared/bench
base="http://127.0.0.1:$port"

echo "== build (Release)"
dotnet build src/GraphService.Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/GraphService.Cli -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

echo "== corpus: $entities entities, $docs documents, $claims claims"
python3 "$bench/gen-corpus.py" "$work/corpus" --entities "$entities" --docs "$docs" --claims "$claims" >/dev/null
dotnet src/GraphService.Cli/bin/Release/net10.0/graphservice.dll import "$work/corpus" --store "$work/graph.db"

rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Entities with the most claims: their neighbourhoods and the paths between them are the largest answers.
mapfile -t hubs < <(grep -o 'subject: e[0-9]*' "$work/corpus/claims.yaml" | sort | uniq -c | sort -rn | head -"$((rounds * 2))" | awk '{print $3}')

: >"$work/urls"
for i in $(seq 0 $((rounds - 1))); do
  a=${hubs[$((i * 2))]}; b=${hubs[$((i * 2 + 1))]}
  for format in json html svg; do
    echo "$base/api/entities/$a/neighborhood?depth=3&limit=500&format=$format" >>"$work/urls"
    echo "$base/api/paths?from=$a&to=$b&k=25&maxHops=6&format=$format" >>"$work/urls"
  done
done

ask_all() {
  xargs -P "$concurrency" -n 1 curl -s -o /dev/null -w '%{size_download} %{http_code}\n' <"$work/urls" |
    awk '{ total += $1; if ($2 != 200) bad++ } END { printf "%d answers, %.1f MB, %d not 200", NR, total / 1048576, bad }'
}

measure() {
  local label=$1 cache=$2
  (
    cd src/GraphService.Api
    # shellcheck disable=SC2086
    exec env ${GC_ENV:-} ASPNETCORE_ENVIRONMENT=Production Graph__StorePath="$work/graph.db" Graph__ImportOnStart= \
      Api__ResponseCacheMegabytes="$cache" RateLimiting__PermitLimit=1000000000 \
      Logging__LogLevel__GraphService.Api.Http.RequestLogging=Warning \
      dotnet bin/Release/net10.0/GraphService.Api.dll --urls "$base"
  ) >"$work/server-$label.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    if curl -fs "$base/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$label.log"; echo "the API exited"; exit 1; }
    sleep 0.5
  done
  local started_mib; started_mib=$(rss_mib "$server_pid")

  # Warm-up: one pass of the same requests, so that the baseline includes what the first large answers set up once
  # (the path index, JIT-compiled code, SQLite page caches, thread-pool threads); then what stays per answer shows.
  local warm; warm=$(ask_all)
  sleep 10
  local rest; rest=$(rss_mib "$server_pid")

  (while kill -0 "$server_pid" 2>/dev/null; do rss_mib "$server_pid"; echo; sleep 0.2; done) >"$work/samples-$label" &
  local sampler=$! after=() answers
  for _ in $(seq 1 "$passes"); do
    answers=$(ask_all)
    sleep 10
    after+=("$(rss_mib "$server_pid")")
  done
  sleep 50
  local idle; idle=$(rss_mib "$server_pid")
  kill "$sampler" 2>/dev/null || true
  local peak; peak=$(sort -n "$work/samples-$label" | tail -1)
  printf '%-16s started %4s | warmed up %4s | peak %4s | 10 s after each pass: %s | 60 s after the last %4s MiB   (each pass: %s; warm-up: %s)\n' \
    "$label" "$started_mib" "$rest" "$peak" "${after[*]}" "$idle" "$answers" "$warm"
  stop_server
}

echo "== VmRSS of the API (GC: ${GC_ENV:-as built})"
for cache in ${CACHES:-64 0}; do
  if [ "$cache" = 0 ]; then measure "cache off" 0; else measure "cache $cache MB" "$cache"; fi
done
