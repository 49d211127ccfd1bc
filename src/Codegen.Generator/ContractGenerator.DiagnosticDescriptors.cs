using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator;

public sealed partial class ContractGenerator
{
    /// <summary>Where every diagnostic's page lives; the one place to change when the repository moves.</summary>
    public const string HelpLinkBase = "https://github.com/codegen-contract-first/codegen/blob/main/docs/diagnostics/";

    private const string Category = "Contract";

    // One descriptor per contract diagnostic id (see ContractDiagnosticIds); the parser formats the whole message.
    internal static readonly DiagnosticDescriptor InvalidJson = new(
        ContractDiagnosticIds.InvalidJson, "The contract is not valid JSON", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidJson + ".md");

    internal static readonly DiagnosticDescriptor UnreadableSchema = new(
        ContractDiagnosticIds.UnreadableSchema, "The contract is not a readable JSON Schema", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.UnreadableSchema + ".md");

    internal static readonly DiagnosticDescriptor MissingVendorExtension = new(
        ContractDiagnosticIds.MissingVendorExtension, "The contract has no x-codegen extension", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.MissingVendorExtension + ".md");

    internal static readonly DiagnosticDescriptor InvalidVendorExtension = new(
        ContractDiagnosticIds.InvalidVendorExtension, "The x-codegen extension is malformed", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidVendorExtension + ".md");

    internal static readonly DiagnosticDescriptor UnresolvedReference = new(
        ContractDiagnosticIds.UnresolvedReference, "A $ref does not resolve inside the contract", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.UnresolvedReference + ".md");

    internal static readonly DiagnosticDescriptor NameCollision = new(
        ContractDiagnosticIds.NameCollision, "Two names map to the same C# name", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.NameCollision + ".md");

    internal static readonly DiagnosticDescriptor InvalidBounds = new(
        ContractDiagnosticIds.InvalidBounds, "A lower bound is above its upper bound", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidBounds + ".md");

    internal static readonly DiagnosticDescriptor InvalidDefault = new(
        ContractDiagnosticIds.InvalidDefault, "A default value breaks its own schema", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidDefault + ".md");

    internal static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        ContractDiagnosticIds.UnsupportedConstruct, "A schema construct is not supported", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.UnsupportedConstruct + ".md");

    internal static readonly DiagnosticDescriptor DuplicateTypeAcrossContracts = new(
        ContractDiagnosticIds.DuplicateTypeAcrossContracts, "Two contracts define the same type", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.DuplicateTypeAcrossContracts + ".md");

    internal static readonly DiagnosticDescriptor InvalidOpenApi = new(
        ContractDiagnosticIds.InvalidOpenApi, "The OpenAPI document is malformed", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidOpenApi + ".md");

    internal static readonly DiagnosticDescriptor InvalidOverlay = new(
        ContractDiagnosticIds.InvalidOverlay, "The overlay is malformed", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InvalidOverlay + ".md");

    internal static readonly DiagnosticDescriptor OverlayTargetNotFound = new(
        ContractDiagnosticIds.OverlayTargetNotFound, "An overlay action selects nothing", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.OverlayTargetNotFound + ".md");

    internal static readonly DiagnosticDescriptor NamingSource = new(
        ContractDiagnosticIds.NamingSource, "Where the namespace and prefix come from", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.NamingSource + ".md");

    internal static readonly DiagnosticDescriptor NotGenerated = new(
        ContractDiagnosticIds.NotGenerated, "A part of the contract is not generated as written", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.NotGenerated + ".md");

    internal static readonly DiagnosticDescriptor SelectionMatchesNothing = new(
        ContractDiagnosticIds.SelectionMatchesNothing, "A selection matches no operation", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.SelectionMatchesNothing + ".md");

    internal static readonly DiagnosticDescriptor DialectCompatibility = new(
        ContractDiagnosticIds.DialectCompatibility, "Keywords of an older dialect are read as it means them", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.DialectCompatibility + ".md");

    internal static readonly DiagnosticDescriptor NoEffect = new(
        ContractDiagnosticIds.NoEffect, "A keyword has no effect where it is written", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.NoEffect + ".md");

    internal static readonly DiagnosticDescriptor InternalError = new(
        ContractDiagnosticIds.InternalError, "The generator failed on this contract", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + ContractDiagnosticIds.InternalError + ".md");

    internal static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors = new Dictionary<string, DiagnosticDescriptor>
    {
        [ContractDiagnosticIds.InvalidJson] = InvalidJson,
        [ContractDiagnosticIds.UnreadableSchema] = UnreadableSchema,
        [ContractDiagnosticIds.MissingVendorExtension] = MissingVendorExtension,
        [ContractDiagnosticIds.InvalidVendorExtension] = InvalidVendorExtension,
        [ContractDiagnosticIds.UnresolvedReference] = UnresolvedReference,
        [ContractDiagnosticIds.NameCollision] = NameCollision,
        [ContractDiagnosticIds.InvalidBounds] = InvalidBounds,
        [ContractDiagnosticIds.InvalidDefault] = InvalidDefault,
        [ContractDiagnosticIds.UnsupportedConstruct] = UnsupportedConstruct,
        [ContractDiagnosticIds.DuplicateTypeAcrossContracts] = DuplicateTypeAcrossContracts,
        [ContractDiagnosticIds.InvalidOpenApi] = InvalidOpenApi,
        [ContractDiagnosticIds.InvalidOverlay] = InvalidOverlay,
        [ContractDiagnosticIds.OverlayTargetNotFound] = OverlayTargetNotFound,
        [ContractDiagnosticIds.NamingSource] = NamingSource,
        [ContractDiagnosticIds.NotGenerated] = NotGenerated,
        [ContractDiagnosticIds.SelectionMatchesNothing] = SelectionMatchesNothing,
        [ContractDiagnosticIds.DialectCompatibility] = DialectCompatibility,
        [ContractDiagnosticIds.NoEffect] = NoEffect,
        [ContractDiagnosticIds.InternalError] = InternalError,
    };

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
}
