using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// The descriptors of the contract diagnostics: all errors by default, all in category "Contract". The words of
/// every message come from the rules engine (<c>CodegenRuleText</c>), as the generated builders say them:
/// <c>'temperature' must be between 0 and 2; 3 is out of range</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// Where the help pages live. This is the one place to change when the docs move:
    /// every descriptor's HelpLinkUri is this base, the id and ".md".
    /// </summary>
    public const string HelpLinkBase = "https://github.com/codegen-contract-first/codegen/blob/main/docs/diagnostics/";

    private const string Category = "Contract";

    // {0} the JSON name, {1} the rule in the engine's words, {2} the value in the engine's words.
    private const string OutOfRange = "'{0}' {1}; {2} is out of range";
    private const string NotAllowed = "'{0}' {1}; {2} is not allowed";

    public static readonly DiagnosticDescriptor ValueOutOfRange = Create(
        DiagnosticIds.ValueOutOfRange,
        "Value outside the field's range",
        OutOfRange,
        "The constant lies outside the contract's minimum/maximum (or exclusiveMinimum/exclusiveMaximum) for this field; the builder would throw and the service would reject it.");

    public static readonly DiagnosticDescriptor StringLengthOutOfRange = Create(
        DiagnosticIds.StringLengthOutOfRange,
        "String length outside the field's bounds",
        OutOfRange,
        "The string constant has fewer or more characters (code points) than the contract's minLength/maxLength allow for this field.");

    public static readonly DiagnosticDescriptor PatternMismatch = Create(
        DiagnosticIds.PatternMismatch,
        "String does not match the field's pattern",
        NotAllowed,
        "The string constant contains no match of the contract's pattern (an ECMA-262 regular expression, searched anywhere in the string unless anchored).");

    public static readonly DiagnosticDescriptor ItemCountOutOfRange = Create(
        DiagnosticIds.ItemCountOutOfRange,
        "Item count outside the field's bounds",
        OutOfRange,
        "The array of constants has fewer or more items than the contract's minItems/maxItems allow for this field.");

    public static readonly DiagnosticDescriptor ValueNotAllowed = Create(
        DiagnosticIds.ValueNotAllowed,
        "Value not allowed for the field",
        NotAllowed,
        "The field is a closed enum (or a const) in the contract and the constant is not one of its values.");

    public static readonly DiagnosticDescriptor NotAMultiple = Create(
        DiagnosticIds.NotAMultiple,
        "Number not a multiple of the field's step",
        NotAllowed,
        "The number constant is not a multiple of the contract's multipleOf for this field (compared exactly, in decimal).");

    public static readonly DiagnosticDescriptor NotFinite = Create(
        DiagnosticIds.NotFinite,
        "Number not finite",
        OutOfRange,
        "The constant is NaN or an infinity: JSON has no such number, and the builder rejects it.");

    public static readonly DiagnosticDescriptor SchemaMismatch = Create(
        DiagnosticIds.SchemaMismatch,
        "Value does not match the field's schema",
        "'{0}' {1}{2}",
        "The constant breaks a rule of the field's schema other than a bound, a length, a pattern, an enum or a step: its type, not, anyOf, oneOf, or a rule of an item.");

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
