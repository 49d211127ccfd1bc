using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests;

/// <summary>Several contracts in one project: renamed files, neighbours, and clashes between them.</summary>
public class MultipleContractsTests
{
    private static string Contract(string? ns, string prefix = "P", string type = "Thing") => $$"""
        {
          {{(ns is null ? "" : $"\"x-codegen\": {{ \"namespace\": \"{ns}\", \"prefix\": \"{prefix}\" }},")}}
          "definitions": {
            "{{type}}": { "type": "object", "properties": { "name": { "type": "string" } } }
          }
        }
        """;

    [Fact]
    public void RenamingTheFileRenamesTheHintsOnly()
    {
        var before = GeneratorHarness.Run(new ContractInput("/c/first.schema.json", Contract("Acme.Things")));
        var after = GeneratorHarness.Run(new ContractInput("/c/second.schema.json", Contract("Acme.Things")));

        Assert.All(before.Sources, s => Assert.StartsWith("first.", s.HintName));
        Assert.All(after.Sources, s => Assert.StartsWith("second.", s.HintName));
        Assert.Equal(before.Sources.Select(s => s.SourceText.ToString()), after.Sources.Select(s => s.SourceText.ToString()));
        Assert.Empty(after.CompilationDiagnostics);
    }

    [Fact]
    public void TwoContractsSideBySideBothGenerate()
    {
        var run = GeneratorHarness.Run([GeneratorHarness.ModelsLab(), new ContractInput("/c/things.schema.json", Contract("Acme.Things"))]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.Things.Thing"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("ModelsLab.Completions.CompletionRequest"));
    }

    [Fact]
    public void SameFileNameInTwoFoldersWithOwnNamespacesGetsUniqueHints()
    {
        var run = GeneratorHarness.Run([new ContractInput("/a/api.schema.json", Contract("Acme.A")), new ContractInput("/b/api.schema.json", Contract("Acme.B"))]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(run.Sources.Count, run.Sources.Select(s => s.HintName).Distinct().Count());
        Assert.Contains(run.Sources, s => s.HintName.StartsWith("api_2.", StringComparison.Ordinal));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.A.Thing"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.B.Thing"));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SameFileNameWithoutExtensionIsOneDiagnosticNotACrashOrCompileErrors()
    {
        var second = Contract(null);
        var run = GeneratorHarness.Run([new ContractInput("/b/api.schema.json", second), new ContractInput("/a/api.schema.json", Contract(null))]);

        var clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CG0011");
        Assert.Equal("/b/api.schema.json", clash.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 0), clash.Location.GetLineSpan().StartLinePosition);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CG0099" or "CS8785");
        Assert.NotNull(run.Output.GetTypeByMetadataName("Api.Thing"));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SameTypeInTheSameNamespaceIsReportedAtTheDefinition()
    {
        var second = Contract("Acme.Shared", prefix: "Second");
        var run = GeneratorHarness.Run([new ContractInput("/c/one.schema.json", Contract("Acme.Shared", prefix: "First")), new ContractInput("/c/two.schema.json", second)]);

        var clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CG0011", DiagnosticSeverity.Error), (clash.Id, clash.Severity));
        Assert.Equal("/c/two.schema.json", clash.Location.GetLineSpan().Path);
        var offset = second.IndexOf("\"Thing\"", StringComparison.Ordinal);
        var line = second.Substring(0, offset).Count(c => c == '\n');
        Assert.Equal(new LinePosition(line, offset - (second.LastIndexOf('\n', offset) + 1)), clash.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("Thing", clash.GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SameFileListedTwiceIsGeneratedOnce()
    {
        var contract = new ContractInput("/c/things.schema.json", Contract("Acme.Things"));
        var run = GeneratorHarness.Run([contract, contract]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources, s => s.HintName == "things.Thing.g.cs");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void EditingOneContractLeavesTheOthersOutputCached()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var one = new ContractInput("/c/one.schema.json", Contract("Acme.One")).ToAdditionalText();
        var two = new ContractInput("/c/two.schema.json", Contract("Acme.Two")).ToAdditionalText();
        var driver = GeneratorHarness.CreateDriver([one, two]).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(two, new ContractInput("/c/two.schema.json", Contract("Acme.Two", type: "Other")).ToAdditionalText());
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).ToList();
        Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.Cached);
        Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "two.Other.g.cs");
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == "two.Thing.g.cs");
    }
}
