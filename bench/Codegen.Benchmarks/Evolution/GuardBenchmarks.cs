using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Generator;
using Codegen.Contracts.Evolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Evolution;

/// <summary>
/// The compile-time guard's cost on the ModelsLab contract: the generator with and without a baseline beside the
/// contract (docs/evolution.md). Cold: a new driver and compilation, the baseline read and compared too. Contract edit:
/// one bound changed (a breaking change the guard reports), the baseline cached. The goal in issue 13: under 5 % more.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Evolution")]
public class GuardBenchmarks
{
    private AdditionalText _text = null!;
    private AdditionalText _editedText = null!;
    private AdditionalText _baseline = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _ranOnce = null!;

    [Params("No baseline", "Baseline")]
    public string Guard { get; set; } = "No baseline";

    [GlobalSetup]
    public void Setup()
    {
        var contract = GeneratorHost.ModelsLabContract();
        _text = GeneratorHost.Text(contract);
        var edited = contract.Replace("\"maximum\": 44000", "\"maximum\": 32000", StringComparison.Ordinal);
        _editedText = GeneratorHost.Text(edited);
        _baseline = GeneratorHost.Text(ContractBaseline.PathFor(GeneratorHost.ContractPath), contract);
        _compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));
        _ranOnce = Driver().RunGenerators(_compilation);
        var edit = _ranOnce.ReplaceAdditionalText(_text, _editedText).RunGenerators(_compilation).GetRunResult();
        var guarded = edit.Diagnostics.Any(d => d.Id == ChangeRules.RangeNarrowed.Id);
        if (guarded != (Guard == "Baseline"))
        {
            throw new InvalidOperationException($"{Guard}: the guard {(guarded ? "reported" : "did not report")} the narrowed maximum.");
        }
    }

    [Benchmark(Description = "Cold (new driver, new compilation)")]
    public GeneratorDriver Cold() => Driver().RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));

    [Benchmark(Description = "Contract edit (one bound narrowed)")]
    public GeneratorDriver ContractEdit() => _ranOnce.ReplaceAdditionalText(_text, _editedText).RunGenerators(_compilation);

    private GeneratorDriver Driver()
    {
        var files = new List<(AdditionalText, IReadOnlyDictionary<string, string>)> { (_text, GeneratorHarness.ContractMetadata()) };
        if (Guard == "Baseline")
        {
            files.Add((_baseline, new Dictionary<string, string> { ["CodegenBaseline"] = "true" }));
        }

        return GeneratorHarness.CreateDriver(files, trackSteps: false);
    }
}
