namespace Codegen.Analyzers;

/// <summary>
/// The ids of every diagnostic the contract analyzers report, one per kind of rule the rules engine reports.
/// Code fixes and tests refer to these constants; each id has a page under docs/diagnostics/.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>A number lies outside <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c> or <c>exclusiveMaximum</c>.</summary>
    public const string ValueOutOfRange = "CG1001";

    /// <summary>A string has fewer or more code points than <c>minLength</c> or <c>maxLength</c> allow.</summary>
    public const string StringLengthOutOfRange = "CG1002";

    /// <summary>A string does not contain a match of <c>pattern</c> (an unanchored ECMA-262 search).</summary>
    public const string PatternMismatch = "CG1003";

    /// <summary>An array of constants has fewer or more items than <c>minItems</c> or <c>maxItems</c> allow.</summary>
    public const string ItemCountOutOfRange = "CG1004";

    /// <summary>A value is not one of the <c>enum</c> values, or not the <c>const</c> value.</summary>
    public const string ValueNotAllowed = "CG1005";

    /// <summary>A number is not a multiple of <c>multipleOf</c>.</summary>
    public const string NotAMultiple = "CG1006";

    /// <summary>A floating-point constant is NaN or infinite, which JSON cannot write.</summary>
    public const string NotFinite = "CG1007";

    /// <summary>A value breaks another rule of the member's schema: <c>type</c>, <c>not</c>, <c>anyOf</c>, <c>oneOf</c>, items, ...</summary>
    public const string SchemaMismatch = "CG1008";
}
