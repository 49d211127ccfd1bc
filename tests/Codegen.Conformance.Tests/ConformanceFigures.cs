using System.Globalization;

namespace Codegen.Conformance.Tests;

/// <summary>Counts over some groups: the row of one keyword, or the totals.</summary>
public sealed record ConformanceFigures(string Name, int Tests, int Skipped, int GeneratedAgreed, int ServerAgreed, int DeclinedTests, int DeclinedGroups, int Constants, int ConstantsAgreed)
{
    public int NotSkipped => Tests - Skipped;

    public static ConformanceFigures Of(IEnumerable<GroupOutcome> groups, string name = "total")
    {
        var list = groups.ToList();
        var tests = list.SelectMany(g => g.Tests).ToList();
        return new ConformanceFigures(
            name,
            tests.Count,
            list.Where(g => g.Group.SkipReason is not null).Sum(g => g.Tests.Count),
            tests.Count(t => t.GeneratedAgrees),
            tests.Count(t => t.ServerAgrees),
            list.Where(g => g.IsDeclined).Sum(g => g.Tests.Count),
            list.Count(g => g.IsDeclined),
            tests.Count(t => t.Analyzer is not null),
            tests.Count(t => t.Analyzer is { } a && a.Valid == t.Test.Valid));
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Tests} tests, {Skipped} skipped; of the {NotSkipped} others the generated code agrees on {GeneratedAgreed} ({Percent(GeneratedAgreed, NotSkipped)}), the server on {ServerAgreed} ({Percent(ServerAgreed, NotSkipped)}); {DeclinedTests} tests in {DeclinedGroups} groups with CG0010; constants: {ConstantsAgreed}/{Constants}");

    public static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
