using System.Collections.Generic;

namespace Codegen.Contracts.Diagnostics;

/// <summary>How serious a contract problem is. Mirrors Roslyn's severities without depending on Roslyn.</summary>
public enum ContractSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One kind of contract problem: its id, a short title, how serious it is by default, and its help page.</summary>
public sealed record ContractDiagnosticKind(string Id, string Title, ContractSeverity Severity)
{
    public string HelpLink => ContractDiagnosticCatalog.HelpLinkBase + Id + ".md";
}

/// <summary>
/// Every contract diagnostic the toolkit reports, in one Roslyn-free place: the generator derives its
/// descriptors from it and the command-line tool its rules, so an id means the same everywhere.
/// </summary>
public static class ContractDiagnosticCatalog
{
    /// <summary>Where every diagnostic's page lives; the one place to change when the repository moves.</summary>
    public const string HelpLinkBase = "https://github.com/codegen-contract-first/codegen/blob/main/docs/diagnostics/";

    /// <summary>The category every contract diagnostic is filed under (Roslyn's and AnalyzerReleases').</summary>
    public const string Category = "Contract";

    public static IReadOnlyList<ContractDiagnosticKind> All { get; } = Concat(new[]
    {
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidJson, "The contract is not valid JSON", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.UnreadableSchema, "The contract is not a readable JSON Schema", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.MissingVendorExtension, "The contract has no x-codegen extension", ContractSeverity.Info),
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidVendorExtension, "The x-codegen extension is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.UnresolvedReference, "A $ref does not resolve inside the contract", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.NameCollision, "Two names map to the same C# name", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidBounds, "A lower bound is above its upper bound", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidDefault, "A default value breaks its own schema", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.UnsupportedConstruct, "A schema construct is not supported", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.DuplicateTypeAcrossContracts, "Two contracts define the same type", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.UnmarkedContract, "A contract is an AdditionalFiles item without CodegenContract", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidOpenApi, "The OpenAPI document is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.InvalidOverlay, "The overlay is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(ContractDiagnosticIds.OverlayTargetNotFound, "An overlay action selects nothing", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.NamingSource, "Where the namespace and prefix come from", ContractSeverity.Info),
        new ContractDiagnosticKind(ContractDiagnosticIds.NotGenerated, "A part of the contract is not generated as written", ContractSeverity.Info),
        new ContractDiagnosticKind(ContractDiagnosticIds.SelectionMatchesNothing, "A selection matches no operation", ContractSeverity.Warning),
        new ContractDiagnosticKind(ContractDiagnosticIds.DialectCompatibility, "Keywords of an older dialect are read as it means them", ContractSeverity.Info),
        new ContractDiagnosticKind(ContractDiagnosticIds.NoEffect, "A keyword has no effect where it is written", ContractSeverity.Info),
        new ContractDiagnosticKind(ContractDiagnosticIds.InternalError, "The generator failed on this contract", ContractSeverity.Error),
    }, EvolutionKinds());

    /// <summary>
    /// The contract evolution rules (CG2001-CG2199), reported by <c>codegen diff</c> and by the generator against a baseline:
    /// an error where a rule can break clients, a warning where it can only possibly break them, else info. The generator
    /// reports each change at its own level (a range narrowed in a response is compatible); <c>.editorconfig</c> overrides.
    /// </summary>
    private static IEnumerable<ContractDiagnosticKind> EvolutionKinds()
    {
        foreach (var rule in Evolution.ChangeRules.All)
        {
            var highest = rule.Sent > rule.Received ? rule.Sent : rule.Received;
            highest = rule.Unused > highest ? rule.Unused : highest;
            yield return new ContractDiagnosticKind(rule.Id, rule.Title, SeverityOf(highest));
        }
    }

    /// <summary>The severity a change of <paramref name="level"/> is reported with.</summary>
    public static ContractSeverity SeverityOf(Evolution.ChangeLevel level) => level switch
    {
        Evolution.ChangeLevel.Breaking => ContractSeverity.Error,
        Evolution.ChangeLevel.PotentiallyBreaking => ContractSeverity.Warning,
        _ => ContractSeverity.Info,
    };

    private static IReadOnlyList<ContractDiagnosticKind> Concat(IEnumerable<ContractDiagnosticKind> first, IEnumerable<ContractDiagnosticKind> second)
    {
        var all = new List<ContractDiagnosticKind>(first);
        all.AddRange(second);
        return all;
    }

    /// <summary>The kind of an id; an id the catalogue does not know is treated as an internal error.</summary>
    public static ContractDiagnosticKind Find(string id)
    {
        ContractDiagnosticKind? internalError = null;
        foreach (var kind in All)
        {
            if (kind.Id == id)
            {
                return kind;
            }

            if (kind.Id == ContractDiagnosticIds.InternalError)
            {
                internalError = kind;
            }
        }

        return internalError!;
    }
}
