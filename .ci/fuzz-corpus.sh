#!/usr/bin/env bash
# The long fuzz run of the corpus importer: the CsCheck property of tests/GraphService.Corpus.Tests/ImporterFuzzTests.cs
# with more cases than CI runs (2,000). Usage: .ci/fuzz-corpus.sh [cases] [seed]
#   .ci/fuzz-corpus.sh              100,000 cases
#   .ci/fuzz-corpus.sh 20000        20,000 cases
#   .ci/fuzz-corpus.sh 1 <seed>     replays the case a failure printed (CsCheck prints its seed)
# Prints "fuzz: N cases in S s (C s of CPU); ..." at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_ITERATIONS="${1:-100000}"
if [ -n "${2:-}" ]; then export FUZZ_SEED="$2"; fi
dotnet test tests/GraphService.Corpus.Tests \
  --filter "FullyQualifiedName~GraphService.Corpus.Tests.ImporterFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "fuzz:|iterations|Failed|Passed!|Failed!|seed|Error|Exception|at " || true
exit "${PIPESTATUS[0]}"
