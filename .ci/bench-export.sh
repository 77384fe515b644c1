#!/usr/bin/env bash
# Export benchmark (not a test): runs `graphservice export` on a store in each format and prints the wall time, the
# process's peak RSS (VmHWM), and the peaks of its two parts sampled every 0.1 s from /proc: anonymous memory (the
# process's own) and file pages (the store file, which SQLite reads mapped). With GRAPH_DIR and no store file yet, it
# imports the gen-graph.js graph there first (as .ci/bench-http.sh does).
#   STORE=/tmp/gsbench/l.db bash .ci/bench-export.sh
#   GRAPH_DIR=/tmp/gsbench/m STORE=/tmp/gsbench/m.db FORMATS="neo4j-admin cypher" OUT=/tmp/export bash .ci/bench-export.sh
#   CLI_DLL=/tmp/other-build/graphservice.dll STORE=... bash .ci/bench-export.sh   # another build of the CLI
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
store=${STORE:?set STORE to a store file (and GRAPH_DIR to import a gen-graph.js graph into it)}
formats=${FORMATS:-neo4j-admin cypher graphml}
out=${OUT:-$(mktemp -d)}
cli=${CLI_DLL:-$root/src/GraphService.Cli/bin/Release/net10.0/graphservice.dll}

echo "== build (Release)"
dotnet build src/GraphService.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
if [ -n "${GRAPH_DIR:-}" ]; then
  dotnet build src/GraphService.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
  echo "== import $GRAPH_DIR into $store (skipped when the store already holds this graph)"
  dotnet "$root/src/GraphService.Benchmarks/bin/Release/net10.0/GraphService.Benchmarks.dll" graph-import --graph "$GRAPH_DIR" --store "$store"
fi
[ -f "$store" ] || { echo "no store file at $store"; exit 1; }
mkdir -p "$out"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
echo "== export $store ($(du -h "$store" | cut -f1)) to $out; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

kib() { awk -v k="$1" '$1 == k ":" {print $2}' "/proc/$2/status" 2>/dev/null || true; }
printf '%-12s %10s %16s %18s %18s %s\n' format seconds "peak RSS MiB" "peak anon MiB" "peak file MiB" size
for format in $formats; do
  target=$out/graph.$format
  [ "$format" = neo4j-admin ] && target=$out/neo4j-admin
  started=$(date +%s.%N)
  dotnet "$cli" --store "$store" --no-progress export --format "$format" --out "$target" >"$logs/$format.log" 2>&1 &
  pid=$!
  hwm=0 anon=0 file=0
  while kill -0 "$pid" 2>/dev/null; do
    a=$(kib RssAnon "$pid"); f=$(kib RssFile "$pid"); h=$(kib VmHWM "$pid")
    [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
    [ -n "$f" ] && [ "$f" -gt "$file" ] && file=$f
    [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
    sleep 0.1
  done
  wait "$pid" || { cat "$logs/$format.log"; echo "export --format $format failed"; exit 1; }
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  printf '%-12s %10s %16d %18d %18d %s\n' "$format" "$seconds" $((hwm / 1024)) $((anon / 1024)) $((file / 1024)) "$(du -sh "$target" | cut -f1)"
done
echo "== done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
