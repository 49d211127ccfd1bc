using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Suite 4, OpenAPI: the whole OpenAI document (288 operations, 1,422 schemas, 3.4 MB of YAML) through the
/// generator. Cold: a new driver on a new compilation, as a first build or the IDE opening the project.
/// Warm: an edit to an unrelated C# file, everything cached. "Chat completions only" selects one operation
/// (<c>Operations="createChatCompletion"</c>) and what it reaches. Kiota 1.38 takes 9.6 s and 212 MB for the
/// same document from its command line (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class OpenApiGeneratorBenchmarks
{
    private AdditionalText _text = null!;
    private Dictionary<string, string> _metadata = [];
    private GeneratorDriver _ranOnce = null!;
    private CSharpCompilation[] _edits = [];
    private int _edit;

    [Params("Whole document", "Chat completions only")]
    public string Selection { get; set; } = "Whole document";

    [GlobalSetup]
    public void Setup()
    {
        _text = GeneratorHost.Text("/contracts/openapi.yaml", GeneratorHost.SharedContract("openai-openapi/openapi.yaml"));
        _metadata = Selection == "Whole document" ? [] : new() { ["CodegenOperations"] = "createChatCompletion" };
        var compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));
        _ranOnce = GeneratorHost.Driver(_text, _metadata).RunGenerators(compilation);
        var result = _ranOnce.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator failed on the OpenAI document: {result.Exception} {string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))}");
        }

        _edits = [.. Enumerable.Range(1, 16).Select(i => compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), GeneratorHost.UserFile(i)))];
    }

    [Benchmark(Description = "Cold (new driver, new compilation)")]
    public GeneratorDriver Cold() => GeneratorHost.Driver(_text, _metadata).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));

    [Benchmark(Description = "Warm (unrelated C# edit, all cached)")]
    public GeneratorDriver Warm() => _ranOnce.RunGenerators(_edits[_edit++ & 15]);
}
