namespace Codegen.Runtime;

/// <summary>What is wrong with a keyword of a contract.</summary>
internal enum CodegenSchemaProblemKind : byte
{
    /// <summary>The keyword's value is one the dialect forbids (a negative count, <c>multipleOf: 0</c>, a pattern that is not ECMA-262, an unknown type name). The keyword is left out of evaluation.</summary>
    InvalidValue,

    /// <summary>A <c>$ref</c> points at nothing in the document. Evaluating it reports a violation.</summary>
    UnresolvedReference,

    /// <summary>A keyword or a kind of reference this engine does not implement (<c>unevaluatedProperties</c>, <c>$dynamicRef</c>, references to other documents, <c>$id</c> or <c>$anchor</c>). It is left out of evaluation.</summary>
    Unsupported,

    /// <summary>A warning: the dialect gives the keyword no effect here (a sibling of <c>$ref</c> in draft-07 and OpenAPI 3.0, <c>nullable</c> without <c>type</c>), which is rarely what its author meant.</summary>
    Ignored,

    /// <summary>A warning: a keyword of another dialect, read as it means there (OpenAPI 3.0's <c>nullable</c> or boolean <c>exclusiveMinimum</c> in an OpenAPI 3.1 document).</summary>
    Compatibility,
}

/// <summary>One problem found while reading a contract: where (the JSON pointer of the keyword), what kind, and what to change.</summary>
internal sealed class CodegenSchemaProblem
{
    public CodegenSchemaProblem(string pointer, CodegenSchemaProblemKind kind, string message)
    {
        Pointer = pointer;
        Kind = kind;
        Message = message;
    }

    /// <summary>The plain JSON pointer of the offending keyword (or value), e.g. <c>/definitions/A/minimum</c>.</summary>
    public string Pointer { get; }

    public CodegenSchemaProblemKind Kind { get; }

    /// <summary>What is wrong and what to change.</summary>
    public string Message { get; }

    /// <summary>True for problems that make the contract mean something other than what it says; false for warnings.</summary>
    public bool IsError => Kind is CodegenSchemaProblemKind.InvalidValue or CodegenSchemaProblemKind.UnresolvedReference or CodegenSchemaProblemKind.Unsupported;

    public override string ToString() => (Pointer.Length == 0 ? "(root)" : Pointer) + ": " + Message;
}
