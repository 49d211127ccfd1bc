using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests;

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
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModelsLabContractPath => Path.Combine(RepoRoot, "schema", "modelslab-completions.schema.json");

    /// <summary>The shared real-world contracts beside the repository, when present.</summary>
    public static string SharedContractsDirectory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "contracts"));

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
        var marked = contracts.ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { new ContractGenerator().AsSourceGenerator() },
            marked.AddRange(otherFiles),
            ParseOptions,
            new ContractOptionsProvider(marked.Select(t => t.Path), projectDirectory),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorRun Run(IEnumerable<ContractInput> contracts, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(contracts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    public static GeneratorRun Run(ContractInput contract, params string[] sources) => Run(new[] { contract }, sources);

    public static GeneratorRun Run(string contractText, string path = "/contracts/test.schema.json") => Run(new ContractInput(path, contractText));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks the given files as contracts, as the package's build targets do; the project folder is a global option, as MSBuild passes it.</summary>
    private sealed class ContractOptionsProvider(IEnumerable<string> contractPaths, string? projectDirectory = null) : AnalyzerConfigOptionsProvider
    {
        private readonly HashSet<string> _paths = new(contractPaths, StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new GlobalConfig(projectDirectory);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _paths.Contains(textFile.Path) ? Options.Contract : Options.Empty;

        private sealed class Options(bool isContract) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(false);
            public static readonly Options Contract = new(true);

            public override bool TryGetValue(string key, out string value)
            {
                if (isContract && key == ContractGenerator.ContractMetadata)
                {
                    value = "true";
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }

        private sealed class GlobalConfig(string? projectDirectory) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = projectDirectory ?? string.Empty;
                return projectDirectory is not null && key == "build_property.projectdir";
            }
        }
    }
}
