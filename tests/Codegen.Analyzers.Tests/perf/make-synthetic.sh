#!/usr/bin/env bash
# Builds a synthetic project with many constrained call sites and reports what the contract
# analyzers cost. Not part of the test suite: run it by hand when the analyzers change.
#
#   tests/Codegen.Analyzers.Tests/perf/make-synthetic.sh [OUT_DIR] [FILES] [SITES_PER_FILE]
#
# Writes OUT_DIR (default: a fresh temp directory) with schema/modelslab-completions.schema.json as a
# contract (the generator, referenced as an analyzer, writes its code during the build) and
# FILES x SITES_PER_FILE constrained call sites (default 40 x 60 = 2,400; SITES_PER_FILE is
# rounded down to a multiple of 12, the size of one block: builder arguments,
# object initializers and `with` expressions, constants in range and non-constants, so the build
# succeeds), references src/Codegen.Analyzers as an analyzer, builds once to warm up, then
# rebuilds with -p:ReportAnalyzer=true and prints the analyzer and compiler times.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="${1:-$(mktemp -d)}"
files="${2:-40}"
sites="${3:-60}"
mkdir -p "$out/src"

# Keep the repository's Directory.*.props out: this project stands alone.
echo '<Project />' > "$out/Directory.Build.props"
echo '<Project />' > "$out/Directory.Packages.props"
cat > "$out/Synthetic.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Codegen.Generator/Codegen.Generator.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/Codegen.Analyzers/Codegen.Analyzers.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="CodegenContract" />
    <AdditionalFiles Include="$repo/schema/modelslab-completions.schema.json" CodegenContract="true" />
  </ItemGroup>
</Project>
XML

for ((f = 0; f < files; f++)); do
  {
    echo "using ModelsLab.Completions;"
    echo "namespace Synthetic;"
    echo "public static class Calls$f"
    echo "{"
    echo "    public static void Run(double t, int n, string model)"
    echo "    {"
    echo "        var builder = CompletionRequest.CreateBuilder(\"prompt $f\");"
    echo "        var request = new CompletionRequest { Prompt = \"x\" };"
    # One block: 12 constrained call sites.
    for ((s = 0; s + 12 <= sites; s += 12)); do
      echo "        builder.WithTemperature(1.$s).WithMaxTokens($((s + 1))).WithTopP(t);"
      echo "        builder.WithModel(\"model_$s\").WithStop(new[] { \"a\", \"b\" }).WithStream(true);"
      echo "        request = request with { PresencePenalty = -1.5, MaxTokens = n, FrequencyPenalty = 0.5 };"
      echo "        request = new CompletionRequest { Prompt = new[] { \"a\", \"b\" }, Temperature = 0.$s, Model = model };"
    done
    echo "        _ = request; _ = builder.Build();"
    echo "    }"
    echo "}"
  } > "$out/src/Calls$f.cs"
done
echo "Wrote $out with $files files x $((sites / 12 * 12)) constrained call sites = $((files * (sites / 12 * 12)))."

cd "$out"
dotnet build -nologo -v:quiet > /dev/null   # restore and warm up
# --no-dependencies: recompile this project only, not the analyzer project it references.
dotnet build -nologo --no-incremental --no-dependencies -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary > build.log
grep -E "Total analyzer execution time|Codegen.Analyzers.ContractConstantAnalyzer|^\s+[0-9]+ ms\s+Csc " build.log || true
awk '/Codegen.Analyzers.ContractConstantAnalyzer/ { ours = $1 }
     /^[[:space:]]+[0-9]+ ms[[:space:]]+Csc / { csc = $1 / 1000 }
     END { if (csc > 0) printf "Contract analyzers: %.3f s of %.3f s in Csc = %.2f %%\n", ours, csc, 100 * ours / csc }' build.log
echo "Full log: $out/build.log"
