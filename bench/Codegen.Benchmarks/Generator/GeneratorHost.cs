using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Runs <see cref="ContractGenerator"/> in memory the way the compiler does (step tracking off), over .NET 10
/// reference assemblies; the same set-up as tests/Codegen.Generator.Tests' harness.
/// </summary>
public static class GeneratorHost
{
    /// <summary>
    /// BenchmarkDotNet's child project lists this project's references in its deps.json but not the ones the
    /// generator keeps private (Codegen.Contracts, Codegen.Emitters); the files are copied beside it, so load them from there.
    /// </summary>
    static GeneratorHost() => System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    };

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public const string ContractPath = "/contracts/bench.schema.json";

    public static string ModelsLabContract() => File.ReadAllText(Path.Combine(RepoRoot(), "schema", "modelslab-completions.schema.json"));

    /// <summary>The user's code: one file that uses nothing generated, so that an edit to it is unrelated.</summary>
    public static SyntaxTree UserFile(int revision) =>
        CSharpSyntaxTree.ParseText($"namespace User; public static class Unrelated {{ public static int Revision => {revision}; }}", ParseOptions, path: "Unrelated.cs");

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) => CSharpCompilation.Create(
        "Consumer",
        trees,
        Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorDriver Driver(AdditionalText contract) => Driver(contract, new Dictionary<string, string>());

    /// <summary>A driver over one contract with item metadata (as the package's targets write it: <c>CodegenOperations</c>, ...).</summary>
    public static GeneratorDriver Driver(AdditionalText contract, IReadOnlyDictionary<string, string> metadata) => CSharpGeneratorDriver.Create(
        [new ContractGenerator().AsSourceGenerator()],
        [contract],
        ParseOptions,
        new ContractOptions(metadata),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>A file of the shared real-world contracts beside the repository (../shared/contracts).</summary>
    public static string SharedContract(string relativePath) =>
        File.ReadAllText(Path.Combine(RepoRoot(), "..", "shared", "contracts", relativePath));

    public static AdditionalText Text(string contractText) => new InMemoryText(ContractPath, contractText);

    public static AdditionalText Text(string path, string contractText) => new InMemoryText(path, contractText);

    /// <summary>
    /// A contract of <paramref name="definitions"/> object definitions of eight properties each: strings, bounded
    /// numbers, an enum, a nullable, an array with a bound and a <c>$ref</c> to the next definition.
    /// </summary>
    public static string SyntheticContract(int definitions)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Synthetic {{definitions}}",
              "x-codegen": { "namespace": "Synthetic.N{{definitions}}", "prefix": "Synth" },
              "definitions": {
            """);
        for (var i = 0; i < definitions; i++)
        {
            var next = (i + 1) % definitions;
            json.Append(CultureInfo.InvariantCulture, $$"""
                    "Item{{i}}": {
                      "type": "object",
                      "description": "Definition {{i}}.",
                      "required": ["id", "count"],
                      "properties": {
                        "id": { "type": "string", "minLength": 1, "maxLength": 64, "description": "Identifier." },
                        "count": { "type": "integer", "minimum": 0, "maximum": 1000, "default": 1 },
                        "ratio": { "type": "number", "minimum": 0, "maximum": 1 },
                        "kind": { "type": "string", "enum": ["alpha", "beta", "gamma"] },
                        "note": { "type": ["string", "null"] },
                        "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 10 },
                        "created": { "type": "integer", "format": "int64" },
                        "next": { "$ref": "#/definitions/Item{{next}}" }
                      }
                    }{{(i + 1 < definitions ? "," : "")}}

                """);
        }

        json.Append("  }\n}\n");
        return json.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        // BenchmarkDotNet runs a copy of this assembly from its own folder under the project directory.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks every additional file as a contract with the given metadata, as the package's build targets do.</summary>
    private sealed class ContractOptions(IReadOnlyDictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _contract = new(metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value)
            .Append(KeyValuePair.Create(ContractGenerator.ContractMetadata, "true")).ToDictionary());

        public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _contract;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new([]);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
