namespace Codegen.Package.Tests;

/// <summary>The analyzers as users meet them: in a build of a project that consumes the package.</summary>
[Collection(PackageCollection.Name)]
public class AnalyzerBuildTests(PackageFixture package)
{
    private const string OutOfRange = """
        using ModelsLab.Completions;

        var request = CompletionRequest.CreateBuilder("hi")
            .WithTemperature(3)
            .Build();
        Console.WriteLine(request.Temperature);
        """;

    [Fact]
    public void OutOfRangeLiteralFailsTheBuildAtItsLineAndColumn()
    {
        var project = package.CreateProject("Flagged", OutOfRange);
        var build = DotNet.Cli(project, "build");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(4,22\): error CG1001: 'temperature' must be between 0 and 2; 3 is out of range", build.Output);
    }

    [Fact]
    public void EditorConfigCanTurnTheRuleOff()
    {
        var project = package.CreateProject("Suppressed", OutOfRange);
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CG1001.severity = none\n");

        DotNet.Cli(project, "build").AssertSuccess("dotnet build with CG1001 set to none");
    }

    [Fact]
    public void DotnetFormatAppliesTheClampFix()
    {
        var project = package.CreateProject("Formatted", OutOfRange);
        DotNet.Cli(project, "format analyzers --diagnostics CG1001 --severity error").AssertSuccess("dotnet format analyzers");

        Assert.Contains(".WithTemperature(2)", File.ReadAllText(Path.Combine(project, "Program.cs")));
        DotNet.Cli(project, "build").AssertSuccess("dotnet build after the fix");
    }
}
