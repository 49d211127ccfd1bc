using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Generator;
using Codegen.Contracts.Evolution;
using Codegen.Contracts.Reading;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Benchmarks.Evolution;

/// <summary>
/// Contract evolution on real history: the OpenAI document of 2026-08-13 against today's (3 MB of YAML each, 288
/// operations; docs/evolution.md). "Compare" is the comparison of the two read contracts, positions included; "Read
/// both and compare" is what <c>codegen diff</c> does after reading the files: both contracts through the parser, then
/// the comparison. The goal in issue 13: under 2 s.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Evolution")]
public class EvolutionBenchmarks
{
    private const string OldPath = "/contracts/history/openapi-2026-08-13-c6d5628.yaml";
    private const string NewPath = "/contracts/openapi.yaml";
    private string _oldText = string.Empty;
    private string _newText = string.Empty;
    private ContractSnapshot _old = null!;
    private ContractSnapshot _new = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oldText = GeneratorHost.SharedContract("openai-openapi/history/openapi-2026-08-13-c6d5628.yaml");
        _newText = GeneratorHost.SharedContract("openai-openapi/openapi.yaml");
        _old = Read(OldPath, _oldText);
        _new = Read(NewPath, _newText);
        var changes = ContractComparer.Compare(_old, _new).Changes.Count;
        if (changes == 0)
        {
            throw new InvalidOperationException("The two OpenAI documents compare equal: the history file is not the one docs/evolution.md describes.");
        }
    }

    /// <summary>The snapshots keep their rules documents once read (about 0.1 s each, paid by the first run only).</summary>
    [Benchmark(Description = "Compare (two read contracts)")]
    public ContractComparison Compare() => ContractComparer.Compare(_old, _new);

    [Benchmark(Description = "Read both and compare (codegen diff)")]
    public ContractComparison ReadAndCompare()
    {
        var oldRead = Task.Run(() => Read(OldPath, _oldText));
        var newContract = Read(NewPath, _newText);
        return ContractComparer.Compare(oldRead.Result, newContract);
    }

    private static ContractSnapshot Read(string path, string text) =>
        ContractSnapshot.Read(new ContractInput(path, text), out var result)
        ?? throw new InvalidOperationException("The OpenAI document did not read: " + string.Join("; ", result.Diagnostics.Take(3)));
}
