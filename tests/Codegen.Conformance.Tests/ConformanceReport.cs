using System.Globalization;
using System.Text;

namespace Codegen.Conformance.Tests;

/// <summary>docs/conformance.md, written from a run: the same text every time for the same code and suite.</summary>
public static class ConformanceReport
{
    public static string Write(ConformanceRun run)
    {
        var builder = new StringBuilder();
        var required = run.Groups.Where(g => !g.Group.IsOptional).ToList();
        var optional = run.Groups.Where(g => g.Group.IsOptional).ToList();
        builder.AppendLine(ConformanceFigures.Of(required).Summary);
        Table(builder, required);
        builder.AppendLine(ConformanceFigures.Of(optional, "optional").Summary);
        Table(builder, optional);
        foreach (var test in run.Tests.Where(t => t.Generated is not null && (!t.GeneratedAgrees || !t.ServerAgrees)))
        {
            builder.AppendLine($"- {test.Id}: expected {test.Test.Valid}; generated {test.Generated?.Valid} {test.Generated?.Note}; server {test.Server?.Valid} {test.Server?.Note}");
        }

        foreach (var group in run.Groups.Where(g => g.IsDeclined || g.Refused.Count > 0 || g.Group.SkipReason is not null))
        {
            builder.AppendLine($"- {group.Group.Id}: {group.Group.SkipReason} {string.Join("; ", group.Declined.Concat(group.Refused))}");
        }

        return builder.ToString();
    }

    private static void Table(StringBuilder builder, IReadOnlyList<GroupOutcome> groups)
    {
        builder.AppendLine("| keyword | tests | skipped | agree generated | agree server | declined | constants |");
        foreach (var keyword in groups.GroupBy(g => g.Group.Keyword))
        {
            var f = ConformanceFigures.Of(keyword, keyword.Key);
            builder.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Tests} | {f.Skipped} | {f.GeneratedAgreed} | {f.ServerAgreed} | {f.DeclinedTests} | {f.ConstantsAgreed}/{f.Constants} |"));
        }
    }
}
