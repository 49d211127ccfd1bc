using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Tool.Console;

namespace Codegen.Tool.Check;

/// <summary>
/// MSBuild-style lines, as the compiler prints the same diagnostics: <c>path(line,column): error CG0005: message</c>,
/// one-based, so that editors, CI log parsers and problem matchers pick them up.
/// </summary>
public static class TextFormat
{
    public static void Write(CheckReport report, TextWriter output, bool colors)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(Line(diagnostic.Location, diagnostic.Severity, diagnostic.Kind.Id, diagnostic.Message, colors));
        }
    }

    public static string Line(SourceSpan location, ContractSeverity severity, string id, string message, bool colors)
    {
        var color = severity switch
        {
            ContractSeverity.Error => AnsiColor.Red,
            ContractSeverity.Warning => AnsiColor.Yellow,
            _ => AnsiColor.Cyan,
        };
        var where = $"{location.Path}({location.StartLine + 1},{location.StartColumn + 1})";
        return $"{where}: {ToolConsole.Paint(colors, color, CheckReport.Severity(severity) + " " + id)}: {message}";
    }
}
