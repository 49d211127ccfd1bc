namespace Codegen.Analyzers;

/// <summary>
/// The ids of every diagnostic the contract analyzers report. Code fixes and tests refer to these
/// constants; each id has a page under docs/diagnostics/.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>A numeric constant lies outside the field's <c>[Range]</c>.</summary>
    public const string ValueOutOfRange = "CG1001";

    /// <summary>A string constant is shorter or longer than the field's <c>[StringLength]</c> allows.</summary>
    public const string StringLengthOutOfRange = "CG1002";

    /// <summary>A string constant does not match the field's <c>[RegularExpression]</c>.</summary>
    public const string PatternMismatch = "CG1003";

    /// <summary>A collection of known size has fewer or more items than <c>[MinLength]</c>, <c>[MaxLength]</c> or <c>[Length]</c> allow.</summary>
    public const string ItemCountOutOfRange = "CG1004";

    /// <summary>A constant is not one of the field's <c>[AllowedValues]</c> (a closed enum).</summary>
    public const string ValueNotAllowed = "CG1005";
}
