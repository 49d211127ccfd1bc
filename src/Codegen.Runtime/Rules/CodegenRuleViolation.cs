namespace Codegen.Runtime;

/// <summary>
/// One way in which a value breaks a contract's rule: where in the value (<c>$.stop[1]</c>), which keyword, the rule in
/// words, the offending value as short text, and where the rule is in the contract. Generated code turns these into
/// its public violation type; the words are the same everywhere a rule is checked.
/// </summary>
internal sealed class CodegenRuleViolation
{
    public CodegenRuleViolation(string path, string keyword, string rule, string? value, string schemaPointer)
    {
        Path = path;
        Keyword = keyword;
        Rule = rule;
        Value = value;
        SchemaPointer = schemaPointer;
    }

    /// <summary>The instance path: <c>$</c>, <c>$.top_p</c>, <c>$.stop[1]</c>, <c>$['odd name']</c>.</summary>
    public string Path { get; }

    /// <summary>The keyword that failed, e.g. <c>maximum</c>, <c>required</c>, <c>oneOf</c>.</summary>
    public string Keyword { get; }

    /// <summary>The rule in words, to follow the path: <c>must be between 0 and 2</c>, <c>is required</c>.</summary>
    public string Rule { get; }

    /// <summary>The offending value as short text (<c>3</c>, <c>'abc'</c>, <c>a string of 9 characters</c>), or null when the rule names no value.</summary>
    public string? Value { get; }

    /// <summary>The plain JSON pointer of the keyword in the contract, e.g. <c>/definitions/Request/properties/top_p/maximum</c>.</summary>
    public string SchemaPointer { get; }

    /// <summary>Whether a value outside a range broke the rule ("is out of range") rather than a value the rule does not allow ("is not allowed").</summary>
    public bool IsRange => Keyword is "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "minLength" or "maxLength"
        or "minItems" or "maxItems" or "minProperties" or "maxProperties" or "finite";

    /// <summary>The violation in words, as the generated violation type prints it: <c>$.temperature must be between 0 and 2; 3 is not valid</c>.</summary>
    public override string ToString() => Value is null ? Path + " " + Rule : Path + " " + Rule + "; " + Value + " is not valid";
}
