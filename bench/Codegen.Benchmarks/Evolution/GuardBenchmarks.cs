using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Generator;
using Codegen.Contracts.Evolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Evolution;

/// <summary>
/// The compile-time guard's cost on the ModelsLab contract: the generator with and without a baseline beside the
/// contract (docs/evolution.md), the contract differing from its baseline by one narrowed bound (a breaking change the
/// guard reports), and equal to it (the case between a release and the next edit: one comparison of texts). Cold: a new driver and compilation, the
/// baseline read and compared. First edit: the contract was its baseline, whose reading it then was, so the edit reads no
/// baseline. Next edit: the baseline's side kept with the cached step. The goal in issue 13: under 5 % more. On a loaded machine the
/// wall clock is noisy: <c>Codegen.Benchmarks guard</c> (Profiling/GuardProfile.cs) gives thread CPU time and allocations.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Evolution")]
public class GuardBenchmarks
{
    private AdditionalText _text = null!;
    private AdditionalText _editedText = null!;
    private AdditionalText _editedAgainText = null!;
    private AdditionalText _baseline = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _ranOnce = null!;
    private GeneratorDriver _ranEdited = null!;

    [Params("No baseline", "Baseline")]
    public string Guard { get; set; } = "No baseline";

    [GlobalSetup]
    public void Setup()
    {
        var contract = GeneratorHost.ModelsLabContract();
        _text = GeneratorHost.Text(contract);
        _editedText = GeneratorHost.Text(GeneratorHost.WithMaxTokensMaximum(contract, 32000));
        _editedAgainText = GeneratorHost.Text(GeneratorHost.WithMaxTokensMaximum(contract, 16000));
        _baseline = GeneratorHost.Baseline(contract);
        _compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));
        _ranOnce = Driver().RunGenerators(_compilation);
        _ranEdited = _ranOnce.ReplaceAdditionalText(_text, _editedText).RunGenerators(_compilation);
        var edit = _ranEdited.GetRunResult();
        var guarded = edit.Diagnostics.Any(d => d.Id == ChangeRules.RangeNarrowed.Id);
        if (guarded != (Guard == "Baseline"))
        {
            throw new InvalidOperationException($"{Guard}: the guard {(guarded ? "reported" : "did not report")} the narrowed maximum.");
        }
    }

    [Benchmark(Description = "Cold, contract equal to its baseline (every build from 'codegen baseline' to the next edit)")]
    public GeneratorDriver ColdEqual() => Driver(_text).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));

    [Benchmark(Description = "Cold, contract differs from its baseline (new driver, new compilation)")]
    public GeneratorDriver Cold() => Driver(_editedText).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));

    [Benchmark(Description = "First edit (one bound narrowed; the baseline as the contract was read)")]
    public GeneratorDriver ContractEdit() => _ranOnce.ReplaceAdditionalText(_text, _editedText).RunGenerators(_compilation);

    [Benchmark(Description = "Next edit (the bound narrowed again; the baseline kept)")]
    public GeneratorDriver NextEdit() => _ranEdited.ReplaceAdditionalText(_editedText, _editedAgainText).RunGenerators(_compilation);

    private GeneratorDriver Driver(AdditionalText? contract = null) => GeneratorHost.GuardedDriver(contract ?? _text, Guard == "Baseline" ? _baseline : null);
}
