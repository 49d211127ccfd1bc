using System.Collections;
using System.Reflection;
using Codegen.Contracts.Reading;
using ContractInput = Codegen.Testing.ContractInput;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator.Tests;

public class IncrementalTests
{

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        // Beside the contract, its baseline (the guard; a default differs, so that it has a change to report: steps that
        // report nothing are not tracked), a contract written as a plain AdditionalFiles item (CG0012) and a file never read.
        var contract = GeneratorHarness.ModelsLab();
        var files = new (AdditionalText, IReadOnlyDictionary<string, string>)[]
        {
            (contract.ToAdditionalText(), GeneratorHarness.ContractMetadata()),
            (EvolutionGuardTests.Baseline(contract, contract.Text.Replace("\"default\": 128,", "\"default\": 64,", StringComparison.Ordinal)), GeneratorHarness.BaselineMetadata),
            (new ContractInput("/p/other.schema.json", contract.Text).ToAdditionalText(), new Dictionary<string, string>()),
            (UnmarkedContractTests.Unreadable("/p/notes.txt"), new Dictionary<string, string>()),
        };
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class A { int x; }", GeneratorHarness.ParseOptions, path: "User0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Every named step ran (the diagnostics step has nothing to track for a clean contract), and none did new work.
        Assert.Equal(TrackingNames.All.Where(n => n != TrackingNames.Diagnostics).Order(), result.TrackedSteps.Keys.Where(TrackingNames.All.Contains).Order());
        foreach (var (name, runs) in result.TrackedSteps.Where(s => TrackingNames.All.Contains(s.Key)))
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    [Fact]
    public void EquivalentContractTextReparsesButLeavesTheModelUnchanged()
    {
        var contract = GeneratorHarness.ModelsLab();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var text = contract.ToAdditionalText();
        var driver = GeneratorHarness.CreateDriver([text]).RunGenerators(compilation);

        // Same JSON, different whitespace: a new text, an equal model.
        driver = driver.ReplaceAdditionalText(text, (contract with { Text = contract.Text.Replace("\n", "\n  ") }).ToAdditionalText());
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The text changed, so it is parsed again; the model it gives is equal, so nothing after it runs.
        Assert.All(result.TrackedSteps[TrackingNames.ContractFiles].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.Parsed].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        var contracts = result.TrackedSteps[TrackingNames.Contracts].SelectMany(r => r.Outputs).ToList();
        Assert.NotEmpty(contracts);
        Assert.All(contracts, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void SchemaEditChangesTheOutput()
    {
        var contract = GeneratorHarness.ModelsLab();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var text = contract.ToAdditionalText();
        var driver = GeneratorHarness.CreateDriver([text]).RunGenerators(compilation);
        // The rules live in the contract's rules document, which the schema attribute's file carries.
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".ModelsLabSchemaAttribute.g.cs")).SourceText.ToString();

        var edited = contract.Text.Replace("\"maximum\": 44000", "\"maximum\": 32000");
        Assert.NotEqual(contract.Text, edited);
        driver = driver.ReplaceAdditionalText(text, (contract with { Text = edited }).ToAdditionalText());
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var after = result.GeneratedSources.Single(s => s.HintName.EndsWith(".ModelsLabSchemaAttribute.g.cs")).SourceText.ToString();

        Assert.Contains("\\\"maximum\\\":44000", before);
        Assert.Contains("\\\"maximum\\\":32000", after);
        Assert.Contains(result.TrackedSteps[TrackingNames.Contracts].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void ModelHoldsNoCompilerOrJsonLibraryObjects()
    {
        var result = ContractParser.Parse(GeneratorHarness.ModelsLabContractPath, GeneratorHarness.ModelsLab().Text);
        Assert.NotNull(result.Contract);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var types = new HashSet<Type>();
        Walk(result, visited, types);

        Assert.Contains(typeof(Codegen.Contracts.Model.ContractSpec), types);
        foreach (var type in types)
        {
            Assert.False(typeof(Compilation).IsAssignableFrom(type), type.FullName);
            Assert.False(typeof(ISymbol).IsAssignableFrom(type), type.FullName);
            Assert.False(typeof(SyntaxNode).IsAssignableFrom(type), type.FullName);
            Assert.DoesNotContain("Newtonsoft", type.Namespace ?? string.Empty);
            Assert.DoesNotContain("NJsonSchema", type.Namespace ?? string.Empty);
            Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>), "mutable list in the model: " + type);
        }
    }

    [Fact]
    public void EqualTextGivesEqualModels()
    {
        var text = GeneratorHarness.ModelsLab().Text;
        var first = ContractParser.Parse("a/modelslab-completions.schema.json", text);
        var second = ContractParser.Parse("a/modelslab-completions.schema.json", text);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static void Walk(object? value, HashSet<object> visited, HashSet<Type> types)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is decimal || value is Enum || !visited.Add(value))
        {
            return;
        }

        types.Add(value.GetType());
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, visited, types);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), visited, types);
            }
        }
    }
}
