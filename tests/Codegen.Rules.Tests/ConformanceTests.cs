using Xunit.Abstractions;

namespace Codegen.Rules.Tests;

/// <summary>The rules engine against the official JSON Schema Test Suite, file by file (figures in the test output).</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// The draft-07 tests (outside optional/) on which the engine knowingly differs from the suite, each with its reason.
    /// An unlisted disagreement fails the test, and so does a listed one that starts agreeing.
    /// </summary>
    private static readonly Dictionary<string, string> Draft7Deviations = new(StringComparer.Ordinal)
    {
    };

    [SuiteFact]
    public void Draft7_agrees_with_the_suite_except_the_listed_deviations()
    {
        var run = JsonSchemaTestSuite.Run("draft7", CodegenSchemaDialect.Draft07);
        output.WriteLine(run.Report("draft7"));

        Assert.Empty(run.Crashes);
        Assert.Empty(run.Inconsistent);
        Assert.Empty(run.InvalidReadings);
        var unlisted = run.Disagreements.Where(d => !Draft7Deviations.ContainsKey(d)).ToList();
        var nowAgreeing = Draft7Deviations.Keys.Where(d => !run.Disagreements.Contains(d)).ToList();
        Assert.True(unlisted.Count == 0, "Disagreements not in the deviation list:\n" + string.Join("\n", unlisted));
        Assert.True(nowAgreeing.Count == 0, "Listed deviations that now agree (remove them from the list):\n" + string.Join("\n", nowAgreeing));
    }

    [SuiteFact]
    public void Draft7_optional_is_measured()
    {
        var run = JsonSchemaTestSuite.Run(Path.Combine("draft7", "optional"), CodegenSchemaDialect.Draft07);
        output.WriteLine(run.Report("draft7/optional"));
        Assert.Empty(run.Crashes);
        Assert.Empty(run.Inconsistent);
    }

    [SuiteFact]
    public void Draft2020_12_is_measured()
    {
        var run = JsonSchemaTestSuite.Run("draft2020-12", CodegenSchemaDialect.Draft202012);
        output.WriteLine(run.Report("draft2020-12"));
        Assert.Empty(run.Crashes);
        Assert.Empty(run.Inconsistent);
    }

    [SuiteFact]
    public void Draft2020_12_optional_is_measured()
    {
        var run = JsonSchemaTestSuite.Run(Path.Combine("draft2020-12", "optional"), CodegenSchemaDialect.Draft202012);
        output.WriteLine(run.Report("draft2020-12/optional"));
        Assert.Empty(run.Crashes);
        Assert.Empty(run.Inconsistent);
    }
}
