using Codegen.Contracts.Evolution;
using ContractInput = Codegen.Testing.ContractInput;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator.Tests;

/// <summary>
/// The compile-time guard: a contract with a baseline (an AdditionalFiles item marked CodegenBaseline) gets its breaking
/// changes reported at their lines; without one, nothing is compared and nothing is said.
/// </summary>
public class EvolutionGuardTests
{
    public static AdditionalText Baseline(ContractInput contract, string shippedText) =>
        new ContractInput(ContractBaseline.PathFor(contract.Path), shippedText).ToAdditionalText();

    private static readonly ContractInput Shipped = GeneratorHarness.ModelsLab();

    private static GeneratorDriver Driver(string contractText, string? baselineText, CSharpCompilation? compilation = null)
    {
        var files = new List<(AdditionalText, IReadOnlyDictionary<string, string>)> { ((Shipped with { Text = contractText }).ToAdditionalText(), GeneratorHarness.ContractMetadata()) };
        if (baselineText is not null)
        {
            files.Add((Baseline(Shipped, baselineText), GeneratorHarness.BaselineMetadata));
        }

        return GeneratorHarness.CreateDriver(files).RunGenerators(compilation ?? GeneratorHarness.CreateCompilation("class A { }"));
    }

    private static IReadOnlyList<Diagnostic> Evolution(GeneratorDriver driver) =>
        driver.GetRunResult().Diagnostics.Where(d => d.Id.StartsWith("CG2", StringComparison.Ordinal)).ToList();

    private static string Narrowed => Shipped.Text.Replace("\"minimum\": 0,\n          \"maximum\": 2\n", "\"minimum\": 0,\n          \"maximum\": 1\n", StringComparison.Ordinal);

    [Fact]
    public void ABreakingChangeIsAnErrorAtItsLineOfTheContract()
    {
        Assert.NotEqual(Shipped.Text, Narrowed);

        var diagnostic = Assert.Single(Evolution(Driver(Narrowed, Shipped.Text)));

        Assert.Equal("CG2110", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Shipped.Path, span.Path);
        var line = Narrowed.Split('\n')[span.StartLinePosition.Line];
        Assert.Equal("\"maximum\": 1", line.Trim());
        Assert.Equal(line.IndexOf("\"maximum\"", StringComparison.Ordinal), span.StartLinePosition.Character);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("[breaking] `CompletionRequest.Temperature`: maximum lowered from 2 to 1;", message, StringComparison.Ordinal);
        Assert.Contains("accept it with 'codegen baseline modelslab-completions.schema.json'", message, StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/CG2110.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public void APotentiallyBreakingChangeIsAWarningAndACompatibleOneIsNotReported()
    {
        var changed = Shipped.Text
            .Replace("\"default\": 128,", "\"default\": 64,", StringComparison.Ordinal)
            .Replace("\"stream\": {\n          \"type\": \"boolean\",", "\"seed\": { \"type\": \"integer\" },\n        \"stream\": {\n          \"type\": \"boolean\",", StringComparison.Ordinal);
        Assert.Contains("\"seed\"", changed, StringComparison.Ordinal);

        var diagnostic = Assert.Single(Evolution(Driver(changed, Shipped.Text)));

        Assert.Equal(ChangeRules.DefaultChanged.Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void NoBaselineNoGuard()
    {
        var driver = Driver(Narrowed, baselineText: null);

        Assert.Empty(Evolution(driver));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.False(steps.TryGetValue(TrackingNames.EvolutionGuard, out var guard) && guard.SelectMany(r => r.Outputs).Any());
    }

    [Fact]
    public void AnUnchangedContractIsSilentAndItsBaselineIsNoUnmarkedContract()
    {
        var diagnostics = Driver(Shipped.Text, Shipped.Text).GetRunResult().Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CG2", StringComparison.Ordinal) || d.Id == "CG0012");
    }

    [Fact]
    public void AContractNamedByItsFileNameIsGuardedByItsBaseline()
    {
        // No x-codegen and no item metadata: the namespace and prefix come from the contract's file name, not the baseline's
        // (weather.schema.baseline.json): the baseline is read as its contract is.
        const string Contract = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "definitions": {
                "Reading": { "type": "object", "properties": { "celsius": { "type": "number", "minimum": -90, "maximum": 60 } } }
              }
            }
            """;
        var contract = new ContractInput("/project/schema/weather.schema.json", Contract.Replace("\"maximum\": 60", "\"maximum\": 50", StringComparison.Ordinal));
        var files = new List<(AdditionalText, IReadOnlyDictionary<string, string>)>
        {
            (contract.ToAdditionalText(), GeneratorHarness.ContractMetadata()),
            (Baseline(contract, Contract), GeneratorHarness.BaselineMetadata),
        };

        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));

        // The narrowed range is the one change: no contract-wide type renamed, removed or added.
        var diagnostic = Assert.Single(Evolution(driver));
        Assert.Equal(ChangeRules.RangeNarrowed.Id, diagnostic.Id);
        Assert.StartsWith("[breaking] `Reading.Celsius`: maximum lowered from 60 to 50;", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableBaselineSaysSo()
    {
        var diagnostic = Assert.Single(Driver(Narrowed, "{ \"x-codegen\": ").GetRunResult().Diagnostics, d => d.Id == "CG0001");

        Assert.EndsWith(".baseline.json", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("The baseline does not read", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedContractIsNotComparedAndLaterEditsReadTheContractAgainButNotItsBaseline()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var contractText = Shipped.ToAdditionalText();
        var files = new List<(AdditionalText, IReadOnlyDictionary<string, string>)>
        {
            (contractText, GeneratorHarness.ContractMetadata()),
            (Baseline(Shipped, Shipped.Text), GeneratorHarness.BaselineMetadata),
        };
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        Assert.Empty(Evolution(driver));

        // While the contract is its baseline, its reading is the baseline's: the first edit compares with it, reading no baseline.
        var shippedReading = Assert.Single(driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Parsed].SelectMany(r => r.Outputs)).Value;
        var narrowed = (Shipped with { Text = Narrowed }).ToAdditionalText();
        driver = driver.ReplaceAdditionalText(contractText, narrowed).RunGenerators(compilation);
        var baselineRead = (ContractGenerator.BaselineRead)Assert.Single(driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Baselines].SelectMany(r => r.Outputs)).Value;
        Assert.Same(((Codegen.Contracts.Model.ContractParseResult)shippedReading).Contract, baselineRead.Parsed?.Contract);
        Assert.Single(Evolution(driver));

        var narrowedAgain = (Shipped with { Text = Narrowed.Replace("\"maximum\": 1\n", "\"maximum\": 1.5\n", StringComparison.Ordinal) }).ToAdditionalText();
        driver = driver.ReplaceAdditionalText(narrowed, narrowedAgain).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Baselines].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(result.TrackedSteps[TrackingNames.EvolutionGuard].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // The baseline prepared for the first comparison (kept with the cached step) compares the new text, not the old one.
        var finding = Assert.Single(Evolution(driver)).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("[breaking] `CompletionRequest.Temperature`: maximum lowered from 2 to 1.5;", finding, StringComparison.Ordinal);

        // Back to a compatible edit of the same contract: the same kept baseline finds nothing to report.
        driver = driver.ReplaceAdditionalText(narrowedAgain, (Shipped with { Text = Shipped.Text.Replace("\"maximum\": 2\n", "\"maximum\": 3\n", StringComparison.Ordinal) }).ToAdditionalText()).RunGenerators(compilation);
        Assert.Empty(Evolution(driver));
    }
}
