#!/usr/bin/env bash
# A consumer's clean build of OpenAI's whole OpenAPI document, ours beside Kiota's (docs/performance.md, section 4b).
# Two fresh net10.0 class libraries outside the repository, built with the same settings (nullable on, no analyzers
# of ours, no documentation file):
#   codegen/  the document as <CodegenContract>, our generator (built here in Release) as an analyzer: the build
#             runs the generator and compiles what it adds;
#   kiota/    the C# Kiota 1.38 generated from the same document ('kiota generate' beforehand, not timed) and
#             Kiota's packages (2.1.6: abstractions, HttpClient, JSON, text, form and multipart serialization).
# Each is built once to warm NuGet and the compiler server, then 'dotnet build --no-incremental --no-restore' runs
# RUNS times each, alternately; the script prints every run's wall clock and Csc task time (from
# -clp:PerformanceSummary), the load average at each, the medians, and lines/bytes of both generated outputs.
# With BASELINE=<commit>, a third project builds the same document with the generator of that commit (checked out
# into WORKDIR with 'git worktree'), to compare our output before and after a change.
# Not part of CI (minutes on 2 cores). Rerun it on a quiet machine:
#
#   bash bench/peers/kiota-build.sh [RUNS=5] [WORKDIR=/tmp/codegen-kiota-build]
#   BASELINE=40768eb bash bench/peers/kiota-build.sh 3
#
# Needs kiota 1.38.0 on PATH or in $KIOTA (installed into WORKDIR/tool from NuGet when absent).
set -euo pipefail
runs="${1:-5}"
work="${2:-/tmp/codegen-kiota-build}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
contract="$(cd "$repo/../shared/contracts/openai-openapi" && pwd)/openapi.yaml"
kiota_packages="2.1.6"
mkdir -p "$work"

kiota="${KIOTA:-$(command -v kiota || true)}"
if [ -z "$kiota" ]; then
  [ -x "$work/tool/kiota" ] || dotnet tool install --tool-path "$work/tool" Microsoft.OpenApi.Kiota --version 1.38.0 >/dev/null
  kiota="$work/tool/kiota"
fi
echo "kiota $("$kiota" --version)"

# Our generator and the libraries it loads in the compiler, built once (not timed) and copied, so that a rebuild in
# the repository during the runs does not change what is measured.
copy_generator() { # <repository> <destination>
  dotnet build "$1/src/Codegen.Generator" -c Release -nologo -v:quiet >/dev/null
  rm -rf "$2" && mkdir -p "$2"
  for dll in Codegen.Generator Codegen.Contracts Codegen.Emitters Codegen.Rules SharpYaml; do
    cp "$1/src/Codegen.Generator/bin/Release/netstandard2.0/$dll.dll" "$2/"
  done
}
copy_generator "$repo" "$work/generator"
echo "generator: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src || echo ' with uncommitted changes')"
projects="codegen kiota"
if [ -n "${BASELINE:-}" ]; then
  git -C "$repo" worktree remove --force "$work/baseline-src" 2>/dev/null || rm -rf "$work/baseline-src"
  git -C "$repo" worktree add --detach "$work/baseline-src" "$BASELINE" >/dev/null 2>&1
  copy_generator "$work/baseline-src" "$work/baseline-generator"
  git -C "$repo" worktree remove --force "$work/baseline-src"
  echo "baseline generator: $(git -C "$repo" rev-parse --short "$BASELINE")"
  projects="codegen baseline kiota"
fi

rm -rf "$work/kiota" "$work/codegen" "$work/baseline"
mkdir -p "$work/kiota" "$work/codegen" "$work/baseline"
# Kiota 1.38 now and then fails on this document ("the current dom node already contains a child with name
# BetaIncludeEnum"), a race in its parallel code model: it is run again, up to three times.
for attempt in 1 2 3; do
  "$kiota" generate -l CSharp -d "$contract" -o "$work/kiota/Generated" -c OpenAIClient -n OpenAIKiota --co \
    --ll Error >"$work/kiota-generate.log" 2>&1 && break
  echo "kiota generate failed (attempt $attempt): $(grep -m1 'error generating' "$work/kiota-generate.log" || tail -1 "$work/kiota-generate.log")"
  [ "$attempt" -lt 3 ] || exit 1
done

common='<TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
    <!-- Warnings are counted, not failed on (ours: five CG0009 warnings on the document, which an overlay removes). -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>'

cat > "$work/kiota/KiotaConsumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    $common
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="$kiota_packages" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="$kiota_packages" />
  </ItemGroup>
</Project>
XML

codegen_project() { # <generator folder>
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    $common
  </PropertyGroup>
  <Import Project="$repo/src/Codegen.Package/build/ContractFirst.Codegen.props" />
  <ItemGroup>
    <Analyzer Include="$1/Codegen.Generator.dll;$1/Codegen.Contracts.dll;$1/Codegen.Emitters.dll;$1/Codegen.Rules.dll;$1/SharpYaml.dll" />
    <CodegenContract Include="$contract" />
  </ItemGroup>
  <Import Project="$repo/src/Codegen.Package/build/ContractFirst.Codegen.targets" />
</Project>
XML
}
codegen_project "$work/generator" >"$work/codegen/CodegenConsumer.csproj"
[ -z "${BASELINE:-}" ] || codegen_project "$work/baseline-generator" >"$work/baseline/CodegenConsumer.csproj"

count() { find "$1" -name '*.cs' -print0 | xargs -0 cat | wc -lc | awk '{ printf "%d lines, %d bytes", $1, $2 }'; }
echo "Kiota's output: $(find "$work/kiota/Generated" -name '*.cs' | wc -l) files, $(count "$work/kiota/Generated")"

# Warm-up: restore, first compile, compiler server started.
for p in $projects; do
  dotnet build "$work/$p" -nologo -v:quiet -p:EmitCompilerGeneratedFiles=true >"$work/$p.warmup.log" 2>&1 \
    || { tail -30 "$work/$p.warmup.log"; exit 1; }
  if [ "$p" != kiota ]; then
    out="$work/$p/obj/Debug/net10.0/generated/Codegen.Generator"
    echo "$p: generated output $(find "$out" -name '*.cs' | wc -l) files, $(count "$out")"
  fi
done

results="$work/results.tsv"
printf 'project\trun\twall_s\tcsc_s\twarnings\tload1\n' >"$results"
for i in $(seq "$runs"); do
  for p in $projects; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    dotnet build "$work/$p" --no-incremental --no-restore -nologo -clp:PerformanceSummary >"$work/$p.$i.log" 2>&1
    end=$(date +%s.%N)
    csc=$(awk '$2 == "ms" && $3 == "Csc" { print $1 / 1000 }' "$work/$p.$i.log" | tail -1)
    warnings=$(grep -Eo '[0-9]+ Warning\(s\)' "$work/$p.$i.log" | tail -1 | cut -d' ' -f1)
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
    printf '%s\t%d\t%s\t%s\t%s\t%s\n' "$p" "$i" "$wall" "$csc" "$warnings" "$load" | tee -a "$results"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for p in $projects; do
  wall=$(awk -v p="$p" '$1 == p { print $3 }' "$results" | median)
  csc=$(awk -v p="$p" '$1 == p { print $4 }' "$results" | median)
  echo "$p: median of $runs clean builds: ${wall} s wall clock, ${csc} s in Csc"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; UseSharedCompilation=${UseSharedCompilation:-unset}"
