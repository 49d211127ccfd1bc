using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator;

public sealed partial class ContractGenerator
{
    /// <summary>Where every diagnostic's page lives (kept here for callers that know the generator only).</summary>
    public const string HelpLinkBase = ContractDiagnosticCatalog.HelpLinkBase;

    // One descriptor per contract diagnostic id; title, severity and help link come from the Roslyn-free
    // catalogue that the command-line tool reads too. The parser formats the whole message. A field per id
    // lets the release-tracking analyzer match AnalyzerReleases.*.md against the descriptors.
    internal static readonly DiagnosticDescriptor InvalidJson = Describe(ContractDiagnosticIds.InvalidJson);
    internal static readonly DiagnosticDescriptor UnreadableSchema = Describe(ContractDiagnosticIds.UnreadableSchema);
    internal static readonly DiagnosticDescriptor MissingVendorExtension = Describe(ContractDiagnosticIds.MissingVendorExtension);
    internal static readonly DiagnosticDescriptor InvalidVendorExtension = Describe(ContractDiagnosticIds.InvalidVendorExtension);
    internal static readonly DiagnosticDescriptor UnresolvedReference = Describe(ContractDiagnosticIds.UnresolvedReference);
    internal static readonly DiagnosticDescriptor NameCollision = Describe(ContractDiagnosticIds.NameCollision);
    internal static readonly DiagnosticDescriptor InvalidBounds = Describe(ContractDiagnosticIds.InvalidBounds);
    internal static readonly DiagnosticDescriptor InvalidDefault = Describe(ContractDiagnosticIds.InvalidDefault);
    internal static readonly DiagnosticDescriptor UnsupportedConstruct = Describe(ContractDiagnosticIds.UnsupportedConstruct);
    internal static readonly DiagnosticDescriptor DuplicateTypeAcrossContracts = Describe(ContractDiagnosticIds.DuplicateTypeAcrossContracts);
    internal static readonly DiagnosticDescriptor UnmarkedContract = Describe(ContractDiagnosticIds.UnmarkedContract);
    internal static readonly DiagnosticDescriptor InvalidOpenApi = Describe(ContractDiagnosticIds.InvalidOpenApi);
    internal static readonly DiagnosticDescriptor InvalidOverlay = Describe(ContractDiagnosticIds.InvalidOverlay);
    internal static readonly DiagnosticDescriptor OverlayTargetNotFound = Describe(ContractDiagnosticIds.OverlayTargetNotFound);
    internal static readonly DiagnosticDescriptor NamingSource = Describe(ContractDiagnosticIds.NamingSource);
    internal static readonly DiagnosticDescriptor NotGenerated = Describe(ContractDiagnosticIds.NotGenerated);
    internal static readonly DiagnosticDescriptor SelectionMatchesNothing = Describe(ContractDiagnosticIds.SelectionMatchesNothing);
    internal static readonly DiagnosticDescriptor DialectCompatibility = Describe(ContractDiagnosticIds.DialectCompatibility);
    internal static readonly DiagnosticDescriptor NoEffect = Describe(ContractDiagnosticIds.NoEffect);
    internal static readonly DiagnosticDescriptor InternalError = Describe(ContractDiagnosticIds.InternalError);

    /// <summary>Every catalogue id's descriptor: the fields above, and one made from the catalogue for an id that has no field yet.</summary>
    internal static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors = AllDescriptors(
        InvalidJson, UnreadableSchema, MissingVendorExtension, InvalidVendorExtension, UnresolvedReference, NameCollision, InvalidBounds, InvalidDefault, UnsupportedConstruct, DuplicateTypeAcrossContracts, UnmarkedContract, InvalidOpenApi,
        InvalidOverlay, OverlayTargetNotFound, NamingSource, NotGenerated, SelectionMatchesNothing, DialectCompatibility, NoEffect, InternalError);

    internal static Diagnostic ToDiagnostic(ContractDiagnostic diagnostic)
    {
        var span = diagnostic.Location;
        var location = Location.Create(
            span.Path,
            default(TextSpan),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        var descriptor = Descriptors.TryGetValue(diagnostic.Id, out var found) ? found : InternalError;
        return Diagnostic.Create(descriptor, location, diagnostic.Message);
    }

    private static Dictionary<string, DiagnosticDescriptor> AllDescriptors(params DiagnosticDescriptor[] fields)
    {
        var known = fields.ToDictionary(d => d.Id);
        return ContractDiagnosticCatalog.All.ToDictionary(kind => kind.Id, kind => known.TryGetValue(kind.Id, out var field) ? field : Describe(kind));
    }

    private static DiagnosticDescriptor Describe(string id) => Describe(ContractDiagnosticCatalog.Find(id));

    private static DiagnosticDescriptor Describe(ContractDiagnosticKind kind) =>
        new(kind.Id, kind.Title, "{0}", ContractDiagnosticCatalog.Category, Severity(kind.Severity), isEnabledByDefault: true, helpLinkUri: kind.HelpLink);

    private static DiagnosticSeverity Severity(ContractSeverity severity) => severity switch
    {
        ContractSeverity.Info => DiagnosticSeverity.Info,
        ContractSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };
}
