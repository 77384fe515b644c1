#!/usr/bin/env bash
# The long fuzz run of the corpus importer: the CsCheck property of tests/GraphService.Corpus.Tests/ImporterFuzzTests.cs
# with more cases than CI runs (2,000). Usage: .ci/fuzz-corpus.sh [cases] [seed]
#   .ci/fuzz-corpus.sh              100,000 cases
#   .ci/fuzz-corpus.sh 20000        20,000 cases
#   .ci/fuzz-corpus.sh 1 <seed>     replays the failing case whose seed a failure printed
# Ends with the test's line "fuzz: N cases in S s (C s of CPU); ..."; the whole output is in artifacts/fuzz-corpus.log.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
export FUZZ_ITERATIONS="${1:-100000}"
if [ -n "${2:-}" ]; then export FUZZ_SEED="$2"; fi
dotnet test tests/GraphService.Corpus.Tests \
  --filter "FullyQualifiedName~GraphService.Corpus.Tests.ImporterFuzzTests" \
  --logger "console;verbosity=detailed" >artifacts/fuzz-corpus.log 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then tail -60 artifacts/fuzz-corpus.log; fi
grep -E "^ *fuzz: " artifacts/fuzz-corpus.log
exit "$rc"
