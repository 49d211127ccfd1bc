using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Check;

/// <summary>A diagnostic as the tool reports it: its catalogue entry, the severity in force, and where and what.</summary>
public sealed record ReportedDiagnostic(ContractDiagnosticKind Kind, ContractSeverity Severity, string Message, SourceSpan Location);

/// <summary>What <c>codegen check</c> found, ready for any output format.</summary>
public sealed class CheckReport
{
    public CheckReport(ContractSet set, bool warningsAsErrors)
    {
        Set = set;
        // An id the catalogue does not know is reported as the generator reports it: as CG0099.
        Diagnostics = set.Diagnostics
            .Select(d => new ReportedDiagnostic(ContractDiagnosticCatalog.Find(d.Id), ContractSet.SeverityOf(d, warningsAsErrors), d.Message, d.Location))
            .ToList();
    }

    public ContractSet Set { get; }

    public IReadOnlyList<ReportedDiagnostic> Diagnostics { get; }

    public int Errors => Diagnostics.Count(d => d.Severity == ContractSeverity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == ContractSeverity.Warning);

    public int Infos => Diagnostics.Count(d => d.Severity == ContractSeverity.Info);

    public int ExitCode => Errors > 0 || Set.InputErrors.Count > 0 ? ExitCodes.Errors : ExitCodes.Success;

    public string Summary()
    {
        var counts = $"{Count(Errors, "error")}, {Count(Warnings, "warning")}, {Count(Infos, "message")}";
        var unread = Set.InputErrors.Count == 0 ? string.Empty : $"; {Count(Set.InputErrors.Count, "contract")} could not be read";
        return $"{Count(Set.Contracts.Count, "contract")} checked: {counts}{unread}.";
    }

    public static string Severity(ContractSeverity severity) => severity switch
    {
        ContractSeverity.Error => "error",
        ContractSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Count(int n, string one, string? many = null) => n + " " + (n == 1 ? one : many ?? one + "s");
}
