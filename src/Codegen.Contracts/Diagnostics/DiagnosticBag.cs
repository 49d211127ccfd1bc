using System.Collections.Generic;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Diagnostics;

/// <summary>Collects the diagnostics of one contract, each reported once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<ContractDiagnostic> _items = new();
    private readonly HashSet<ContractDiagnostic> _seen = new();

    public bool HasErrors { get; private set; }

    public void Add(string id, SourceSpan location, string message)
    {
        var diagnostic = new ContractDiagnostic(id, message, location);
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
            HasErrors |= SeverityOf(id) == ContractSeverity.Error;
        }
    }

    /// <summary>How many diagnostics with this id were reported.</summary>
    public int CountOf(string id) => _items.FindAll(d => d.Id == id).Count;

    public EquatableArray<ContractDiagnostic> ToEquatableArray() => _items.ToEquatableArray();

    public static ContractSeverity SeverityOf(string id)
    {
        foreach (var kind in ContractDiagnosticIds.All)
        {
            if (kind.Id == id)
            {
                return kind.Severity;
            }
        }

        return ContractSeverity.Error;
    }
}
