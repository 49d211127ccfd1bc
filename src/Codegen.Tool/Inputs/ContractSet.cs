using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Codegen.Emitters.Planning;
using Codegen.Tool.Console;

namespace Codegen.Tool.Inputs;

/// <summary>One contract as the generator sees it: its file, what the parser made of it, and whether it is generated.</summary>
public sealed record CheckedContract(ContractFile File, ContractParseResult Parsed, PlannedContract? Planned);

/// <summary>
/// Contracts named on one command line, read, parsed and planned exactly as the source generator does
/// for the contracts of one project: the same parser per file, then <see cref="ContractPlanner"/> across
/// them. The diagnostics are the generator's, in a stable order (path, line, column, id).
/// </summary>
public sealed class ContractSet
{
    private ContractSet(IReadOnlyList<CheckedContract> contracts, IReadOnlyList<InputError> inputErrors, ContractPlans plans, IReadOnlyList<ContractDiagnostic> diagnostics)
    {
        Contracts = contracts;
        InputErrors = inputErrors;
        Plans = plans;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<CheckedContract> Contracts { get; }

    public IReadOnlyList<InputError> InputErrors { get; }

    public ContractPlans Plans { get; }

    public IReadOnlyList<ContractDiagnostic> Diagnostics { get; }

    public static ContractSet Load(IReadOnlyList<string> paths, ToolConsole console, CancellationToken cancellationToken) =>
        Load(paths, ContractSettings.None, console, cancellationToken);

    /// <summary>Reads the contracts with what the command line says about them (namespace, prefix, overlay, selection).</summary>
    public static ContractSet Load(IReadOnlyList<string> paths, ContractSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        using var progress = Progress.Start(console, "Reading contracts");
        var files = new List<ContractFile>();
        var errors = new List<InputError>();
        ContractFile? overlay = null;
        if (settings.Overlay is { } overlayPath)
        {
            // Without its overlay a contract would be reported for what the overlay fixes: stop instead.
            overlay = ContractReader.Read(overlayPath, out var overlayError);
            if (overlayError is not null)
            {
                errors.Add(overlayError with { Message = "The overlay " + overlayError.Message });
                return new ContractSet([], errors, ContractPlanner.Plan([], []), []);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<ContractParseResult>();
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Report($"Reading {paths[i]} ({i + 1}/{paths.Count})");
            var file = ContractReader.Read(paths[i], out var error);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            // The same file named twice is one contract, as a duplicated AdditionalFiles item is for the generator.
            if (file is not null && seen.Add(file.Path))
            {
                files.Add(file);
                parsed.Add(ContractParser.Parse(settings.ToInput(file, overlay), cancellationToken));
            }
        }

        progress.Report("Planning");
        var plans = ContractPlanner.Plan(parsed.Where(p => p.Contract is not null).Select(p => p.Contract!), files);
        var planned = plans.Planned.ToDictionary(p => p.Contract.FilePath, StringComparer.Ordinal);
        var contracts = files.Select((file, i) => new CheckedContract(file, parsed[i], planned.GetValueOrDefault(file.Path))).ToList();
        var diagnostics = parsed.SelectMany(p => p.Diagnostics).Concat(plans.Diagnostics)
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.StartLine)
            .ThenBy(d => d.Location.StartColumn)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new ContractSet(contracts, errors, plans, diagnostics);
    }

    /// <summary>The severity a diagnostic is reported with: its catalogue severity, warnings raised to errors on request.</summary>
    public static ContractSeverity SeverityOf(ContractDiagnostic diagnostic, bool warningsAsErrors)
    {
        var severity = ContractDiagnosticCatalog.Find(diagnostic.Id).Severity;
        return warningsAsErrors && severity == ContractSeverity.Warning ? ContractSeverity.Error : severity;
    }
}
