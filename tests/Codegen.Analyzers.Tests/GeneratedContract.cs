using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>
/// What the source generator writes for a contract, generated once per test run: the sources (to compile beside
/// user code, as the compiler does) and the same sources compiled into an assembly (to reference, as a consumer of
/// a contracts library does).
/// </summary>
public sealed class GeneratedContract
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<GeneratedContract> s_modelsLab = new(() =>
    {
        var path = Path.Combine(RepoRoot, "schema", "modelslab-completions.schema.json");
        return Generate(path, File.ReadAllText(path), new Dictionary<string, string>());
    });

    private static readonly Lazy<GeneratedContract> s_orders = new(() => Generate(
        "/contracts/orders.schema.json",
        OrdersContract,
        new Dictionary<string, string> { ["CodegenNamespace"] = "Shop", ["CodegenPrefix"] = "Shop" }));

    private static readonly Lazy<GeneratedContract> s_openApi30 = new(() => Generate(
        "/contracts/knobs.openapi.json",
        OpenApi30Contract,
        new Dictionary<string, string> { ["CodegenNamespace"] = "Knobs", ["CodegenPrefix"] = "Knobs" }));

    private static readonly Lazy<GeneratedContract> s_widget = new(() => Generate(
        "/contracts/widget.schema.json",
        WidgetContract,
        new Dictionary<string, string> { ["CodegenNamespace"] = "Widgets", ["CodegenPrefix"] = "Widgets" }));

    private readonly Lazy<MetadataReference> _image;

    private GeneratedContract(ImmutableArray<(string Path, string Text)> sources)
    {
        Sources = sources;
        _image = new Lazy<MetadataReference>(Compile);
    }

    /// <summary>schema/modelslab-completions.schema.json (draft-07; namespace ModelsLab.Completions, prefix ModelsLab).</summary>
    public static GeneratedContract ModelsLab => s_modelsLab.Value;

    /// <summary>A small contract with every kind of rule the analyzer reports (namespace and prefix Shop).</summary>
    public static GeneratedContract Orders => s_orders.Value;

    /// <summary>An OpenAPI 3.0 document: its keywords mean what 3.0 says (a boolean <c>exclusiveMinimum</c>, <c>nullable</c>).</summary>
    public static GeneratedContract OpenApi30 => s_openApi30.Value;

    /// <summary>A schema file whose root is its type (<c>Widget</c>, by its title), as most JSON Schema files are written.</summary>
    public static GeneratedContract Widget => s_widget.Value;

    /// <summary>The generated files, with paths under /0/Generated/ (the test project's folder).</summary>
    public ImmutableArray<(string Path, string Text)> Sources { get; }

    /// <summary>The generated code compiled into an assembly "Contracts", referenced by metadata.</summary>
    public MetadataReference Image => _image.Value;

    /// <summary>Rules the ModelsLab contract lacks: patterns, lengths, steps, enums of numbers, consts, exclusive bounds, item counts, defaults.</summary>
    public const string OrdersContract = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "Order": {
              "type": "object",
              "required": ["sku"],
              "properties": {
                "sku": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]+$" },
                "code": { "type": "string", "pattern": "[0-9]" },
                "note": { "type": "string", "minLength": 2, "maxLength": 5 },
                "step": { "type": "number", "minimum": 0, "maximum": 10, "multipleOf": 0.25 },
                "batch": { "type": "integer", "multipleOf": 12 },
                "ratio": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 },
                "weight": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 },
                "color": { "type": "string", "enum": ["red", "green", "blue"] },
                "size": { "type": "integer", "enum": [1, 2, 4, 8] },
                "version": { "type": "integer", "const": 2 },
                "tags": { "type": "array", "items": { "type": "string", "maxLength": 4 }, "maxItems": 3 }
              }
            }
          }
        }
        """;

    public const string WidgetContract = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Widget",
          "type": "object",
          "properties": {
            "size": { "type": "integer", "minimum": 0, "maximum": 10 },
            "label": { "type": "string", "maxLength": 3 }
          }
        }
        """;

    public const string OpenApi30Contract = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Knobs", "version": "1" },
          "paths": {
            "/knobs": {
              "post": {
                "operationId": "setKnob",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Knob" } } } },
                "responses": { "204": { "description": "Set." } }
              }
            }
          },
          "components": {
            "schemas": {
              "Knob": {
                "type": "object",
                "properties": {
                  "level": { "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 1 },
                  "label": { "type": "string", "nullable": true, "maxLength": 3 }
                }
              }
            }
          }
        }
        """;

    /// <summary>A compilation of <paramref name="userCode"/> with the generated code as source, or referenced.</summary>
    public CSharpCompilation Compile(string userCode, bool referenced)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "/0/Test0.cs") };
        if (!referenced)
        {
            trees.AddRange(Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)));
        }

        var references = referenced ? Net100.References.All.Append(Image) : Net100.References.All;
        return CSharpCompilation.Create("Consumer", trees, references, CompilationOptions);
    }

    internal static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    private static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static GeneratedContract Generate(string path, string text, Dictionary<string, string> metadata)
    {
        metadata["CodegenContract"] = "true";
        var contract = new InMemoryText(path, text);
        var driver = CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            [contract],
            ParseOptions,
            new MetadataOptions(metadata.ToDictionary(pair => "build_metadata.AdditionalFiles." + pair.Key, pair => pair.Value)));
        var empty = CSharpCompilation.Create("Contracts", [], Net100.References.All, CompilationOptions);
        var result = driver.RunGenerators(empty).GetRunResult().Results.Single();
        Assert.True(result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.GeneratedSources);
        return new GeneratedContract(result.GeneratedSources.Select(s => ("/0/Generated/" + s.HintName, s.SourceText.ToString())).ToImmutableArray());
    }

    private MetadataReference Compile()
    {
        var compilation = CSharpCompilation.Create(
            "Contracts",
            Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)),
            Net100.References.All,
            CompilationOptions);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The contract's item metadata, as the package's build targets pass it to the generator.</summary>
    private sealed class MetadataOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(values);

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
