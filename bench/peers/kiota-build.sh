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
# Not part of CI (minutes on 2 cores). Rerun it on a quiet machine:
#
#   bash bench/peers/kiota-build.sh [RUNS=5] [WORKDIR=/tmp/codegen-kiota-build]
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
dotnet build "$repo/src/Codegen.Generator" -c Release -nologo -v:quiet >/dev/null
generator="$work/generator"
rm -rf "$generator" && mkdir -p "$generator"
for dll in Codegen.Generator Codegen.Contracts Codegen.Emitters Codegen.Rules SharpYaml; do
  cp "$repo/src/Codegen.Generator/bin/Release/netstandard2.0/$dll.dll" "$generator/"
done
echo "generator: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src || echo ' with uncommitted changes')"

rm -rf "$work/kiota" "$work/codegen"
mkdir -p "$work/kiota" "$work/codegen"
"$kiota" generate -l CSharp -d "$contract" -o "$work/kiota/Generated" -c OpenAIClient -n OpenAIKiota --co \
  --ll Error >/dev/null

common='<TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
    <!-- Kiota writes a few hundred CS8618/CS0108 warnings: counted, not failed on. -->
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

cat > "$work/codegen/CodegenConsumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    $common
  </PropertyGroup>
  <Import Project="$repo/src/Codegen.Package/build/ContractFirst.Codegen.props" />
  <ItemGroup>
    <Analyzer Include="$generator/Codegen.Generator.dll;$generator/Codegen.Contracts.dll;$generator/Codegen.Emitters.dll;$generator/Codegen.Rules.dll;$generator/SharpYaml.dll" />
    <CodegenContract Include="$contract" />
  </ItemGroup>
  <Import Project="$repo/src/Codegen.Package/build/ContractFirst.Codegen.targets" />
</Project>
XML

count() { find "$1" -name '*.cs' -print0 | xargs -0 cat | wc -lc | awk '{ printf "%d lines, %d bytes", $1, $2 }'; }
echo "Kiota's output: $(find "$work/kiota/Generated" -name '*.cs' | wc -l) files, $(count "$work/kiota/Generated")"

# Warm-up: restore, first compile, compiler server started.
for p in kiota codegen; do
  dotnet build "$work/$p" -nologo -v:quiet -p:EmitCompilerGeneratedFiles=true >"$work/$p.warmup.log" 2>&1 \
    || { tail -30 "$work/$p.warmup.log"; exit 1; }
done
echo "Our generated output: $(find "$work/codegen/obj/Debug/net10.0/generated/Codegen.Generator" -name '*.cs' | wc -l) files, $(count "$work/codegen/obj/Debug/net10.0/generated/Codegen.Generator")"

results="$work/results.tsv"
printf 'project\trun\twall_s\tcsc_s\twarnings\tload1\n' >"$results"
for i in $(seq "$runs"); do
  for p in codegen kiota; do
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
for p in codegen kiota; do
  wall=$(awk -v p="$p" '$1 == p { print $3 }' "$results" | median)
  csc=$(awk -v p="$p" '$1 == p { print $4 }' "$results" | median)
  echo "$p: median of $runs clean builds: ${wall} s wall clock, ${csc} s in Csc"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
