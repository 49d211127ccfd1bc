using Xunit.Abstractions;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The goals of issue 9, measured on draft-07 outside <c>optional/</c>: no silent disagreement (a group generated
/// without CG0010 agrees with the suite on every test, in the generated code and in the server), at least 95 % of
/// the tests not skipped agree, the server and the generated code agree on every test, every group's code compiles
/// and no valid schema is refused. <c>optional/</c> is measured and reported only. With CONFORMANCE_REPORT=1 the run
/// rewrites docs/conformance.md, which must otherwise equal what the run writes.
/// </summary>
public sealed class ConformanceTests(ConformanceFixture fixture, ITestOutputHelper output) : IClassFixture<ConformanceFixture>
{
    private IEnumerable<GroupOutcome> Required => fixture.Run.Groups.Where(g => !g.Group.IsOptional);

    [SuiteFact]
    public void Every_group_s_code_compiles()
    {
        output.WriteLine(fixture.Run.Timings);
        var failing = fixture.Run.Groups.Where(g => g.CompileErrors.Count > 0).Select(g => g.Group.Id + ": " + string.Join("; ", g.CompileErrors.Take(3))).ToList();
        Assert.True(failing.Count == 0, "Generated code that does not compile:\n" + string.Join("\n", failing));
    }

    [SuiteFact]
    public void No_valid_schema_is_refused()
    {
        var refused = fixture.Run.Groups.Where(g => g.Refused.Count > 0).Select(g => g.Group.Id + ": " + string.Join("; ", g.Refused)).ToList();
        Assert.True(refused.Count == 0, "Valid schemas the generator refuses:\n" + string.Join("\n", refused));
    }

    [SuiteFact]
    public void No_silent_disagreement_in_the_generated_code_or_the_server()
    {
        var silent = Required.Where(g => g.IsRun && !g.IsDeclined)
            .SelectMany(g => g.Tests)
            .Where(t => !t.GeneratedAgrees || !t.ServerAgrees)
            .Select(t => $"{t.Id}: expected {(t.Test.Valid ? "valid" : "invalid")}, generated code {Describe(t.Generated)}, server {Describe(t.Server)}")
            .ToList();
        Assert.True(silent.Count == 0, $"{silent.Count} tests disagree in groups generated without CG0010:\n" + string.Join("\n", silent));
    }

    [SuiteFact]
    public void At_least_95_percent_of_the_tests_not_skipped_agree()
    {
        var figures = ConformanceFigures.Of(Required);
        output.WriteLine(figures.Summary);
        Assert.True(figures.GeneratedAgreed * 100 >= figures.NotSkipped * 95, figures.Summary);
        Assert.True(figures.ServerAgreed * 100 >= figures.NotSkipped * 95, figures.Summary);
    }

    [SuiteFact]
    public void The_server_and_the_generated_code_agree_on_every_test()
    {
        var split = fixture.Run.Groups.Where(g => !g.Group.IsOptional && g.IsRun).SelectMany(g => g.Tests)
            .Where(t => t.Generated?.Valid != t.Server?.Valid)
            .Select(t => $"{t.Id}: generated code {Describe(t.Generated)}, server {Describe(t.Server)}")
            .ToList();
        Assert.True(split.Count == 0, $"{split.Count} tests where the server and the generated code disagree:\n" + string.Join("\n", split));
    }

    [SuiteFact]
    public void The_analyzers_evaluation_of_constants_agrees_with_the_suite()
    {
        var disagreeing = Required.SelectMany(g => g.Tests).Where(t => t.Analyzer is { } a && a.Valid != t.Test.Valid)
            .Select(t => $"{t.Id}: expected {(t.Test.Valid ? "valid" : "invalid")}, analyzer {Describe(t.Analyzer)}")
            .ToList();
        Assert.True(disagreeing.Count == 0, $"{disagreeing.Count} constants the analyzers would judge unlike the suite:\n" + string.Join("\n", disagreeing));
    }

    [SuiteFact]
    public void Docs_conformance_md_is_what_the_run_writes()
    {
        var report = ConformanceReport.Write(fixture.Run);
        output.WriteLine(report);
        var path = Codegen.Testing.RepoPaths.InRepo("docs", "conformance.md");
        if (Environment.GetEnvironmentVariable("CONFORMANCE_REPORT") == "1")
        {
            File.WriteAllText(path, report);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == report.ReplaceLineEndings("\n"),
            "docs/conformance.md differs from this run's figures; regenerate it with " + ConformanceReport.Command + " and commit it.");
    }

    private static string Describe(Verdict? verdict) => verdict is null ? "not run" : (verdict.Valid ? "valid" : "invalid") + (verdict.Note is null ? string.Empty : " (" + verdict.Note + ")");
}

/// <summary>A fact that runs only where the suite is beside the repository, and says where it looked when it is not.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!SuiteGroups.IsPresent)
        {
            Skip = "The JSON Schema Test Suite is not at " + SuiteGroups.Directory;
        }
    }
}
