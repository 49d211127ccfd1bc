using System.Collections.Generic;

namespace Codegen.Contracts.Diagnostics;

/// <summary>How serious a contract problem is. Mirrors Roslyn's severities without depending on Roslyn.</summary>
public enum ContractSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One kind of contract problem: its id, a short title and how serious it is.</summary>
public sealed record ContractDiagnosticKind(string Id, string Title, ContractSeverity Severity);

/// <summary>
/// Every diagnostic the contract parser reports. Ids are public constants so that tests, docs and
/// suppressions can name them; each id has a page at <c>docs/diagnostics/{id}.md</c>.
/// </summary>
public static class ContractDiagnosticIds
{
    public const string InvalidJson = "CG0001";
    public const string UnreadableSchema = "CG0002";
    public const string MissingVendorExtension = "CG0003";
    public const string InvalidVendorExtension = "CG0004";
    public const string UnresolvedReference = "CG0005";
    // CG0006 ("$defs is read as definitions") is retired: $defs and definitions read alike.
    public const string NameCollision = "CG0007";
    public const string InvalidBounds = "CG0008";
    public const string InvalidDefault = "CG0009";
    public const string UnsupportedConstruct = "CG0010";
    public const string DuplicateTypeAcrossContracts = "CG0011";

    // CG0012 is the hint for a contract added as plain AdditionalFiles.
    public const string InvalidOpenApi = "CG0013";
    public const string InvalidOverlay = "CG0014";
    public const string OverlayTargetNotFound = "CG0015";
    public const string NamingSource = "CG0016";
    public const string NotGenerated = "CG0017";
    public const string SelectionMatchesNothing = "CG0018";
    public const string DialectCompatibility = "CG0019";
    public const string NoEffect = "CG0020";
    public const string InternalError = "CG0099";

    public static IReadOnlyList<ContractDiagnosticKind> All { get; } = new[]
    {
        new ContractDiagnosticKind(InvalidJson, "The contract is not valid JSON", ContractSeverity.Error),
        new ContractDiagnosticKind(UnreadableSchema, "The contract is not a readable JSON Schema", ContractSeverity.Error),
        new ContractDiagnosticKind(MissingVendorExtension, "The contract has no x-codegen extension", ContractSeverity.Info),
        new ContractDiagnosticKind(InvalidVendorExtension, "The x-codegen extension is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(UnresolvedReference, "A $ref does not resolve inside the contract", ContractSeverity.Error),
        new ContractDiagnosticKind(NameCollision, "Two names map to the same C# name", ContractSeverity.Warning),
        new ContractDiagnosticKind(InvalidBounds, "A lower bound is above its upper bound", ContractSeverity.Error),
        new ContractDiagnosticKind(InvalidDefault, "A default value breaks its own schema", ContractSeverity.Warning),
        new ContractDiagnosticKind(UnsupportedConstruct, "A schema construct is not supported", ContractSeverity.Warning),
        new ContractDiagnosticKind(DuplicateTypeAcrossContracts, "Two contracts define the same type", ContractSeverity.Error),
        new ContractDiagnosticKind(InvalidOpenApi, "The OpenAPI document is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(InvalidOverlay, "The overlay is malformed", ContractSeverity.Error),
        new ContractDiagnosticKind(OverlayTargetNotFound, "An overlay action selects nothing", ContractSeverity.Warning),
        new ContractDiagnosticKind(NamingSource, "Where the namespace and prefix come from", ContractSeverity.Info),
        new ContractDiagnosticKind(NotGenerated, "A part of the contract is not generated as written", ContractSeverity.Info),
        new ContractDiagnosticKind(SelectionMatchesNothing, "A selection matches no operation", ContractSeverity.Warning),
        new ContractDiagnosticKind(DialectCompatibility, "Keywords of an older dialect are read as it means them", ContractSeverity.Info),
        new ContractDiagnosticKind(NoEffect, "A keyword has no effect where it is written", ContractSeverity.Info),
        new ContractDiagnosticKind(InternalError, "The generator failed on this contract", ContractSeverity.Error),
    };
}
