using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Testing;

/// <summary>A contract file as the generator sees it: a path and its text.</summary>
public sealed record ContractInput(string Path, string Text);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    /// <summary>Diagnostics of compiling the user's code with the generated code, warnings included.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>
/// Runs <see cref="ContractGenerator"/> in memory over .NET 10 reference assemblies, the way the
/// compiler does: contracts are AdditionalFiles carrying <c>CodegenContract=true</c>.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The repository's root (<see cref="RepoPaths.Root"/>).</summary>
    public static string RepoRoot => RepoPaths.Root;

    public static string ModelsLabContractPath => RepoPaths.ModelsLabContract;

    /// <summary>The shared real-world contracts beside the repository, when present (<see cref="RepoPaths.SharedContracts"/>).</summary>
    public static string SharedContractsDirectory => RepoPaths.SharedContracts;

    public static ContractInput ModelsLab() => new(ModelsLabContractPath, File.ReadAllText(ModelsLabContractPath));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
        Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static AdditionalText ToAdditionalText(this ContractInput contract) => new InMemoryAdditionalText(contract.Path, contract.Text);

    public static GeneratorDriver CreateDriver(IEnumerable<ContractInput> contracts, bool trackSteps = true) =>
        CreateDriver(contracts.Select(c => c.ToAdditionalText()), trackSteps);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts, bool trackSteps = true) =>
        CreateDriver(additionalTexts, [], trackSteps);

    /// <summary>A driver over contracts and other additional files (not marked as contracts), in a project at <paramref name="projectDirectory"/>.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> contracts, IEnumerable<AdditionalText> otherFiles, bool trackSteps = true, string? projectDirectory = null)
    {
        var marked = contracts.Select(c => (c, Contract: (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["CodegenContract"] = "true" }));
        return CreateDriver(marked.Concat(otherFiles.Select(o => (o, (IReadOnlyDictionary<string, string>)new Dictionary<string, string>()))), trackSteps, projectDirectory);
    }

    /// <summary>
    /// A driver over additional files with the item metadata MSBuild would give each (names as in the
    /// project after the package's targets: <c>CodegenContract</c>, <c>CodegenNamespace</c>, <c>CodegenOverlay</c>, ...).
    /// </summary>
    public static GeneratorDriver CreateDriver(IEnumerable<(AdditionalText Text, IReadOnlyDictionary<string, string> Metadata)> files, bool trackSteps = true, string? projectDirectory = null)
    {
        var all = files.ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { new ContractGenerator().AsSourceGenerator() },
            all.Select(f => f.Text),
            ParseOptions,
            // Options are per path, as in an .editorconfig: a file listed twice gets the richer item's metadata.
            new ItemOptionsProvider(all.GroupBy(f => f.Text.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Metadata.Count).Metadata, StringComparer.Ordinal), projectDirectory),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorRun Run(IEnumerable<ContractInput> contracts, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(contracts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    public static GeneratorRun Run(ContractInput contract, params string[] sources) => Run(new[] { contract }, sources);

    /// <summary>Item metadata that marks an additional file as a contract's baseline, as the package's targets mark it.</summary>
    public static readonly IReadOnlyDictionary<string, string> BaselineMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["CodegenBaseline"] = "true" };

    /// <summary>Item metadata that marks an additional file as a contract, with more metadata (<c>CodegenNamespace</c>, <c>CodegenOperations</c>, ...).</summary>
    public static IReadOnlyDictionary<string, string> ContractMetadata(IReadOnlyDictionary<string, string>? more = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["CodegenContract"] = "true" };
        foreach (var item in more ?? new Dictionary<string, string>())
        {
            metadata[item.Key] = item.Value;
        }

        return metadata;
    }

    public static GeneratorRun Run(string contractText, string path = "/contracts/test.schema.json") => Run(new ContractInput(path, contractText));

    /// <summary>An additional file held in memory.</summary>
    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Item metadata per additional file, as the package's build targets write it; the project folder is a global option, as MSBuild passes it.</summary>
    private sealed class ItemOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> metadata, string? projectDirectory) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(
            projectDirectory is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["build_property.projectdir"] = projectDirectory });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            metadata.TryGetValue(textFile.Path, out var items) ? new Options(items.ToDictionary(i => "build_metadata.AdditionalFiles." + i.Key, i => i.Value)) : Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
