#!/usr/bin/env bash
# CI dry run of the benchmarks: builds bench/Codegen.Benchmarks in Release, checks that every peer does the same
# work (verify), then runs every benchmark once with BenchmarkDotNet's Dry job (one launch, one iteration, no
# warm-up) so that the suites keep working. It gives no figures; docs/performance.md says how to get them.
#
#   bash bench/run-dry.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/Codegen.Benchmarks"
start=$(date +%s)
dotnet build -c Release -nologo -v:quiet
dotnet bin/Release/net10.0/Codegen.Benchmarks.dll verify
# --join: one summary; --keepFiles false: BenchmarkDotNet cleans its generated projects; artifacts land in
# bench/Codegen.Benchmarks/BenchmarkDotNet.Artifacts (ignored by git).
dotnet bin/Release/net10.0/Codegen.Benchmarks.dll --filter '*' --job Dry --join --memory \
  --artifacts BenchmarkDotNet.Artifacts/dry --stopOnFirstError
echo "bench/run-dry.sh: every suite ran once in $(( $(date +%s) - start )) s."
