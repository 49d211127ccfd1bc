using System.Collections.Generic;

namespace Codegen.Contracts.Diagnostics;

/// <summary>
/// Every contract diagnostic id: the parser's, and the generator's checks across contracts and of the
/// project. Ids are public constants so that tests, docs and suppressions can name them; each id has a
/// page at <c>docs/diagnostics/{id}.md</c>.
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
    public const string UnmarkedContract = "CG0012";
    public const string InvalidOpenApi = "CG0013";
    public const string InvalidOverlay = "CG0014";
    public const string OverlayTargetNotFound = "CG0015";
    public const string NamingSource = "CG0016";
    public const string NotGenerated = "CG0017";
    public const string SelectionMatchesNothing = "CG0018";
    public const string DialectCompatibility = "CG0019";
    public const string NoEffect = "CG0020";
    public const string InternalError = "CG0099";

    /// <summary>Every kind with its title and severity; see <see cref="ContractDiagnosticCatalog"/>.</summary>
    public static IReadOnlyList<ContractDiagnosticKind> All => ContractDiagnosticCatalog.All;
}
