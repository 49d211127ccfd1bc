#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: every BenchmarkDotNet suite with a short job, then the
# end-to-end load test (requests/s, p50/p99). About 15 minutes on 2 cores. Run it on a quiet machine: it
# waits (up to 10 minutes) for the 1-minute load average to drop under 0.7, then warns and goes on.
#
#   bash bench/run.sh                 # everything
#   bash bench/run.sh '*Json*'        # one suite (a BenchmarkDotNet --filter); skips the load test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/Codegen.Benchmarks"
filter="${1:-*}"
dotnet build -c Release -nologo -v:quiet
for _ in $(seq 60); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$load" 'BEGIN { exit !(l < 0.7) }' && break
  echo "load average $load: waiting for a quiet machine..."; sleep 10
done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bin/Release/net10.0/Codegen.Benchmarks.dll --filter "$filter" --job short --iterationCount 10 --join \
  --artifacts BenchmarkDotNet.Artifacts/short
if [ "$filter" = "*" ]; then
  dotnet bin/Release/net10.0/Codegen.Benchmarks.dll e2e 5 3
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
