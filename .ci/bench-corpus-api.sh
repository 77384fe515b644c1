#!/usr/bin/env bash
# The API over a large verified corpus (issue 10's users "load hundreds of thousands of documents"; not a test): builds
# Release, makes a corpus with the benchmark's corpus mode (../shared/bench/gen-corpus.py; default 400k claims, 20k
# entities, 200k documents, seed 7) unless CORPUS names one, imports it with the CLI into a store file, starts the API
# on loopback with the response cache off, and asks three times each for what grows with the number of documents: the
# document list, its last page, an unknown document id ("did you mean" compares every document), and the page of the
# entity the overview ranks first, with one relationship of each predicate (so mostly the documents that mention it).
# Prints status, time and size of every answer.
#   bash .ci/bench-corpus-api.sh
#   CLAIMS=400000 ENTITIES=20000 DOCS=200000 SEED=7 bash .ci/bench-corpus-api.sh
#   CORPUS=DIR STORE=FILE PORT=5099 bash .ci/bench-corpus-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${CLAIMS:-400000}
entities=${ENTITIES:-20000}
docs=${DOCS:-200000}
seed=${SEED:-7}
corpus=${CORPUS:-/tmp/graphservice-bench/corpus-$claims-$entities-$docs-$seed}
store=${STORE:-$corpus.db}
port=${PORT:-5099}
base="http://127.0.0.1:$port"

source .ci/bench-lib.sh

echo "== build (Release)"
dotnet build src/GraphService.Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/GraphService.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/GraphService.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly

if [ ! -f "$corpus/claims.yaml" ]; then
  echo "== generate $corpus (the corpus benchmark's generator, which also times one import)"
  dotnet src/GraphService.Benchmarks/bin/Release/net10.0/GraphService.Benchmarks.dll corpus \
    --claims "$claims" --entities "$entities" --docs "$docs" --seed "$seed" --out "$corpus" | grep -E '^(verified|total|gen-corpus)'
fi

echo "== import $corpus into $store (nothing is written when the store already holds this corpus)"
dotnet src/GraphService.Cli/bin/Release/net10.0/graphservice.dll import "$corpus" --store "$store" --no-progress

work=$(mktemp -d)
echo "== start the API on $base (response cache off, rate limit lifted)"
started=$(date +%s.%N)
bench_start_api "$base" "$work" Graph__StorePath="$store" Graph__ImportOnStart= Api__ResponseCacheMegabytes=0
bench_wait_ready "$base" 600
echo "ready (/health/ready 200) after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s; server $(bench_memory)"

# ask URL: three requests; prints the status codes, the times and the size of the last answer.
ask() {
  local times
  times=$(for _ in 1 2 3; do curl -s -o "$work/answer.json" -w '%{http_code} %{time_total} %{size_download}\n' "$1"; done \
    | awk '{codes = codes " " $1; t = t " " $2; size = $3} END {print substr(codes, 2) ";" substr(t, 2) ";" size}')
  IFS=';' read -r codes seconds bytes <<<"$times"
  echo "$1: HTTP $codes in $seconds s, $bytes bytes"
  bench_alive "after $1"
}

total=$(find "$corpus/documents" -name '*.md' | wc -l)
echo "== $total documents"
ask "$base/api/documents"
ask "$base/api/documents?limit=1000&offset=$(((total - 1) / 1000 * 1000))"
ask "$base/api/documents/no-such-document"
top=$(curl -s "$base/api/overview?limit=1")
first=$(grep -o '"nodes":\[{"id":"[^"]*"' <<<"$top" | sed 's/.*"id":"//; s/"$//')
# With one relationship of each predicate, the page's size is mostly the documents that mention the entity.
ask "$base/api/entities/$first?limit=1"
grep -o '"mentionCount":[0-9]*\|"mentionedInCount":[0-9]*' "$work/answer.json" | tr '\n' ' ' || true
echo "(mentionedIn lists $(grep -o '"mentionedIn":\[.*\]' "$work/answer.json" | grep -o '"publisher":' | wc -l) documents)"
echo "server after the requests: $(bench_memory)"
