using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Suite 4: the generator's own time. Cold: a new driver on a new compilation (first build, or the IDE
/// opening the project). Warm: the driver that already ran, rerun after an edit to an unrelated C# file,
/// as the IDE does on every keystroke (everything cached). Contract edit: one number in the schema changed.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private string _contract = string.Empty;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _ranOnce = null!;
    private AdditionalText _text = null!;
    private AdditionalText _editedText = null!;
    private CSharpCompilation[] _edits = [];
    private int _edit;

    [Params("ModelsLab", "Synthetic 10", "Synthetic 100", "Synthetic 1000")]
    public string Contract { get; set; } = "ModelsLab";

    [GlobalSetup]
    public void Setup()
    {
        _contract = Contract == "ModelsLab" ? GeneratorHost.ModelsLabContract() : GeneratorHost.SyntheticContract(int.Parse(Contract["Synthetic ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        _compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));
        _text = GeneratorHost.Text(_contract);
        var edited = Contract == "ModelsLab" ? _contract.Replace("\"maximum\": 44000", "\"maximum\": 32000", StringComparison.Ordinal) : _contract.Replace("\"maximum\": 1000", "\"maximum\": 999", StringComparison.Ordinal);
        _editedText = GeneratorHost.Text(edited);
        _ranOnce = GeneratorHost.Driver(_text).RunGenerators(_compilation);
        var sources = _ranOnce.GetRunResult().Results.Single();
        if (sources.Exception is not null || sources.GeneratedSources.Length == 0 || sources.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator failed on {Contract}: {sources.Exception} {string.Join("; ", sources.Diagnostics)}");
        }

        _edits = [.. Enumerable.Range(1, 16).Select(i => _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(), GeneratorHost.UserFile(i)))];
    }

    [Benchmark(Description = "Cold (new driver, new compilation)")]
    public GeneratorDriver Cold() => GeneratorHost.Driver(GeneratorHost.Text(_contract)).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));

    [Benchmark(Description = "Warm (unrelated C# edit, all cached)")]
    public GeneratorDriver Warm() => _ranOnce.RunGenerators(_edits[_edit++ & 15]);

    /// <summary>
    /// Warm, plus the output compilation the compiler gets. The driver hands back new syntax tree objects for the
    /// cached sources on every run (parsed lazily, so the parse is paid by the compile that follows: see
    /// <see cref="CompileAfterEditBenchmarks"/>).
    /// </summary>
    [Benchmark(Description = "Warm + updated compilation (new trees)")]
    public Compilation WarmUpdate()
    {
        _ranOnce.RunGeneratorsAndUpdateCompilation(_edits[_edit++ & 15], out var output, out _);
        return output;
    }

    [Benchmark(Description = "Contract edit (one bound changed)")]
    public GeneratorDriver ContractEdit() => _ranOnce.ReplaceAdditionalText(_text, _editedText).RunGenerators(_compilation);
}

/// <summary>
/// Suite 4, the compile: an unrelated edit, then the whole compilation of the user's code and the generated
/// code to IL. With the generator: the driver that already ran reruns (everything cached) and adds its files.
/// Baseline: the same files added as plain source, no driver. The difference is what the generator adds to a
/// rebuild after an unrelated edit.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class CompileAfterEditBenchmarks
{
    private GeneratorDriver _ranOnce = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree[] _generated = [];
    private int _revision;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));
        _ranOnce = GeneratorHost.Driver(GeneratorHost.Text(GeneratorHost.ModelsLabContract())).RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        _generated = [.. _ranOnce.GetRunResult().GeneratedTrees];
        if (_generated.Length < 10)
        {
            throw new InvalidOperationException("The generator emitted nothing for the ModelsLab contract.");
        }

        using var check = new MemoryStream();
        var result = output.Emit(check);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
    }

    [Benchmark(Description = "Edit, generator (cached), compile")]
    public bool WithGenerator()
    {
        var edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(), GeneratorHost.UserFile(++_revision));
        _ranOnce.RunGeneratorsAndUpdateCompilation(edited, out var output, out _);
        using var pe = new MemoryStream();
        return output.Emit(pe).Success;
    }

    [Benchmark(Baseline = true, Description = "Edit, compile (same files as plain source)")]
    public bool WithoutGenerator()
    {
        var edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(), GeneratorHost.UserFile(++_revision)).AddSyntaxTrees(_generated);
        using var pe = new MemoryStream();
        return edited.Emit(pe).Success;
    }
}
