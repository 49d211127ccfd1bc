using System.Diagnostics;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// The compile-time guard as a user meets it (docs/evolution.md): the package's targets, the compiler and the installed
/// tool's <c>codegen baseline</c>, in real builds of one fresh project.
/// </summary>
[Collection(PackageCollection.Name)]
public class EvolutionGuardPackageTests(PackageFixture package, ITestOutputHelper log)
{
    private const string Program = """
        using ModelsLab.Completions;

        Console.WriteLine(CompletionRequest.CreateBuilder("hi").Build().Prompt);
        """;

    private const string ContractName = "modelslab-completions.schema.json";

    [Fact]
    public void A_breaking_edit_fails_the_build_at_its_line_until_codegen_baseline_accepts_it()
    {
        // Warnings stay warnings in this project, so that the severity set in .globalconfig below shows as one.
        var project = package.CreateProject("Guarded", Program, extraProperties: "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>");
        var contract = Path.Combine(project, ContractName);
        var baseline = Path.Combine(project, "modelslab-completions.schema.baseline.json");

        // No baseline, no guard, no noise.
        var clean = Build(project, "no baseline", restore: true).AssertSuccess("dotnet build without a baseline");
        Assert.Contains(" 0 Warning(s)", clean.Output);

        var written = package.Tool.Run(project, "baseline " + ContractName).AssertSuccess("codegen baseline");
        Assert.Contains("Wrote " + baseline, written.Output);
        Assert.Equal(File.ReadAllBytes(contract), File.ReadAllBytes(baseline));

        // A breaking edit: the maximum of a request field lowered, from 2 to 1.
        var shipped = File.ReadAllText(contract);
        var temperature = shipped.IndexOf("\"temperature\": {", StringComparison.Ordinal);
        var maximum = shipped.IndexOf("\"maximum\": 2", temperature, StringComparison.Ordinal);
        Assert.True(temperature > 0 && maximum > temperature, "the contract has no temperature maximum of 2");
        Assert.True(maximum < shipped.IndexOf('}', temperature), "the maximum found is not temperature's");
        File.WriteAllText(contract, shipped[..maximum] + "\"maximum\": 1" + shipped[(maximum + "\"maximum\": 2".Length)..]);
        var line = shipped[..maximum].Count(c => c == '\n') + 1;
        var column = maximum - shipped.LastIndexOf('\n', maximum);
        var finding = $"{contract}({line},{column}): {{0}} CG2110: [breaking] `CompletionRequest.Temperature`: maximum lowered from 2 to 1;";

        var broken = Build(project, "breaking edit");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, finding, "error"), broken.Output);
        Assert.Contains("accept it with 'codegen baseline " + ContractName + "'", broken.Output);

        // The severity, per rule, in a global AnalyzerConfig the SDK finds in the project's folder.
        var globalConfig = Path.Combine(project, ".globalconfig");
        File.WriteAllText(globalConfig, "is_global = true\ndotnet_diagnostic.CG2110.severity = warning\n");
        var warned = Build(project, "severity warning").AssertSuccess("dotnet build with CG2110 set to warning");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, finding, "warning"), warned.Output);
        Assert.DoesNotContain("error CG2110", warned.Output);
        File.Delete(globalConfig);

        // Accepting the change: the baseline records the edited contract, and the build is clean again.
        var accepted = package.Tool.Run(project, "baseline " + ContractName).AssertSuccess("codegen baseline again");
        Assert.Contains("It accepts 1 change (1 breaking, 0 potentially breaking)", accepted.Output);
        Assert.Equal(File.ReadAllBytes(contract), File.ReadAllBytes(baseline));
        var accepting = Build(project, "change accepted").AssertSuccess("dotnet build after codegen baseline");
        Assert.Contains(" 0 Warning(s)", accepting.Output);
        Assert.DoesNotContain("CG2110", accepting.Output);
    }

    private CommandResult Build(string project, string what, bool restore = false)
    {
        var watch = Stopwatch.StartNew();
        var build = DotNet.Cli(project, restore ? "build" : "build --no-restore");
        log.WriteLine($"build ({what}): {watch.Elapsed.TotalSeconds:0.0} s");
        return build;
    }
}
