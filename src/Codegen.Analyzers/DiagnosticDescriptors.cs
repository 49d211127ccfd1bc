using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>The descriptors of the contract diagnostics: all errors by default, all in category "Contract".</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// Where the help pages live. This is the one place to change when the docs move:
    /// every descriptor's HelpLinkUri is this base, the id and ".md".
    /// </summary>
    public const string HelpLinkBase = "https://github.com/codegen-contract-first/codegen/blob/main/docs/diagnostics/";

    private const string Category = "Contract";

    public static readonly DiagnosticDescriptor ValueOutOfRange = Create(
        DiagnosticIds.ValueOutOfRange,
        "Value outside the field's range",
        "'{0}' must be {1}; {2} is out of range",
        "The constant lies outside the range the contract gives this field ([Range]); the service would reject the request.");

    public static readonly DiagnosticDescriptor StringLengthOutOfRange = Create(
        DiagnosticIds.StringLengthOutOfRange,
        "String length outside the field's bounds",
        "'{0}' must be {1} characters long; {2} has {3}",
        "The string constant is shorter or longer than the contract allows for this field ([StringLength]).");

    public static readonly DiagnosticDescriptor PatternMismatch = Create(
        DiagnosticIds.PatternMismatch,
        "String does not match the field's pattern",
        "'{0}' must match the pattern '{1}'; {2} does not",
        "The string constant does not match the pattern the contract gives this field ([RegularExpression]).");

    public static readonly DiagnosticDescriptor ItemCountOutOfRange = Create(
        DiagnosticIds.ItemCountOutOfRange,
        "Item count outside the field's bounds",
        "'{0}' must have {1} items; {2} were given",
        "The collection has fewer or more items than the contract allows for this field ([MinLength], [MaxLength] or [Length]).");

    public static readonly DiagnosticDescriptor ValueNotAllowed = Create(
        DiagnosticIds.ValueNotAllowed,
        "Value not allowed for the field",
        "'{0}' must be one of {1}; {2} is not allowed",
        "The field is a closed enum ([AllowedValues]) and the constant is not one of its values.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description) =>
        new(
            id,
            title,
            messageFormat,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md");
}
