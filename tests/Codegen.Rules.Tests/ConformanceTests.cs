using Xunit.Abstractions;

namespace Codegen.Rules.Tests;

/// <summary>
/// The rules engine against the official JSON Schema Test Suite, file by file (figures in the test output). Groups the
/// engine reports as unsupported (references to other documents, through <c>$id</c> or to anchors, <c>$dynamicRef</c>,
/// <c>unevaluated*</c>, custom metaschemas) are skipped and listed; every other test must agree with the suite or be
/// a listed deviation, and a listed deviation that starts agreeing fails too, so the lists stay true.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>Every draft-07 test outside optional/ that is not skipped agrees: no deviations.</summary>
    private static readonly Dictionary<string, string> Draft7Deviations = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Draft7OptionalDeviations = new(StringComparer.Ordinal)
    {
        // contentMediaType and contentEncoding are annotations here, as 2020-12 makes them (its content.json expects
        // exactly that): a contract's string is not decoded as base64 or parsed as JSON to be checked.
        ["content.json: validation of string-encoded content based on media type / an invalid JSON document"] = "content is not decoded",
        ["content.json: validation of binary string-encoding / an invalid base64 string (% is not a valid character)"] = "content is not decoded",
        ["content.json: validation of binary-encoded media type documents / a validly-encoded invalid JSON document"] = "content is not decoded",
        ["content.json: validation of binary-encoded media type documents / an invalid base64 string that is valid JSON"] = "content is not decoded",
    };

    private static readonly Dictionary<string, string> Draft202012Deviations = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Draft202012OptionalDeviations = new(StringComparer.Ordinal);

    [SuiteFact]
    public void Draft7_agrees_with_the_suite_except_the_listed_deviations() =>
        Check(JsonSchemaTestSuite.Run("draft7", CodegenSchemaDialect.Draft07), "draft7", Draft7Deviations);

    [SuiteFact]
    public void Draft7_optional_agrees_except_the_listed_deviations() =>
        Check(JsonSchemaTestSuite.Run(Path.Combine("draft7", "optional"), CodegenSchemaDialect.Draft07), "draft7/optional", Draft7OptionalDeviations);

    [SuiteFact]
    public void Draft2020_12_agrees_except_the_listed_deviations() =>
        Check(JsonSchemaTestSuite.Run("draft2020-12", CodegenSchemaDialect.Draft202012), "draft2020-12", Draft202012Deviations);

    [SuiteFact]
    public void Draft2020_12_optional_agrees_except_the_listed_deviations() =>
        Check(JsonSchemaTestSuite.Run(Path.Combine("draft2020-12", "optional"), CodegenSchemaDialect.Draft202012), "draft2020-12/optional", Draft202012OptionalDeviations);

    private void Check(SuiteRun run, string title, Dictionary<string, string> deviations)
    {
        output.WriteLine(run.Report(title));
        Assert.Empty(run.Crashes);
        Assert.Empty(run.Inconsistent);
        Assert.Empty(run.InvalidReadings);
        var unlisted = run.Disagreements.Where(d => !deviations.ContainsKey(d)).ToList();
        var nowAgreeing = deviations.Keys.Where(d => !run.Disagreements.Contains(d)).ToList();
        Assert.True(unlisted.Count == 0, "Disagreements not in the deviation list:\n" + string.Join("\n", unlisted));
        Assert.True(nowAgreeing.Count == 0, "Listed deviations that now agree (remove them from the list):\n" + string.Join("\n", nowAgreeing));
    }
}
